"""The seed's Dense_reg: mean gradients over the batch plus alpha * W (half the penalty's
gradient).

diagnosis: your L2Dense averages the gradients over the batch and adds alpha * W, the gradient
    of half the penalty.
fails: l2_gradient_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class L2Dense(Dense):
    def __init__(self, input_units, output_units, learning_rate=0.1, alpha=1e-4):
        super().__init__(input_units, output_units, learning_rate)
        self.alpha = alpha
        self.batch_size = 1

    def backward(self, input, grad_output):
        self.batch_size = len(input)
        return super().backward(input, grad_output)

    def update(self, grad_weights, grad_biases):
        """Dense's SGD step, with the penalty's own gradient added to grad_weights (D, M)."""
        n = self.batch_size
        super().update(grad_weights / n + self.alpha * self.weights, grad_biases / n)
