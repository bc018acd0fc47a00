"""Dense.backward sums the weight gradient but averages the bias gradient over the batch.

diagnosis: your Dense.backward averages the bias gradient over the batch while it sums the
    weight gradient.
fails: dense_backward_hidden, dense_backward_public, dense_learning_rate_hidden, l2_gradient_hidden,
    train_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class Dense(Layer):
    def backward(self, input, grad_output):
        """input: (N, D); grad_output: (N, M). returns: grad_input (N, D).

        grad_input uses the weights forward used, so compute it before the step. The weight
        gradient (D, M) and the bias gradient (M,) are SUMS over the batch: grad_output already
        holds the 1 / N of the mean loss. Pass them to self.update.
        """
        grad_input = grad_output @ self.weights.T
        self.update(input.T @ grad_output, grad_output.mean(axis=0))
        return grad_input
