"""Dropout zeroes units but does not scale the others by 1 / (1 - p).

diagnosis: your Dropout does not scale the kept units by 1 / (1 - p).
fails: dropout_hidden, dropout_public
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dropout(Layer):
    def forward(self, input):
        """input: (N, D) -> (N, D). In training, draw a new mask with np.random and keep it
        for backward."""
        if not self.training:
            return input
        self.mask = (np.random.rand(*np.shape(input)) >= self.p) * 1.0
        return input * self.mask
