"""Affine.backward divides dW and db by N, although dout is already averaged.

diagnosis: your Affine.backward divides dW and db by N, although dout is already averaged.
fails: affine_hidden, affine_public, two_layer_gradient_hidden, two_layer_training_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class Affine:
    def backward(self, dout):
        self.dW = self.x.T @ dout / len(dout)
        self.db = np.sum(dout, axis=0) / len(dout)
        return dout @ self.W.T
