"""Sigmoid computes 1 / (1 + exp(-x)) directly, which overflows for x = -1000.

diagnosis: your sigmoid overflows for very negative inputs: never exponentiate a large positive
    number.
fails: sigmoid_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class Sigmoid:
    def forward(self, x):
        self.out = 1.0 / (1.0 + np.exp(-x))
        return self.out
