# Your copy of a5_answers.py, generated from the course's own with its answers taken out.
"""Assignment 5: your code. The notebook a5_cifar_linear.ipynb imports it with autoreload.

Replace each `raise NotImplementedError()` by your code; keep every name and signature.
Dimensions: N samples, D features per sample (3072 for a CIFAR-10 image), C classes,
H hidden units. Rows are samples: a batch x is (N, D), scores are (N, C), and one-hot
targets t are (N, C).
"""

from collections import OrderedDict

import numpy as np
from nnkit_checks import numerical_gradient

LOG_EPS = 1e-9  # added to every probability before the log, so log(0) never happens


# Part 1: a linear classifier


def softmax(x):
    """Row-wise softmax that never overflows.

    x: (N, C) scores, or (C,) for one sample.
    returns: probabilities of x's shape; each row sums to 1.
    """
    # TODO: subtract each row's maximum before exponentiating, then normalise each row.
    raise NotImplementedError()


def cross_entropy_loss(score, target):
    """Cross-entropy averaged over the N samples.

    score: (N, C) predicted probabilities (softmax outputs); target: (N, C) one-hot rows.
    returns: -(1 / N) * sum over samples and classes of target * log(score + LOG_EPS), a float.
    """
    # TODO: add LOG_EPS inside the log; divide by the number of samples, not of entries.
    raise NotImplementedError()


def linear_pred(x, W, b):
    """Scores of the linear classifier, before the softmax.

    x: (N, D); W: (D, C), column k scores class k; b: (C,).
    returns: x W + b, (N, C).
    """
    raise NotImplementedError()


def linear_cost_func(x, y, W, b):
    """Mean cross-entropy of the softmax of the linear scores.

    x: (N, D); y: (N, C) one-hot targets; W: (D, C); b: (C,).
    returns: the cost, a float.
    """
    raise NotImplementedError()


def linear_grad_func(x, y, W, b):
    """Gradients of linear_cost_func with respect to W and b.

    x: (N, D); y: (N, C) one-hot targets; W: (D, C); b: (C,).
    returns: dW (D, C) and db (C,), both averaged over the N samples.
    """
    # TODO: with P = softmax(x W + b), the score gradient is (P - y) / N.
    raise NotImplementedError()


def batch_gradient_descent_func(x, y, W, b, alpha, iterations):
    """Full-batch gradient descent on linear_cost_func.

    x: (N, D); y: (N, C) one-hot targets; W: (D, C) and b: (C,) the starting point, which is
    left unchanged. alpha: the learning rate; iterations: the number of updates.
    returns: W (D, C), b (C,) after the last update, and J_his, a list of `iterations` costs:
    J_his[i] is the cost on x just before update i (so J_his[0] is the starting cost).
    """
    J_his = []
    # TODO: each iteration, record the cost, then step W and b against their gradients.
    raise NotImplementedError()
    return W, b, J_his


def stochastic_gradient_descent_func(x, y, W, b, alpha, iterations, batch_size, seed=0):
    """Mini-batch stochastic gradient descent on linear_cost_func.

    x: (N, D); y: (N, C) one-hot targets; W: (D, C) and b: (C,) the starting point, which is
    left unchanged. alpha: the learning rate; iterations: the number of updates.
    batch_size: each update uses this many distinct samples, drawn at random by
    np.random.default_rng(seed) (new ones every update), so the same seed repeats a run.
    returns: W, b after the last update, and J_his: J_his[i] is the cost on update i's
    mini-batch just before that update.
    """
    rng = np.random.default_rng(seed)
    J_his = []
    raise NotImplementedError()
    return W, b, J_his


# Part 2: layers with a forward and a backward pass


class OutputLayer:
    """Softmax followed by the mean cross-entropy: the last layer of a classifier."""

    def __init__(self):
        self.y = None  # (N, C) softmax probabilities of the last forward pass
        self.t = None  # (N, C) one-hot targets of the last forward pass

    def forward(self, x, t):
        """x: (N, C) scores; t: (N, C) one-hot targets. returns: the mean loss, a float."""
        raise NotImplementedError()

    def backward(self, dout=1.0):
        """dout: the upstream derivative of the loss (a number).
        returns: d loss / d x, (N, C): dout * (y - t) / N."""
        raise NotImplementedError()


