"""Dropout drops units at test time too.

diagnosis: your Dropout drops units at test time too; at test time it should pass its input
    through.
fails: dropout_hidden, dropout_public
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dropout(Layer):
    def forward(self, input):
        """input: (N, D) -> (N, D). In training, draw a new mask with np.random and keep it
        for backward."""
        self.mask = (np.random.rand(*np.shape(input)) >= self.p) / (1.0 - self.p)
        return input * self.mask

    def backward(self, input, grad_output):
        """grad_output: (N, D) -> grad_input (N, D), through the mask of the last forward."""
        return grad_output * self.mask
