"""Glorot uniform, momentum as v = mu v + g with a step of -rate v, RMSprop with epsilon inside the
square root, dropout drawn with np.random.binomial, batch norm's backward in the long form.
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class XavierDense(Dense):
    """A Dense layer with Glorot (Xavier) initialisation: weights of variance
    2 / (input_units + output_units), which keeps the scale of the signals, forward and
    backward, roughly the same from layer to layer."""

    def __init__(self, input_units, output_units, learning_rate=0.1):
        super().__init__(input_units, output_units, learning_rate)
        scale = np.sqrt(2.0 / (input_units + output_units))
        limit = np.sqrt(3.0) * scale
        self.weights = np.random.uniform(-limit, limit, (input_units, output_units))


class MomentumDense(Dense):
    """SGD with momentum: velocity = momentum * velocity - learning_rate * gradient, then
    parameter += velocity; one velocity per parameter array, starting at zero."""

    def __init__(self, input_units, output_units, learning_rate=0.1, momentum=0.9):
        super().__init__(input_units, output_units, learning_rate)
        self.momentum = momentum
        self.velocity_weights = np.zeros_like(self.weights)
        self.velocity_biases = np.zeros_like(self.biases)

    def update(self, grad_weights, grad_biases):
        """grad_weights: (D, M); grad_biases: (M,). One momentum step of both arrays."""
        mu, rate = self.momentum, self.learning_rate
        self.velocity_weights = mu * self.velocity_weights + grad_weights
        self.velocity_biases = mu * self.velocity_biases + grad_biases
        self.weights = self.weights - rate * self.velocity_weights
        self.biases = self.biases - rate * self.velocity_biases


class RMSpropDense(Dense):
    """RMSprop: mean_square = decay * mean_square + (1 - decay) * gradient ** 2, then
    parameter -= learning_rate * gradient / (sqrt(mean_square) + epsilon); one running mean
    per parameter array, starting at zero."""

    def __init__(self, input_units, output_units, learning_rate=0.001, decay=0.9, epsilon=1e-8):
        super().__init__(input_units, output_units, learning_rate)
        self.decay = decay
        self.epsilon = epsilon
        self.square_weights = np.zeros_like(self.weights)
        self.square_biases = np.zeros_like(self.biases)

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
    """Inverted dropout. In training each unit is zeroed with probability p and the others are
    multiplied by 1 / (1 - p), so the output's expectation is the input; at test time
    (training False) the layer is the identity."""

    def __init__(self, p=0.5):
        self.p = p

    def forward(self, input):
        """input: (N, D) -> (N, D). In training, draw a new mask with np.random and keep it
        for backward."""
        if not self.training:
            return input
        self.mask = np.random.binomial(1, 1.0 - self.p, np.shape(input)) / (1.0 - self.p)
        return input * self.mask

    def backward(self, input, grad_output):
        """grad_output: (N, D) -> grad_input (N, D), through the mask of the last forward."""
        return grad_output * self.mask if self.training else grad_output


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
        return self.gamma * (input - mean) / np.sqrt(var + self.epsilon) + self.beta

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
