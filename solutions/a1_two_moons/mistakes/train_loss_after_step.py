"""The train loss of each batch is recorded after its update instead of before it.

diagnosis: your training records each batch's loss after the update instead of before it.
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
    """Initialise a network and train it by mini-batch gradient descent with momentum.

    train_samples: (N, D); train_labels: (N,) or (N, 1) with values 0 and 1.
    test_samples: (M, D); test_labels: (M,) or (M, 1).
    layers: hidden layer widths; the output layer has one unit.
    learning_rate: step size; momentum_factor: gamma in [0, 1).
    num_iterations: passes over the training set; each pass shuffles it and takes
        N / batch_size steps (batch_size must divide N; batch_size = N is full-batch descent).
    seed: seeds the one random generator used for the initial weights and the shuffling.
    returns: weights, biases (the trained parameters), train_losses (the loss of each step's
        mini-batch before its update: num_iterations * N / batch_size values) and
        test_losses (the loss on the whole test set after each pass: num_iterations values).
    """
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
            loss_grad = d_binary_cross_entropy(predictions, y)
            d_weights, d_biases = backward_pass(loss_grad, hs, zs, weights, biases)
            for k in range(len(weights)):
                momentum_weights[k] = (
                    momentum_factor * momentum_weights[k] + (1.0 - momentum_factor) * d_weights[k]
                )
                momentum_biases[k] = (
                    momentum_factor * momentum_biases[k] + (1.0 - momentum_factor) * d_biases[k]
                )
                weights[k] = weights[k] - learning_rate * momentum_weights[k]
                biases[k] = biases[k] - learning_rate * momentum_biases[k]
            # the loss of this batch, with the weights just learned from it
            train_losses.append(binary_cross_entropy(forward_pass(x, weights, biases)[0], y))
        test_predictions = forward_pass(test_samples, weights, biases)[0]
        test_losses.append(binary_cross_entropy(test_predictions, test_labels))
    return weights, biases, train_losses, test_losses
