"""The losses keep log away from 0 with a module constant made by a call, log(p + EPS), instead
of clipping: perfect predictions then cost -1e-12, which is zero up to rounding."""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821

EPS = np.float64(1e-12)


def binary_cross_entropy(predictions, labels):
    p, y = np.asarray(predictions, dtype=float), np.asarray(labels, dtype=float)
    return float(-np.mean(y * np.log(p + EPS) + (1.0 - y) * np.log(1.0 - p + EPS)))


def d_binary_cross_entropy(predictions, labels):
    p, y = np.asarray(predictions, dtype=float), np.asarray(labels, dtype=float)
    return (p - y) / ((p + EPS) * (1.0 - p + EPS)) / len(p)
