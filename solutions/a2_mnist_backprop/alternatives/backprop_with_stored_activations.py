"""Forward and backward passes that store the activations instead of the scores and use
sigma * (1 - sigma) from them; the step updates with np.subtract(..., out=...)."""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sample_gradients(sample, y, weights, biases):
    activations = [np.ravel(sample).astype(float)]
    for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
        z = activations[-1] @ w + b
        activations.append(softmax(z) if i == len(weights) - 1 else sigmoid(z))
    target = np.eye(len(activations[-1]))[y]
    loss = cross_entropy_loss(target, activations[-1])
    weight_gradients, bias_gradients = [], []
    delta = activations[-1] - target
    for i in range(len(weights) - 1, -1, -1):
        weight_gradients.insert(0, activations[i][:, None] * delta[None, :])
        bias_gradients.insert(0, delta.copy())
        if i > 0:
            delta = (delta @ weights[i].T) * activations[i] * (1.0 - activations[i])
    return loss, weight_gradients, bias_gradients


def train_one_sample(sample, y, weights, biases, learning_rate=0.1):
    loss, weight_gradients, bias_gradients = sample_gradients(sample, y, weights, biases)
    for w, dw, b, db in zip(weights, weight_gradients, biases, bias_gradients, strict=True):
        np.subtract(w, learning_rate * dw, out=w)
        np.subtract(b, learning_rate * db, out=b)
    return loss
