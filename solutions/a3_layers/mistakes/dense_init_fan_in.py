"""Dense scales its weights by 1 / sqrt(input_units) instead of 0.01.

diagnosis: your Dense scales its weights by 1 / sqrt(input_units) instead of 0.01.
fails: dense_init_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dense(Layer):
    def __init__(self, input_units, output_units, learning_rate=0.1):
        self.learning_rate = learning_rate
        self.weights = np.random.randn(input_units, output_units) / np.sqrt(input_units)
        self.biases = np.zeros(output_units)
