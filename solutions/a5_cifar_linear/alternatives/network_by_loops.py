"""A TwoLayerNet built and differentiated with loops over its layers, with its own centred
differences and np.subtract(..., out=...) for the update.

A correct submission written differently: it must score full marks.
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class TwoLayerNet:
    def __init__(
        self, input_size, hidden_size, output_size, weight_init_std=0.01, regularization=0.0, seed=0
    ):
        rng = np.random.default_rng(seed)
        sizes = [input_size, hidden_size, output_size]
        self.regularization = regularization
        self.params, self.grads = {}, {}
        self.layers = OrderedDict()
        for n in (1, 2):
            w = rng.normal(0.0, weight_init_std, (sizes[n - 1], sizes[n]))
            self.params[f"W{n}"], self.params[f"b{n}"] = w, np.zeros(sizes[n])
            self.layers[f"Affine{n}"] = Affine(self.params[f"W{n}"], self.params[f"b{n}"])
            if n == 1:
                self.layers["Relu1"] = ReLU()
        self.last_layer = OutputLayer()

    def predict(self, x):
        for name in self.layers:
            x = self.layers[name].forward(x)
        return x

    def loss(self, x, t):
        data = self.last_layer.forward(self.predict(x), t)
        weights = [v for k, v in self.params.items() if k.startswith("W")]
        return data + 0.5 * self.regularization * sum(float(np.vdot(w, w)) for w in weights)

    def accuracy(self, x, t):
        t = np.asarray(t)
        labels = t.argmax(axis=1) if t.ndim > 1 else t
        return float((self.predict(x).argmax(axis=1) == labels).sum() / len(x))

    def gradient(self, x, t):
        self.loss(x, t)
        dout = self.last_layer.backward()
        for name in list(self.layers)[::-1]:
            dout = self.layers[name].backward(dout)
        for n in (1, 2):
            layer = self.layers[f"Affine{n}"]
            self.grads[f"W{n}"] = layer.dW + self.regularization * self.params[f"W{n}"]
            self.grads[f"b{n}"] = layer.db
        return dict(self.grads)

    def numerical_gradient(self, x, t, step=1e-6):
        estimates = {}
        for key, value in self.params.items():
            grad = np.zeros_like(value)
            for index in np.ndindex(value.shape):
                saved = value[index]
                value[index] = saved + step
                up = self.loss(x, t)
                value[index] = saved - step
                down = self.loss(x, t)
                value[index] = saved
                grad[index] = (up - down) / (2 * step)
            estimates[key] = grad
        return estimates

    def update_params(self, learning_rate):
        for key, value in self.params.items():
            np.subtract(value, learning_rate * self.grads[key], out=value)
