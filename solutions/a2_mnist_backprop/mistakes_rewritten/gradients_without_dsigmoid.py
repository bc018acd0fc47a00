"""Gradients by broadcasting, the hidden error passed back through the weights only.

rewrites: gradients_without_dsigmoid
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sample_gradients(sample, y, weights, biases):
    act = np.asarray(sample, dtype=float).reshape(-1)
    acts, pre = [act], []
    n = len(weights)
    for k in range(n):
        pre.append(np.dot(act, weights[k]) + biases[k])
        act = softmax(pre[k]) if k == n - 1 else sigmoid(pre[k])
        acts.append(act)
    onehot = np.eye(len(act))[int(y)]
    loss = cross_entropy_loss(onehot, act)
    gw, gb = [], []
    err = act - onehot
    for k in range(n - 1, -1, -1):
        gw.insert(0, acts[k][:, None] * err[None, :])
        gb.insert(0, err)
        if k:
            err = weights[k].dot(err)
    return loss, gw, gb
