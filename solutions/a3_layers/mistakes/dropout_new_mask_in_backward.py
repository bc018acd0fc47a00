"""Dropout.backward draws a fresh mask instead of reusing forward's.

diagnosis: your Dropout.backward draws a new mask instead of reusing the one from forward.
fails: dropout_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dropout(Layer):
    """Inverted dropout. In training each unit is zeroed with probability p and the others are
    multiplied by 1 / (1 - p), so the output's expectation is the input; at test time
    (training False) the layer is the identity."""

    def __init__(self, p=0.5):
        self.p = p

    def forward(self, input):
        """input: (N, D) -> (N, D). In training, draw a new mask with np.random and keep it
        for backward."""
        if not self.training:
            return input
        self.mask = (np.random.rand(*np.shape(input)) >= self.p) / (1.0 - self.p)
        return input * self.mask

    def backward(self, input, grad_output):
        """grad_output: (N, D) -> grad_input (N, D), through the mask of the last forward."""
        fresh = (np.random.rand(*np.shape(input)) >= self.p) / (1.0 - self.p)
        return grad_output * fresh if self.training else grad_output
