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

    def predict(self, x):
        for layer in self.layers.values():
            x = layer.forward(x)
        return x

    def loss(self, x, t):
        penalty = np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2)
        return self.last_layer.forward(self.predict(x), t) + 0.5 * self.regularization * penalty

    def accuracy(self, x, t):
        labels = np.argmax(t, axis=1) if np.ndim(t) == 2 else np.asarray(t)
        return float(np.mean(np.argmax(self.predict(x), axis=1) == labels))

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

    def numerical_gradient(self, x, t):
        return {
            key: numerical_gradient(lambda _: self.loss(x, t), value)
            for key, value in self.params.items()
        }

    def update_params(self, learning_rate):
        for key, value in self.params.items():
            value -= learning_rate * self.grads[key]
