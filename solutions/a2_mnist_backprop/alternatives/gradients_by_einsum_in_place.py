"""Gradients with einsum outer products, and the step written with np.subtract(..., out=)."""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sample_gradients(sample, y, weights, biases):
    activations, scores = [np.ravel(sample).astype(float)], []
    for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
        scores.append(np.einsum("i,ij->j", activations[-1], w) + b)
        last = i == len(weights) - 1
        activations.append(softmax(scores[-1]) if last else sigmoid(scores[-1]))
    target = np.eye(len(activations[-1]))[int(y)]
    loss = cross_entropy_loss(target, activations[-1])
    delta = activations[-1] - target
    weight_gradients, bias_gradients = [], []
    for i in range(len(weights) - 1, -1, -1):
        weight_gradients.insert(0, np.einsum("i,j->ij", activations[i], delta))
        bias_gradients.insert(0, delta.copy())
        if i > 0:
            delta = np.einsum("ij,j->i", weights[i], delta) * dsigmoid(scores[i - 1])
    return loss, weight_gradients, bias_gradients


def train_one_sample(sample, y, weights, biases, learning_rate=0.1):
    loss, weight_gradients, bias_gradients = sample_gradients(sample, y, weights, biases)
    for w, dw in zip(weights, weight_gradients, strict=True):
        np.subtract(w, learning_rate * dw, out=w)
    for b, db in zip(biases, bias_gradients, strict=True):
        np.subtract(b, learning_rate * db, out=b)
    return loss
