"""OutputLayer.backward ignores the upstream derivative dout.

diagnosis: your OutputLayer.backward ignores the upstream derivative dout.
fails: output_layer_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class OutputLayer:
    def backward(self, dout=1.0):
        return (self.y - self.t) / self.y.shape[0]
