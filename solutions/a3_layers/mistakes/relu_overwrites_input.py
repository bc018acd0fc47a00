"""ReLU.forward clips its input in place and returns it: the Dense layer before it loses its output
(and the checks of ReLU itself see their input changed).

diagnosis: your ReLU.forward changes its input in place, so the layer before it loses its
    output.
fails: forward_hidden, relu_hidden, relu_public
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class ReLU(Layer):
    def forward(self, input):
        np.maximum(input, 0.0, out=input)
        return input
