"""XavierDense draws uniformly from +-sqrt(2 / (fan_in + fan_out)), a third of the variance.

diagnosis: your XavierDense draws uniformly from plus or minus sqrt(2 / (fan_in + fan_out)),
    which gives a third of the variance.
fails: xavier_deep_hidden, xavier_hidden, xavier_public
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class XavierDense(Dense):
    def __init__(self, input_units, output_units, learning_rate=0.1):
        super().__init__(input_units, output_units, learning_rate)
        scale = np.sqrt(2.0 / (input_units + output_units))
        self.weights = np.random.uniform(-scale, scale, (input_units, output_units))
