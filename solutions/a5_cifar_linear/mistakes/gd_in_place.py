"""Batch gradient descent updates the caller's W and b in place.

diagnosis: your gradient descent changes the caller's W and b in place.
fails: batch_gd_public, batch_gd_hidden
"""

# The kit swaps these definitions into a5_answers.py, where np and the other answers exist.
# ruff: noqa: F821


def batch_gradient_descent_func(x, y, W, b, alpha, iterations):
    J_his = []
    for _ in range(iterations):
        J_his.append(linear_cost_func(x, y, W, b))
        dW, db = linear_grad_func(x, y, W, b)
        W -= alpha * dW
        b -= alpha * db
    return W, b, J_his
