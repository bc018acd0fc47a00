"""BatchNorm.backward treats the batch's mean and variance as constants: grad_input is
gamma * grad_output / std.

diagnosis: your BatchNorm.backward treats the batch's mean and variance as constants; they
    depend on the input too.
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
        grad_input = inv_std * grad_normalised
        self.gamma = self.gamma - self.learning_rate * np.sum(grad_output * normalised, axis=0)
        self.beta = self.beta - self.learning_rate * grad_output.sum(axis=0)
        return grad_input
