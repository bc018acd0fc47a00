"""ReLU masks only negative inputs (x < 0), so backward passes dout where the input was exactly 0.

diagnosis: your ReLU lets the gradient through where the input is exactly 0; its derivative
    there is 0 (mask x <= 0, not x < 0).
fails: relu_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class ReLU:
    def forward(self, x):
        self.mask = x < 0
        return np.where(self.mask, 0.0, x)