class ReLU:
    """max(0, x), element-wise."""

    def __init__(self):
        self.mask = None  # True where the last forward input was <= 0

    def forward(self, x):
        """x: any shape. returns: max(0, x), x's shape; x itself is left unchanged."""
        raise NotImplementedError()

    def backward(self, dout):
        """dout: upstream derivative, the forward input's shape.
        returns: dout where the forward input was positive, 0 elsewhere."""
        # TODO: use the mask of the forward *input*, not anything computed from dout.
        raise NotImplementedError()


class Sigmoid:
    """1 / (1 + exp(-x)), element-wise, without overflow for large |x|."""

    def __init__(self):
        self.out = None  # the last forward output

    def forward(self, x):
        """x: any shape. returns: sigmoid(x), x's shape."""
        # TODO: exponentiate only non-positive numbers: exp(-|x|).
        raise NotImplementedError()

    def backward(self, dout):
        """dout: upstream derivative, the forward input's shape.
        returns: dout * out * (1 - out), with out the forward output."""
        raise NotImplementedError()


class Affine:
    """x W + b, with the bias added separately (not folded into W)."""

    def __init__(self, W, b):
        """W: (D, M); b: (M,) or (1, M). Both are kept by reference, not copied, so that
        updating them in place (W -= ...) updates the layer."""
        self.W = W
        self.b = b
        self.x = None  # (N, D) the last forward input
        self.dW = None  # (D, M) after backward
        self.db = None  # (M,) after backward

    def forward(self, x):
        """x: (N, D). returns: x W + b, (N, M)."""
        raise NotImplementedError()

    def backward(self, dout):
        """dout: (N, M) upstream derivative.
        Stores dW = x^T dout (D, M) and db = dout summed over the samples (M,).
        returns: dx = dout W^T, (N, D)."""
        raise NotImplementedError()


class TwoLayerNet:
    """Affine -> ReLU -> Affine -> OutputLayer, with L2 regularisation of the weights.

    The loss is the mean cross-entropy plus 0.5 * regularization * (sum(W1**2) + sum(W2**2)).
    """

    def __init__(
        self,
        input_size,
        hidden_size,
        output_size,
        weight_init_std=0.01,
        regularization=0.0,
        seed=0,
    ):
        """Weights from N(0, weight_init_std**2), drawn by np.random.default_rng(seed), W1
        first; zero biases. params: W1 (D, H), b1 (H,), W2 (H, C), b2 (C,).
        layers: an OrderedDict of Affine1, Relu1, Affine2 that share the arrays in params."""
        rng = np.random.default_rng(seed)
        self.regularization = regularization
        self.params = {}
        self.grads = {}
        raise NotImplementedError()

    def predict(self, x):
        """x: (N, D). returns: scores (N, C), before the softmax."""
        raise NotImplementedError()

    def loss(self, x, t):
        """x: (N, D); t: (N, C) one-hot. returns: mean cross-entropy plus the L2 term."""
        raise NotImplementedError()

    def accuracy(self, x, t):
        """x: (N, D); t: (N, C) one-hot or (N,) labels. returns: the fraction right, a float."""
        raise NotImplementedError()

    def gradient(self, x, t):
        """Backpropagation. x: (N, D); t: (N, C) one-hot.
        returns: grads, a dict with the keys of params and their shapes (also kept in
        self.grads for update_params)."""
        raise NotImplementedError()

    def numerical_gradient(self, x, t):
        """The gradients of loss(x, t) by centred finite differences (slow: two losses per
        parameter entry). returns: a dict like gradient's."""
        # TODO: use numerical_gradient from nnkit_checks on each array of params in turn.
        raise NotImplementedError()

    def update_params(self, learning_rate):
        """One gradient descent step with the gradients of the last gradient() call, made in
        place, so the layers see the new values."""
        raise NotImplementedError()


def train_network(network, x, t, steps, batch_size=100, learning_rate=0.1, seed=0):
    """Given (nothing to write): minibatch gradient descent with gradient and update_params.

    x: (N, D); t: (N, C) one-hot. Each step draws batch_size rows without replacement from a
    generator seeded with `seed`, computes the gradients and updates the network in place.
    returns: the loss of each step's batch after its update, a list of floats.
    """
    draws = np.random.default_rng(seed)
    losses = []
    for _ in range(steps):
        rows = draws.choice(len(x), batch_size, replace=False)
        network.gradient(x[rows], t[rows])
        network.update_params(learning_rate)
        losses.append(float(network.loss(x[rows], t[rows])))
    return losses
