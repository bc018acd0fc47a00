"""TwoLayerNet draws W2 before W1 from the seeded generator.

diagnosis: your TwoLayerNet draws W2 before W1 from the generator; draw W1 first.
fails: two_layer_gradient_hidden, two_layer_public
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
        W2 = rng.normal(0.0, weight_init_std, (hidden_size, output_size))
        self.params["W1"] = rng.normal(0.0, weight_init_std, (input_size, hidden_size))
        self.params["b1"] = np.zeros(hidden_size)
        self.params["W2"] = W2
        self.params["b2"] = np.zeros(output_size)
        self.layers = OrderedDict()
        self.layers["Affine1"] = Affine(self.params["W1"], self.params["b1"])
        self.layers["Relu1"] = ReLU()
        self.layers["Affine2"] = Affine(self.params["W2"], self.params["b2"])
        self.last_layer = OutputLayer()
        ### END SOLUTION
