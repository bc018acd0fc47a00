"""ReLU.backward lets the gradient through where the input is exactly 0 (input >= 0).

diagnosis: your ReLU.backward lets the gradient through where the input is exactly 0.
fails: relu_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class ReLU(Layer):
    def backward(self, input, grad_output):
        return np.where(input >= 0, grad_output, 0.0)
