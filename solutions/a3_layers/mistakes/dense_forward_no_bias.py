"""Dense.forward leaves out the biases.

diagnosis: your Dense.forward leaves out the biases.
fails: dense_forward_public, forward_hidden, forward_public, predict_hidden, train_hidden,
    training_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dense(Layer):
    def forward(self, input):
        """input: (N, D) -> output (N, M)."""
        return input @ self.weights
