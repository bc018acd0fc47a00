"""SGD that walks through a fresh permutation of the samples each epoch, and gradient descent
that reuses one forward pass for the cost and the gradient.

A correct submission written differently: it must score full marks.
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def batch_gradient_descent_func(x, y, W, b, alpha, iterations):
    J_his = []
    for _ in range(iterations):
        probs = softmax(x @ W + b)
        J_his.append(cross_entropy_loss(probs, y))
        residual = (probs - y) / len(x)
        W, b = W - alpha * (x.T @ residual), b - alpha * residual.sum(axis=0)
    return W, b, J_his


def stochastic_gradient_descent_func(x, y, W, b, alpha, iterations, batch_size, seed=0):
    rng = np.random.default_rng(seed)
    J_his = []
    queue = np.array([], dtype=int)
    for _ in range(iterations):
        if len(queue) < batch_size:
            queue = rng.permutation(len(x))
        rows, queue = queue[:batch_size], queue[batch_size:]
        probs = softmax(x[rows] @ W + b)
        J_his.append(cross_entropy_loss(probs, y[rows]))
        residual = (probs - y[rows]) / batch_size
        W, b = W - alpha * (x[rows].T @ residual), b - alpha * residual.sum(axis=0)
    return W, b, J_his
