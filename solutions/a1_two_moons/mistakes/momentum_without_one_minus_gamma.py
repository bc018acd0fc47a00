"""Momentum that adds the whole new gradient, m = gamma m + g, forgetting the factor (1 - gamma).

The steps become about 1 / (1 - gamma) times larger than intended.
diagnosis: your momentum adds the whole new gradient; it should add (1 - gamma) times the
    gradient.
fails: momentum_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def train_neural_net(
    train_samples: np.ndarray,
    train_labels: np.ndarray,
    test_samples: np.ndarray,
    test_labels: np.ndarray,
    layers: list[int],
    learning_rate: float,
    momentum_factor: float,
    num_iterations: int,
    batch_size: int,
    seed: int = 0,
) -> tuple[list[np.ndarray], list[np.ndarray], list[float], list[float]]:
    train_samples = np.asarray(train_samples, dtype=float)
    test_samples = np.asarray(test_samples, dtype=float)
    train_labels = np.asarray(train_labels, dtype=float).reshape(-1, 1)
    test_labels = np.asarray(test_labels, dtype=float).reshape(-1, 1)
    n = train_samples.shape[0]
    if not (1 <= batch_size <= n and n % batch_size == 0):
        raise ValueError(f"batch_size must divide the {n} training samples, got {batch_size}")

    rng = np.random.default_rng(seed)
    weights, biases = init_weights(layers, train_samples.shape[1], 1, rng=rng)
    momentum_weights = [np.zeros_like(w) for w in weights]
    momentum_biases = [np.zeros_like(b) for b in biases]
    train_losses, test_losses = [], []

    for _ in tqdm(range(num_iterations), desc="training", unit="pass"):
        order = rng.permutation(n)
        for start in range(0, n, batch_size):
            batch = order[start : start + batch_size]
            x, y = train_samples[batch], train_labels[batch]
            predictions, hs, zs = forward_pass(x, weights, biases)
            train_losses.append(binary_cross_entropy(predictions, y))
            loss_grad = d_binary_cross_entropy(predictions, y)
            d_weights, d_biases = backward_pass(loss_grad, hs, zs, weights, biases)
            for k in range(len(weights)):
                momentum_weights[k] = momentum_factor * momentum_weights[k] + d_weights[k]
                momentum_biases[k] = momentum_factor * momentum_biases[k] + d_biases[k]
                weights[k] = weights[k] - learning_rate * momentum_weights[k]
                biases[k] = biases[k] - learning_rate * momentum_biases[k]
        test_predictions = forward_pass(test_samples, weights, biases)[0]
        test_losses.append(binary_cross_entropy(test_predictions, test_labels))
    return weights, biases, train_losses, test_losses
