"""TwoLayerNet.gradient leaves out the L2 term regularization * W.

diagnosis: your TwoLayerNet.gradient leaves out the L2 term regularization * W.
fails: two_layer_gradient_hidden
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

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last_layer.backward(1.0)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        first, second = self.layers["Affine1"], self.layers["Affine2"]
        self.grads = {
            "W1": first.dW,
            "b1": first.db,
            "W2": second.dW,
            "b2": second.db,
        }
        return self.grads
