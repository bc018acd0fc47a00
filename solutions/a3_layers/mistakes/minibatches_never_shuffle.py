"""iterate_minibatches ignores shuffle and always goes in order.

diagnosis: your iterate_minibatches ignores shuffle and always goes in order.
fails: minibatches_hidden
"""

# The kit swaps these definitions into the notebook, where np and the rest exist.
# ruff: noqa: F821


def iterate_minibatches(inputs, targets, batchsize, shuffle=False):
    """Yield (inputs_batch, targets_batch) pairs that cover every sample exactly once.

    inputs: (N, D); targets: (N,). Each batch has batchsize rows except the last, which has
    what is left when batchsize does not divide N. shuffle: draw ONE permutation with
    np.random and index both arrays with it, so every sample keeps its label.
    """
    order = np.arange(len(inputs))
    for start in range(0, len(inputs), batchsize):
        batch = order[start : start + batchsize]
        yield inputs[batch], targets[batch]
