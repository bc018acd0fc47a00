"""SGD never shuffles: it walks through x in order, one slice of batch_size after another.

diagnosis: your SGD never shuffles: it walks through the data in order.
fails: sgd_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def stochastic_gradient_descent_func(x, y, W, b, alpha, iterations, batch_size, seed=0):
    J_his = []
    W, b = np.array(W, dtype=float), np.array(b, dtype=float)
    for step in range(iterations):
        start = (step * batch_size) % len(x)
        xb, yb = x[start : start + batch_size], y[start : start + batch_size]
        J_his.append(linear_cost_func(xb, yb, W, b))
        dW, db = linear_grad_func(xb, yb, W, b)
        W -= alpha * dW
        b -= alpha * db
    return W, b, J_his
