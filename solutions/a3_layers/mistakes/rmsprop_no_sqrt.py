"""RMSpropDense divides by the mean square itself, not its square root.

diagnosis: your RMSpropDense divides by the mean square itself instead of its square root.
fails: rmsprop_hidden, rmsprop_public
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class RMSpropDense(Dense):
    """RMSprop: mean_square = decay * mean_square + (1 - decay) * gradient ** 2, then
    parameter -= learning_rate * gradient / (sqrt(mean_square) + epsilon); one running mean
    per parameter array, starting at zero."""

    def __init__(self, input_units, output_units, learning_rate=0.001, decay=0.9, epsilon=1e-8):
        super().__init__(input_units, output_units, learning_rate)
        self.decay = decay
        self.epsilon = epsilon
        self.square_weights = np.zeros_like(self.weights)
        self.square_biases = np.zeros_like(self.biases)

    def update(self, grad_weights, grad_biases):
        """grad_weights: (D, M); grad_biases: (M,). One RMSprop step of both arrays."""
        keep = self.decay
        self.square_weights = keep * self.square_weights + (1 - keep) * grad_weights**2
        self.square_biases = keep * self.square_biases + (1 - keep) * grad_biases**2
        step_weights = grad_weights / (self.square_weights + self.epsilon)
        step_biases = grad_biases / (self.square_biases + self.epsilon)
        self.weights = self.weights - self.learning_rate * step_weights
        self.biases = self.biases - self.learning_rate * step_biases
