"""Weight gradients as delta outer input: shape (n_out, n_in), the transpose of the weights.

diagnosis: your weight gradients are transposed: they should have the shape of the weights,
    (n_in, n_out).
fails: gradients_public, gradients_numerical_hidden, train_one_sample_hidden, train_accuracy_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def sample_gradients(sample, y, weights, biases):
    a = np.ravel(sample).astype(float)
    inputs, scores = [], []
    for i, (w, b) in enumerate(zip(weights, biases, strict=True)):
        inputs.append(a)
        scores.append(a @ w + b)
        a = softmax(scores[-1]) if i == len(weights) - 1 else sigmoid(scores[-1])
    target = integer_to_one_hot(y, len(a))
    loss = cross_entropy_loss(target, a)
    weight_gradients, bias_gradients = [None] * len(weights), [None] * len(weights)
    delta = a - target
    for i in reversed(range(len(weights))):
        weight_gradients[i] = np.outer(delta, inputs[i])
        bias_gradients[i] = delta
        if i > 0:
            delta = (weights[i] @ delta) * dsigmoid(scores[i - 1])
    return loss, weight_gradients, bias_gradients
