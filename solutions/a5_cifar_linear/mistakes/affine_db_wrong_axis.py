"""Affine.backward sums db over the units (axis 1) instead of over the samples.

diagnosis: your Affine.backward sums db over the units instead of over the samples.
fails: affine_hidden, affine_public, two_layer_gradient_hidden, two_layer_training_hidden,
    two_layer_update_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class Affine:
    def backward(self, dout):
        self.dW = self.x.T @ dout
        self.db = np.sum(dout, axis=1)
        return dout @ self.W.T
