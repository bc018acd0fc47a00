"""Glorot uniform, momentum as v = mu v + g with a step of -rate v, RMSprop with epsilon inside the
square root, dropout drawn with np.random.binomial, batch norm's backward in the long form.
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class XavierDense(Dense):
    def __init__(self, input_units, output_units, learning_rate=0.1):
        super().__init__(input_units, output_units, learning_rate)
        scale = np.sqrt(2.0 / (input_units + output_units))
        limit = np.sqrt(3.0) * scale
        self.weights = np.random.uniform(-limit, limit, (input_units, output_units))


class MomentumDense(Dense):
    def update(self, grad_weights, grad_biases):
        """grad_weights: (D, M); grad_biases: (M,). One momentum step of both arrays."""
        mu, rate = self.momentum, self.learning_rate
        self.velocity_weights = mu * self.velocity_weights + grad_weights
        self.velocity_biases = mu * self.velocity_biases + grad_biases
        self.weights = self.weights - rate * self.velocity_weights
        self.biases = self.biases - rate * self.velocity_biases


class RMSpropDense(Dense):
    def update(self, grad_weights, grad_biases):
        """grad_weights: (D, M); grad_biases: (M,). One RMSprop step of both arrays."""
        keep = self.decay
        self.square_weights = keep * self.square_weights + (1 - keep) * grad_weights**2
        self.square_biases = keep * self.square_biases + (1 - keep) * grad_biases**2
        step_weights = grad_weights / np.sqrt(self.square_weights + self.epsilon)
        step_biases = grad_biases / np.sqrt(self.square_biases + self.epsilon)
        self.weights = self.weights - self.learning_rate * step_weights
        self.biases = self.biases - self.learning_rate * step_biases


class Dropout(Layer):
    def forward(self, input):
        """input: (N, D) -> (N, D). In training, draw a new mask with np.random and keep it
        for backward."""
        if not self.training:
            return input
        self.mask = np.random.binomial(1, 1.0 - self.p, np.shape(input)) / (1.0 - self.p)
        return input * self.mask


class BatchNorm(Layer):
    def backward(self, input, grad_output):
        """input, grad_output: (N, D) -> grad_input (N, D), in training mode (the batch's
        statistics depend on every row of input); then one SGD step of gamma and beta."""
        n = len(input)
        inv_std = 1.0 / np.sqrt(input.var(axis=0) + self.epsilon)
        normalised = (input - input.mean(axis=0)) * inv_std
        grad_normalised = grad_output * self.gamma
        centred = input - input.mean(axis=0)
        grad_var = np.sum(grad_normalised * centred, axis=0) * -0.5 * inv_std**3
        grad_mean = -np.sum(grad_normalised * inv_std, axis=0)
        grad_input = grad_normalised * inv_std + grad_var * 2.0 * centred / n + grad_mean / n
        self.gamma = self.gamma - self.learning_rate * np.sum(grad_output * normalised, axis=0)
        self.beta = self.beta - self.learning_rate * grad_output.sum(axis=0)
        return grad_input
