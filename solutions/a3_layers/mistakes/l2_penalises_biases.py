"""L2Dense penalises the biases as well as the weights.

diagnosis: your L2Dense penalises the biases as well as the weights.
fails: l2_gradient_hidden, l2_public
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class L2Dense(Dense):
    """A Dense layer whose weights pay the L2 penalty alpha * sum(weights ** 2) in the loss."""

    def __init__(self, input_units, output_units, learning_rate=0.1, alpha=1e-4):
        super().__init__(input_units, output_units, learning_rate)
        self.alpha = alpha

    def penalty(self):
        """alpha times the sum of the squared weights (the biases are not penalised), a float."""
        return self.alpha * float(np.sum(self.weights**2) + np.sum(self.biases**2))

    def update(self, grad_weights, grad_biases):
        """Dense's SGD step, with the penalty's own gradient added to grad_weights (D, M)."""
        super().update(
            grad_weights + 2.0 * self.alpha * self.weights,
            grad_biases + 2.0 * self.alpha * self.biases,
        )
