"""TwoLayerNet always draws its weights with standard deviation 0.01, whatever weight_init_std.

diagnosis: your TwoLayerNet ignores weight_init_std and always uses 0.01.
fails: two_layer_gradient_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> OutputLayer, with L2 regularisation of the weights.

    The loss is the mean cross-entropy plus 0.5 * regularization * (sum(W1**2) + sum(W2**2)).
    """

    def __init__(
        self,
        input_size,
        hidden_size,
        output_size,
        weight_init_std=0.01,
        regularization=0.0,
        seed=0,
    ):
        """Weights from N(0, weight_init_std**2), drawn by np.random.default_rng(seed), W1
        first; zero biases. params: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).
        layers: an OrderedDict of Affine1, Relu1, Affine2 that share the arrays in params."""
        rng = np.random.default_rng(seed)
        self.regularization = regularization
        self.params = {}
        self.grads = {}
        ### BEGIN SOLUTION
        self.params["W1"] = 0.01 * rng.standard_normal((input_size, hidden_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = 0.01 * rng.standard_normal((hidden_size, output_size))
        self.params["b2"] = np.zeros(output_size)
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = ReLU()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.last_layer = OutputLayer()
        ### END SOLUTION

    def predict(self, x):
        """x: (N, D). returns: scores (N, C), before the softmax."""
        ### BEGIN SOLUTION
        for layer in self.layers.values():
            x = layer.forward(x)
        return x
        ### END SOLUTION

    def loss(self, x, t):
        """x: (N, D); t: (N, C) one-hot. returns: mean cross-entropy plus the L2 term."""
        ### BEGIN SOLUTION
        penalty = np.sum(self.params["W1"] ** 2) + np.sum(self.params["W2"] ** 2)
        return self.last_layer.forward(self.predict(x), t) + 0.5 * self.regularization * penalty
        ### END SOLUTION

    def accuracy(self, x, t):
        """x: (N, D); t: (N, C) one-hot or (N,) labels. returns: the fraction right, a float."""
        ### BEGIN SOLUTION
        labels = np.argmax(t, axis=1) if np.ndim(t) == 2 else np.asarray(t)
        return float(np.mean(np.argmax(self.predict(x), axis=1) == labels))
        ### END SOLUTION

    def gradient(self, x, t):
        """Backpropagation. x: (N, D); t: (N, C) one-hot.
        returns: grads, a dict with the keys of params and their shapes (also kept in
        self.grads for update_params)."""
        ### BEGIN SOLUTION
        self.loss(x, t)
        dout = self.last_layer.backward(1.0)
        for layer in reversed(self.layers.values()):
            dout = layer.backward(dout)
        first, second = self.layers["Affine1"], self.layers["Affine2"]
        self.grads = {
            "W1": first.dW + self.regularization * self.params["W1"],
            "b1": first.db,
            "W2": second.dW + self.regularization * self.params["W2"],
            "b2": second.db,
        }
        return self.grads
        ### END SOLUTION

    def numerical_gradient(self, x, t):
        """The gradients of loss(x, t) by centred finite differences (slow: two losses per
        parameter entry). returns: a dict like gradient's."""
        # TODO: use numerical_gradient from nnkit_checks on each array of params in turn.
        ### BEGIN SOLUTION
        return {
            key: numerical_gradient(lambda _: self.loss(x, t), value)
            for key, value in self.params.items()
        }
        ### END SOLUTION

    def update_params(self, learning_rate):
        """One gradient descent step with the gradients of the last gradient() call, made in
        place, so the layers see the new values."""
        ### BEGIN SOLUTION
        for key, value in self.params.items():
            value -= learning_rate * self.grads[key]
