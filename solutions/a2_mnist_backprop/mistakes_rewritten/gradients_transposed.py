"""Gradients by einsum, the weight gradient indexed (output, input).

rewrites: gradients_transposed
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
        gw.insert(0, np.einsum("j,i->ji", err, acts[k]))
        gb.insert(0, err)
        if k:
            err = np.einsum("ij,j->i", weights[k], err) * dsigmoid(pre[k - 1])
    return loss, gw, gb
