"""TwoLayerNet always draws its weights with standard deviation 0.01, whatever weight_init_std.

diagnosis: your TwoLayerNet ignores weight_init_std and always uses 0.01.
fails: two_layer_gradient_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class TwoLayerNet:
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
