"""Forward pass in a while loop with the sigmoid on every layer.

rewrites: forward_sigmoid_output
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def feed_forward_sample(sample, y, weights, biases):
    act = np.asarray(sample, dtype=float).flatten()
    k = 0
    while k < len(weights):
        act = sigmoid(np.dot(act, weights[k]) + biases[k])
        k += 1
    onehot = np.zeros(len(act))
    onehot[int(y)] = 1.0
    guess = np.zeros(len(act))
    guess[act.argmax()] = 1.0
    return cross_entropy_loss(onehot, act), guess
