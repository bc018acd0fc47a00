"""OutputLayer.backward returns y - t without dividing by N.

diagnosis: your OutputLayer.backward returns y - t without dividing by N.
fails: output_layer_hidden, output_layer_public, two_layer_gradient_hidden,
    two_layer_training_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class OutputLayer:
    def backward(self, dout=1.0):
        return dout * (self.y - self.t)
