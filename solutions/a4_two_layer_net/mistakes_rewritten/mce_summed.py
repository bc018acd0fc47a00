"""Ten-class loss as a loop over the samples, summed.

rewrites: mce_summed
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def MultiClassCrossEntropyLoss(Y_true, probs):
    labels = np.ravel(Y_true).astype(int)
    total = 0.0
    for i, k in enumerate(labels):
        total -= np.log(max(probs[k, i], 1e-12))
    return float(total)
