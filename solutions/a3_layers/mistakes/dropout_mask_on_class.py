"""Dropout keeps its mask on the class: every Dropout layer backpropagates through the last mask.

diagnosis: your Dropout keeps its mask on the class, so every Dropout layer shares the last mask
    drawn.
fails: dropout_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dropout(Layer):
    mask = None

    def forward(self, input):
        if not self.training:
            return input
        Dropout.mask = (np.random.rand(*input.shape) > self.p) / (1 - self.p)
        return input * Dropout.mask

    def backward(self, input, grad_output):
        if not self.training:
            return grad_output
        return grad_output * Dropout.mask
