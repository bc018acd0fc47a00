"""Dense.update steps with 0.1 whatever learning rate the layer was given.

diagnosis: your Dense.update steps with a fixed rate instead of the layer's learning rate.
fails: dense_backward_hidden, dense_backward_public, dense_learning_rate_hidden, l2_gradient_hidden,
    train_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dense(Layer):
    """A fully connected layer: output = input @ weights + biases.

    weights: (D, M) with D = input_units and M = output_units; biases: (M,). backward computes
    the gradients and hands them to `update`, which takes one SGD step with learning_rate.
    """

    def __init__(self, input_units, output_units, learning_rate=0.1):
        self.learning_rate = learning_rate
        # and zero biases of shape (output_units,).
        self.weights = np.random.randn(input_units, output_units) * 0.01
        self.biases = np.zeros(output_units)

    def forward(self, input):
        """input: (N, D) -> output (N, M)."""
        return input @ self.weights + self.biases

    def backward(self, input, grad_output):
        """input: (N, D); grad_output: (N, M). returns: grad_input (N, D).

        grad_input uses the weights forward used, so compute it before the step. The weight
        gradient (D, M) and the bias gradient (M,) are SUMS over the batch: grad_output already
        holds the 1 / N of the mean loss. Pass them to self.update.
        """
        grad_input = grad_output @ self.weights.T
        self.update(input.T @ grad_output, grad_output.sum(axis=0))
        return grad_input

    def update(self, grad_weights, grad_biases):
        """One SGD step, parameter -= learning_rate * gradient.

        grad_weights: (D, M); grad_biases: (M,). Part 3 overrides this method.
        """
        self.weights = self.weights - 0.1 * grad_weights
        self.biases = self.biases - 0.1 * grad_biases
