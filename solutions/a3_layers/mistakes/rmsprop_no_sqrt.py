"""RMSpropDense divides by the mean square itself, not its square root.

diagnosis: your RMSpropDense divides by the mean square itself instead of its square root.
fails: rmsprop_hidden, rmsprop_public
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class RMSpropDense(Dense):
    def update(self, grad_weights, grad_biases):
        """grad_weights: (D, M); grad_biases: (M,). One RMSprop step of both arrays."""
        keep = self.decay
        self.square_weights = keep * self.square_weights + (1 - keep) * grad_weights**2
        self.square_biases = keep * self.square_biases + (1 - keep) * grad_biases**2
        step_weights = grad_weights / (self.square_weights + self.epsilon)
        step_biases = grad_biases / (self.square_biases + self.epsilon)
        self.weights = self.weights - self.learning_rate * step_weights
        self.biases = self.biases - self.learning_rate * step_biases
