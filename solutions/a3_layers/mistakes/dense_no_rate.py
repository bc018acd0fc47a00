"""Dense.update forgets the learning rate and subtracts the raw gradients.

diagnosis: your Dense.update subtracts the raw gradients, without the learning rate.
fails: dense_learning_rate_hidden, train_hidden, training_hidden, xavier_deep_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dense(Layer):
    def update(self, grad_weights, grad_biases):
        """One SGD step, parameter -= learning_rate * gradient.

        grad_weights: (D, M); grad_biases: (M,). Part 3 overrides this method.
        """
        self.weights = self.weights - grad_weights
        self.biases = self.biases - grad_biases
