"""BatchNorm uses the unbiased variance (ddof=1) of the batch.

diagnosis: your BatchNorm uses the unbiased variance (ddof=1) of the batch; use the plain mean
    of the squared deviations.
fails: batchnorm_gradient_hidden, batchnorm_public, batchnorm_running_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class BatchNorm(Layer):
    def forward(self, input):
        """input: (N, D) -> (N, D)."""
        if self.training:
            mean, var = input.mean(axis=0), input.var(axis=0, ddof=1)
            keep = self.momentum
            self.running_mean = keep * self.running_mean + (1 - keep) * mean
            self.running_var = keep * self.running_var + (1 - keep) * var
        else:
            mean, var = self.running_mean, self.running_var
        return self.gamma * (input - mean) / np.sqrt(var + self.epsilon) + self.beta

    def backward(self, input, grad_output):
        """input, grad_output: (N, D) -> grad_input (N, D), in training mode (the batch's
        statistics depend on every row of input); then one SGD step of gamma and beta."""
        inv_std = 1.0 / np.sqrt(input.var(axis=0, ddof=1) + self.epsilon)
        normalised = (input - input.mean(axis=0)) * inv_std
        grad_normalised = grad_output * self.gamma
        grad_input = inv_std * (
            grad_normalised
            - grad_normalised.mean(axis=0)
            - normalised * np.mean(grad_normalised * normalised, axis=0)
        )
        self.gamma = self.gamma - self.learning_rate * np.sum(grad_output * normalised, axis=0)
        self.beta = self.beta - self.learning_rate * grad_output.sum(axis=0)
        return grad_input
