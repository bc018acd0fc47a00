"""XavierDense takes the variance 2 / (fan_in + fan_out) as the standard deviation.

diagnosis: your XavierDense uses the variance 2 / (fan_in + fan_out) as the standard deviation.
fails: xavier_deep_hidden, xavier_hidden, xavier_public
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class XavierDense(Dense):
    def __init__(self, input_units, output_units, learning_rate=0.1):
        super().__init__(input_units, output_units, learning_rate)
        scale = 2.0 / (input_units + output_units)
        self.weights = np.random.randn(input_units, output_units) * scale
