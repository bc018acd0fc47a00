"""Dense.backward takes the step first, then computes grad_input with the new weights.

diagnosis: your Dense.backward updates the weights before computing grad_input, which must use
    the old weights.
fails: dense_backward_hidden, dense_backward_public, dense_learning_rate_hidden, l2_gradient_hidden,
    train_hidden, training_hidden, xavier_deep_hidden
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
        self.update(input.T @ grad_output, grad_output.sum(axis=0))
        grad_input = grad_output @ self.weights.T
        return grad_input
