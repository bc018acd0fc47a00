"""TwoLayerNet draws its weights from the global np.random, ignoring the seed.

diagnosis: your TwoLayerNet draws its weights from the global np.random, ignoring the seed.
fails: two_layer_gradient_hidden, two_layer_public
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class TwoLayerNet:
    def __init__(
        self, input_size, hidden_size, output_size, weight_init_std=0.01, regularization=0.0, seed=0
    ):
        self.regularization = regularization
        self.params = {
            "W1": weight_init_std * np.random.randn(input_size, hidden_size),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * np.random.randn(hidden_size, output_size),
            "b2": np.zeros(output_size),
        }
        self.grads = {}
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = ReLU()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.last_layer = OutputLayer()
