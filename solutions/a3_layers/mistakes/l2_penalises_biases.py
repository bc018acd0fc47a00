"""L2Dense penalises the biases as well as the weights.

diagnosis: your L2Dense penalises the biases as well as the weights.
fails: l2_gradient_hidden, l2_public
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class L2Dense(Dense):
    def penalty(self):
        """alpha times the sum of the squared weights (the biases are not penalised), a float."""
        return self.alpha * float(np.sum(self.weights**2) + np.sum(self.biases**2))

    def update(self, grad_weights, grad_biases):
        """Dense's SGD step, with the penalty's own gradient added to grad_weights (D, M)."""
        super().update(
            grad_weights + 2.0 * self.alpha * self.weights,
            grad_biases + 2.0 * self.alpha * self.biases,
        )
