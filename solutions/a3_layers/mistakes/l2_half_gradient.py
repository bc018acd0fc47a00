"""L2Dense adds alpha * W to the weight gradient, the gradient of half the penalty.

diagnosis: your L2Dense adds alpha * W to the weight gradient, which is the gradient of half the
    penalty.
fails: l2_gradient_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class L2Dense(Dense):
    def update(self, grad_weights, grad_biases):
        """Dense's SGD step, with the penalty's own gradient added to grad_weights (D, M)."""
        super().update(grad_weights + self.alpha * self.weights, grad_biases)
