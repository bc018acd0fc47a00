"""Parameters updated in place, ReLU by np.where, the loss via np.logaddexp.reduce."""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


class ReLU(Layer):
    """max(x, 0) elementwise; no parameters."""

    def forward(self, input):
        """input: (N, D) -> (N, D), negative entries replaced by 0."""
        return np.where(input > 0, input, 0.0)

    def backward(self, input, grad_output):
        """input, grad_output: (N, D) -> grad_input (N, D): grad_output where input > 0, else 0."""
        return np.where(input > 0, grad_output, 0.0)


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
        self.weights -= self.learning_rate * grad_weights
        self.biases -= self.learning_rate * grad_biases


def softmax_crossentropy_with_logits(logits, reference_answers):
    """The cross-entropy of each sample, from raw scores.

    logits: (N, K); reference_answers: (N,) integer classes in [0, K).
    returns: (N,) losses, log(sum_k exp(logits[i, k])) - logits[i, y_i], with each row's
    maximum subtracted first (log-sum-exp), so that no exponential overflows.
    """
    rows = np.asarray(reference_answers)[:, None].astype(int)
    picked = np.take_along_axis(logits, rows, axis=1)[:, 0]
    return np.logaddexp.reduce(logits, axis=1) - picked
