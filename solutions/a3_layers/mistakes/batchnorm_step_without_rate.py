"""BatchNorm.backward steps gamma and beta by their whole gradients, without the learning rate.

diagnosis: your BatchNorm.backward steps gamma and beta by their whole gradients, without
    multiplying by the learning rate.
fails: batchnorm_gradient_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class BatchNorm(Layer):
    def backward(self, input, grad_output):
        """input, grad_output: (N, D) -> grad_input (N, D), in training mode (the batch's
        statistics depend on every row of input); then one SGD step of gamma and beta."""
        inv_std = 1.0 / np.sqrt(input.var(axis=0) + self.epsilon)
        normalised = (input - input.mean(axis=0)) * inv_std
        grad_normalised = grad_output * self.gamma
        grad_input = inv_std * (
            grad_normalised
            - grad_normalised.mean(axis=0)
            - normalised * np.mean(grad_normalised * normalised, axis=0)
        )
        self.gamma = self.gamma - np.sum(grad_output * normalised, axis=0)
        self.beta = self.beta - grad_output.sum(axis=0)
        return grad_input
