"""Dropout.backward draws a fresh mask instead of reusing forward's.

diagnosis: your Dropout.backward draws a new mask instead of reusing the one from forward.
fails: dropout_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dropout(Layer):
    def backward(self, input, grad_output):
        """grad_output: (N, D) -> grad_input (N, D), through the mask of the last forward."""
        fresh = (np.random.rand(*np.shape(input)) >= self.p) / (1.0 - self.p)
        return grad_output * fresh if self.training else grad_output
