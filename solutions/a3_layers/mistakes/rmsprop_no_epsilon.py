"""RMSpropDense leaves out epsilon, so a gradient that is always zero divides 0 by 0.

diagnosis: your RMSpropDense leaves out epsilon, so a gradient that stays zero divides 0 by 0.
fails: rmsprop_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class RMSpropDense(Dense):
    def update(self, grad_weights, grad_biases):
        """grad_weights: (D, M); grad_biases: (M,). One RMSprop step of both arrays."""
        keep = self.decay
        self.square_weights = keep * self.square_weights + (1 - keep) * grad_weights**2
        self.square_biases = keep * self.square_biases + (1 - keep) * grad_biases**2
        step_weights = grad_weights / np.sqrt(self.square_weights)
        step_biases = grad_biases / np.sqrt(self.square_biases)
        self.weights = self.weights - self.learning_rate * step_weights
        self.biases = self.biases - self.learning_rate * step_biases
