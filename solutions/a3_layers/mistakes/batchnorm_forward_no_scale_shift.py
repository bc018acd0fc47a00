"""BatchNorm.forward normalises but never applies gamma and beta.

diagnosis: your BatchNorm.forward normalises the features but never scales them by gamma or
    shifts them by beta.
fails: batchnorm_running_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class BatchNorm(Layer):
    """Batch normalisation of D features, followed by a learned scale gamma (D,) and shift
    beta (D,): output = gamma * (input - mean) / sqrt(var + epsilon) + beta.

    In training, mean and var are the batch's (var = np.var, the mean squared deviation), and
    each forward moves running = momentum * running + (1 - momentum) * batch value, for
    running_mean and running_var (D,). At test time it uses the running values and leaves them
    as they are. backward steps gamma and beta by SGD with learning_rate.
    """

    def __init__(self, units, learning_rate=0.1, momentum=0.9, epsilon=1e-5):
        self.learning_rate = learning_rate
        self.momentum = momentum
        self.epsilon = epsilon
        self.gamma = np.ones(units)
        self.beta = np.zeros(units)
        self.running_mean = np.zeros(units)
        self.running_var = np.ones(units)

    def forward(self, input):
        """input: (N, D) -> (N, D)."""
        if self.training:
            mean, var = input.mean(axis=0), input.var(axis=0)
            keep = self.momentum
            self.running_mean = keep * self.running_mean + (1 - keep) * mean
            self.running_var = keep * self.running_var + (1 - keep) * var
        else:
            mean, var = self.running_mean, self.running_var
        return (input - mean) / np.sqrt(var + self.epsilon)

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
        self.gamma = self.gamma - self.learning_rate * np.sum(grad_output * normalised, axis=0)
        self.beta = self.beta - self.learning_rate * grad_output.sum(axis=0)
        return grad_input
