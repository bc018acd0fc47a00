"""Momentum over one flat list of parameters, v = gamma v + g.

rewrites: momentum_without_one_minus_gamma
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_neural_net(
    train_samples,
    train_labels,
    test_samples,
    test_labels,
    layers,
    learning_rate,
    momentum_factor,
    num_iterations,
    batch_size,
    seed=0,
):
    xs = np.asarray(train_samples, dtype=float)
    xt = np.asarray(test_samples, dtype=float)
    ys = np.asarray(train_labels, dtype=float).reshape(-1, 1)
    yt = np.asarray(test_labels, dtype=float).reshape(-1, 1)
    n = len(xs)
    if not (1 <= batch_size <= n and n % batch_size == 0):
        raise ValueError("batch_size must divide the number of training samples")
    gen = np.random.default_rng(seed)
    ws, bs = init_weights(layers, xs.shape[1], 1, rng=gen)
    params = ws + bs
    velocity = [np.zeros_like(p) for p in params]
    history, test_history = [], []
    for _ in range(num_iterations):
        perm = gen.permutation(n)
        for idx in np.split(perm, n // batch_size):
            xb, yb = xs[idx], ys[idx]
            out, hs, zs = forward_pass(xb, params[: len(ws)], params[len(ws) :])
            history.append(binary_cross_entropy(out, yb))
            gw, gb = backward_pass(
                d_binary_cross_entropy(out, yb), hs, zs, params[: len(ws)], params[len(ws) :]
            )
            for j, g in enumerate(gw + gb):
                velocity[j] = momentum_factor * velocity[j] + g
                params[j] = params[j] - learning_rate * velocity[j]

        test_history.append(
            binary_cross_entropy(forward_pass(xt, params[: len(ws)], params[len(ws) :])[0], yt)
        )
    return params[: len(ws)], params[len(ws) :], history, test_history
