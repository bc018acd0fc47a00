"""ReLU.backward masks by the sign of grad_output instead of the input's.

diagnosis: your ReLU.backward masks by the sign of grad_output instead of the sign of the input.
fails: relu_hidden, relu_public, train_hidden, training_hidden, xavier_deep_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class ReLU(Layer):
    def backward(self, input, grad_output):
        """input, grad_output: (N, D) -> grad_input (N, D): grad_output where input > 0, else 0."""
        return grad_output * (grad_output > 0)
