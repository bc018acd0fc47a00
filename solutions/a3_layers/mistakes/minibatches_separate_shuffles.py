"""iterate_minibatches shuffles inputs and targets with two different permutations.

diagnosis: your iterate_minibatches shuffles the inputs and the targets with two different
    permutations.
fails: minibatches_hidden, minibatches_public, training_hidden, xavier_deep_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def iterate_minibatches(inputs, targets, batchsize, shuffle=False):
    """Yield (inputs_batch, targets_batch) pairs that cover every sample exactly once.

    inputs: (N, D); targets: (N,). Each batch has batchsize rows except the last, which has
    what is left when batchsize does not divide N. shuffle: draw ONE permutation with
    np.random and index both arrays with it, so every sample keeps its label.
    """
    order = np.random.permutation(len(inputs)) if shuffle else np.arange(len(inputs))
    for start in range(0, len(inputs), batchsize):
        batch = order[start : start + batchsize]
        yield inputs[batch], targets[np.random.permutation(len(targets))[: len(batch)]]
