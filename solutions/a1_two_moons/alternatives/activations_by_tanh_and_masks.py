"""Activations written differently: ReLU and its derivative by masks, the sigmoid through tanh."""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def relu(x):
    x = np.asarray(x, dtype=float)
    return x * (x > 0)


def d_relu(x):
    return np.heaviside(np.asarray(x, dtype=float), 0.0)


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * np.asarray(x, dtype=float)))


def d_sigmoid(x):
    s = sigmoid(x)
    return s - s * s
