"""ReLU keeps its mask on the class, so two ReLU layers share one mask.

diagnosis: your ReLU keeps its mask on the class, so two ReLU layers share one mask.
fails: relu_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class ReLU:
    mask = None

    def forward(self, x):
        ReLU.mask = x <= 0
        return np.where(ReLU.mask, 0.0, x)

    def backward(self, dout):
        return np.where(ReLU.mask, 0, dout)
