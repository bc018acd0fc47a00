"""Dense.update steps with 0.1 whatever learning rate the layer was given.

diagnosis: your Dense.update steps with a fixed rate instead of the layer's learning rate.
fails: dense_backward_hidden, dense_backward_public, dense_learning_rate_hidden, l2_gradient_hidden,
    train_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dense(Layer):
    def update(self, grad_weights, grad_biases):
        """One SGD step, parameter -= learning_rate * gradient.

        grad_weights: (D, M); grad_biases: (M,). Part 3 overrides this method.
        """
        self.weights = self.weights - 0.1 * grad_weights
        self.biases = self.biases - 0.1 * grad_biases
