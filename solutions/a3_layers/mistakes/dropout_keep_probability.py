"""Dropout reads p as the probability of keeping a unit.

diagnosis: your Dropout treats p as the probability of keeping a unit; p is the probability of
    dropping it.
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
        self.mask = (np.random.rand(*np.shape(input)) < self.p) / self.p
        return input * self.mask
