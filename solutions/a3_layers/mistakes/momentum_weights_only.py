"""MomentumDense gives the weights momentum but steps the biases by plain SGD.

diagnosis: your MomentumDense gives the weights momentum but steps the biases by plain SGD.
fails: momentum_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class MomentumDense(Dense):
    def update(self, grad_weights, grad_biases):
        """grad_weights: (D, M); grad_biases: (M,). One momentum step of both arrays."""
        mu, rate = self.momentum, self.learning_rate
        self.velocity_weights = mu * self.velocity_weights - rate * grad_weights
        self.velocity_biases = mu * self.velocity_biases - rate * grad_biases
        self.weights = self.weights + self.velocity_weights
        self.biases = self.biases - rate * grad_biases
