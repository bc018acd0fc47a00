"""TwoLayerNet.loss adds regularization * sum(W**2), twice the penalty its gradient matches.

diagnosis: your TwoLayerNet.loss adds regularization * sum(W**2) without the 1/2.
fails: two_layer_gradient_hidden, two_layer_numerical_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class TwoLayerNet:
    def __init__(
        self, input_size, hidden_size, output_size, weight_init_std=0.01, regularization=0.0, seed=0
    ):
        rng = np.random.default_rng(seed)
        self.regularization = regularization
        self.params = {
            "W1": weight_init_std * rng.standard_normal((input_size, hidden_size)),
            "b1": np.zeros(hidden_size),
            "W2": weight_init_std * rng.standard_normal((hidden_size, output_size)),
            "b2": np.zeros(output_size),
        }
        self.grads = {}
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = ReLU()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.last_layer = OutputLayer()

    def loss(self, x, t):
        penalty = np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2)
        return self.last_layer.forward(self.predict(x), t) + self.regularization * penalty
