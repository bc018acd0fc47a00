"""Cross-entropy without its minus sign: the loss comes out negative, and so does every loss
the forward pass and sample_gradients report.

diagnosis: your cross-entropy is missing its minus sign, so the loss comes out negative.
fails: cross_entropy_public, cross_entropy_hidden, forward_sample_public, forward_sample_hidden,
    forward_dataset_public, gradients_public, gradients_numerical_hidden
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def cross_entropy_loss(y, yHat):
    return float(np.mean(np.sum(np.asarray(y) * np.log(np.clip(yHat, 1e-12, 1.0)), axis=-1)))
