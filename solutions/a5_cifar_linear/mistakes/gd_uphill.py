"""Batch gradient descent adds the gradient instead of subtracting it.

diagnosis: your gradient descent adds the gradient instead of subtracting it.
fails: batch_gd_hidden, batch_gd_public
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def batch_gradient_descent_func(x, y, W, b, alpha, iterations):
    J_his = []
    W, b = np.array(W, dtype=float), np.array(b, dtype=float)
    for _ in range(iterations):
        J_his.append(linear_cost_func(x, y, W, b))
        dW, db = linear_grad_func(x, y, W, b)
        W = W + alpha * dW
        b = b + alpha * db
    return W, b, J_his
