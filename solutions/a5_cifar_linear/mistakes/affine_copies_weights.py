"""Affine keeps copies of W and b, so a network's in-place updates never reach it.

diagnosis: your Affine keeps copies of W and b, so updates made to the network's parameters
    never reach it.
fails: two_layer_gradient_hidden, two_layer_numerical_hidden, two_layer_training_hidden,
    two_layer_update_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class Affine:
    def __init__(self, W, b):
        self.W = np.array(W, dtype=float)
        self.b = np.array(b, dtype=float)
        self.x = None
        self.dW = None
        self.db = None
