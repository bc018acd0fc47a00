"""Dense starts every weight at the same small value 0.01 instead of drawing them.

diagnosis: your Dense starts every weight at the same value instead of drawing them at random.
fails: dense_init_hidden, dense_init_public, training_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dense(Layer):
    def __init__(self, input_units, output_units, learning_rate=0.1):
        self.learning_rate = learning_rate
        # and zero biases of shape (output_units,).
        self.weights = np.full((input_units, output_units), 0.01)
        self.biases = np.zeros(output_units)
