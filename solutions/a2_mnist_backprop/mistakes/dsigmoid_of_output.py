"""dsigmoid treats its input as if it were already sigmoid(x): x * (1 - x).

diagnosis: your dsigmoid computes x (1 - x) as if x were already sigmoid(x); it receives the
    pre-activation.
fails: sigmoid_public, sigmoid_hidden, gradients_numerical_hidden, train_accuracy_hidden
"""
# The kit swaps these definitions into the notebook, where np, tqdm and its functions exist.
# ruff: noqa: F821


def dsigmoid(x):
    x = np.asarray(x, dtype=float)
    return x * (1.0 - x)
