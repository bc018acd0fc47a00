"""ReLU.backward masks by the sign of dout instead of the forward input.

diagnosis: your ReLU.backward masks by the sign of dout instead of the sign of the forward
    input.
fails: relu_hidden, relu_public, two_layer_gradient_hidden, two_layer_training_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class ReLU:
    def backward(self, dout):
        return np.where(dout <= 0, 0, dout)
