"""TwoLayerNet penalises the biases as well as the weights, in the loss and in the gradient.

diagnosis: your TwoLayerNet penalises the biases as well as the weights.
fails: two_layer_gradient_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


class TwoLayerNet:
    def loss(self, x, t):
        """x: (N, D); t: (N, C) one-hot. returns: mean cross-entropy plus the L2 term."""
        ### BEGIN SOLUTION
        penalty = sum(np.sum(value**2) for value in self.params.values())
        return self.last_layer.forward(self.predict(x), t) + 0.5 * self.regularization * penalty
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
            "b1": first.db + self.regularization * self.params["b1"],
            "W2": second.dW + self.regularization * self.params["W2"],
            "b2": second.db + self.regularization * self.params["b2"],
        }
        return self.grads
        ### END SOLUTION
