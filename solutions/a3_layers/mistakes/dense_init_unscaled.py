"""Dense draws its weights from np.random.randn without the factor 0.01.

diagnosis: your Dense draws its weights from the standard normal without the factor 0.01.
fails: dense_init_hidden, dense_init_public, training_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dense(Layer):
    def __init__(self, input_units, output_units, learning_rate=0.1):
        self.learning_rate = learning_rate
        # and zero biases of shape (output_units,).
        self.weights = np.random.randn(input_units, output_units)
        self.biases = np.zeros(output_units)
