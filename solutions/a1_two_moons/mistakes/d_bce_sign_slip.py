"""Loss gradient with the sign flipped, (y - p) / (p (1 - p)) / N, so training climbs the loss.

diagnosis: your loss gradient has the wrong sign, so training climbs the loss instead of going
    down it.
fails: bce_public, d_bce_hidden, train_accuracy
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def d_binary_cross_entropy(predictions, labels):
    eps = 1e-12
    p = np.clip(predictions, eps, 1.0 - eps)
    return (labels - p) / (p * (1.0 - p)) / p.shape[0]
