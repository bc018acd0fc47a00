"""d_sigmoid applies s (1 - s) to the input x itself instead of to sigmoid(x).

diagnosis: your d_sigmoid computes x (1 - x) on its input instead of s (1 - s) with s =
    sigmoid(x).
fails: sigmoid_public, activations_hidden, backward_public, backward_gradcheck_hidden,
    backward_no_hidden_hidden, train_accuracy
"""

# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def d_sigmoid(x):
    x = np.asarray(x, dtype=float)
    return x * (1.0 - x)
