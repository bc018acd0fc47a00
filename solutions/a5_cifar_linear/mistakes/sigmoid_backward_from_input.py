"""Sigmoid.backward uses the forward input x in x * (1 - x), not the output.

diagnosis: your Sigmoid.backward computes x (1 - x) from the forward input instead of the
    output.
fails: sigmoid_hidden, sigmoid_public
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class Sigmoid:
    def __init__(self):
        self.x = None

    def forward(self, x):
        self.x = np.asarray(x, dtype=float)
        e = np.exp(-np.abs(self.x))
        return np.where(self.x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))

    def backward(self, dout):
        return dout * self.x * (1.0 - self.x)
