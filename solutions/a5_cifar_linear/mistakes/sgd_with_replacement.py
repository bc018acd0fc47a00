"""SGD draws each mini-batch with replacement, so a sample can appear twice in it.

diagnosis: your SGD draws each mini-batch with replacement, so a sample can appear twice in it.
fails: sgd_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def stochastic_gradient_descent_func(x, y, W, b, alpha, iterations, batch_size, seed=0):
    rng = np.random.default_rng(seed)
    J_his = []
    W, b = np.array(W, dtype=float), np.array(b, dtype=float)
    for _ in range(iterations):
        rows = rng.choice(len(x), size=batch_size)
        J_his.append(linear_cost_func(x[rows], y[rows], W, b))
        dW, db = linear_grad_func(x[rows], y[rows], W, b)
        W -= alpha * dW
        b -= alpha * db
    return W, b, J_his
