"""ReLU.backward returns the mask input > 0 and forgets to multiply by grad_output.

diagnosis: your ReLU.backward returns the mask input > 0 without multiplying it by grad_output.
fails: relu_hidden, relu_public, train_hidden, train_public, training_hidden, xavier_deep_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class ReLU(Layer):
    def backward(self, input, grad_output):
        """input, grad_output: (N, D) -> grad_input (N, D): grad_output where input > 0, else 0."""
        return (input > 0).astype(float)
