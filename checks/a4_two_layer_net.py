"""Generated from the check cells of solutions/a4_two_layer_net/a4_two_layer_net.ipynb: the checks of a4_two_layer_net.

Do not edit: change the notebook and run `python -m autograder build a4_two_layer_net`.
Each check's parameters are the student functions it calls; the grader passes proxies
that run them in the student process.
"""

import numpy as np
from nnkit_checks import CheckFailure, assert_at_least, assert_close, assert_finite, assert_gradient, assert_scalar, assert_shape, call_without_warnings, load_arrays, numerical_gradient, shown
from nnkit_datasets import flatten, scale_to_unit
from autograder.checkspec import check


@check('dataset_public', '1.1 extract_binary_classification_dataset: a tiny example', points=1.0, hidden=False, hint='')
def test_dataset_public(extract_binary_classification_dataset):
    x = np.arange(12.0).reshape(6, 2)
    y = np.array([5, 8, 3, 5, 8, 5])
    x_, y_ = extract_binary_classification_dataset(x, y, 5, 8, 2)
    assert_close(x_, [[0.0, 1.0], [6.0, 7.0], [2.0, 3.0], [8.0, 9.0]], "x_ (5s first, then 8s)")
    assert_close(y_, [0.0, 0.0, 1.0, 1.0], "y_")


@check('dataset_hidden', '1.1 extract_binary_classification_dataset: order, counts, float labels', points=1.0, hidden=True, hint="Keep the first num_samples of each class in order, label1's first, labels 0.0/1.0.")
def test_dataset_hidden(extract_binary_classification_dataset):
    rng = np.random.default_rng(4)
    y = rng.integers(0, 10, 300)
    x = np.stack([np.arange(300.0), y.astype(float)], axis=1)
    x_, y_ = extract_binary_classification_dataset(x, y, 3, 7, 10)
    assert_shape(x_, (20, 2), "x_ for 10 samples of each class")
    assert_shape(y_, (20,), "y_")
    if not np.issubdtype(np.asarray(y_).dtype, np.floating):
        raise shown(f"y_ should hold floats 0.0 and 1.0, got dtype {np.asarray(y_).dtype}")
    assert_close(x_[:10, 0], np.flatnonzero(y == 3)[:10], "the positions of the first ten 3s")
    assert_close(x_[10:, 0], np.flatnonzero(y == 7)[:10], "the positions of the first ten 7s")
    assert_close(y_, np.repeat([0.0, 1.0], 10), "y_")


@check('init_public', '1.2 TwoLayerNetwork: shapes and zero biases', points=2.0, hidden=False, hint='')
def test_init_public(TwoLayerNetwork):
    params = TwoLayerNetwork([784, 256, 1])
    if len(params) != 4:
        raise CheckFailure(f"expected [W1, b1, W2, b2], got a list of {len(params)}")
    for got, shape, name in zip(
        params, [(256, 784), (256, 1), (1, 256), (1, 1)], ["W1", "b1", "W2", "b2"], strict=True
    ):
        assert_shape(got, shape, name)
    assert_close(params[1], np.zeros((256, 1)), "b1")
    assert_close(params[3], np.zeros((1, 1)), "b2")


@check('init_hidden', '1.2 TwoLayerNetwork: standard deviation 0.01, mean 0, W1 then W2 from the seeded generator', points=3.0, hidden=True, hint='Standard deviation 0.01 (not the variance); draw W1, then W2, from the one rng given.')
def test_init_hidden(TwoLayerNetwork):
    w1, _, w2, _ = TwoLayerNetwork([300, 200, 10], seed=7)
    for name, w in [("W1", w1), ("W2", w2)]:
        std, mean = float(np.std(w)), float(np.mean(w))
        if abs(std / 0.01 - 1.0) > 0.05:
            raise shown(f"{name} should have standard deviation 0.01, got {std:.4g}")
        if abs(mean) > 0.01 * 4.0 / np.sqrt(w.size):
            raise shown(f"{name} should have mean 0, got {mean:.3g}")
    again = TwoLayerNetwork([300, 200, 10], seed=7)
    assert_close(again[0], w1, "W1 drawn twice with seed 7")
    other = TwoLayerNetwork([300, 200, 10], seed=8)
    if np.allclose(other[0], w1):
        raise CheckFailure(
            "TwoLayerNetwork gave the same W1 for seeds 7 and 8: draw from the seed",
            magnitude="TwoLayerNetwork gave the same W1 for two different seeds: draw from the seed",
        )
    # The text fixes the draws: W1 first, then W2, both from the one generator made from the seed.
    for seed, (n_in, n_hidden, n_out) in [(7, (6, 5, 3)), (2024, (9, 4, 2))]:
        w1, _, w2, _ = TwoLayerNetwork([n_in, n_hidden, n_out], seed=seed)
        draws = np.random.default_rng(seed).normal(0.0, 0.01, n_hidden * n_in + n_out * n_hidden)
        expected = [
            ("W1", "first", w1, draws[: n_hidden * n_in], (n_hidden, n_in)),
            ("W2", "next", w2, draws[n_hidden * n_in :], (n_out, n_hidden)),
        ]
        for name, which, got, values, shape in expected:
            # drawn in its own shape, or in the transposed shape and then transposed
            candidates = [values.reshape(shape), values.reshape(shape[::-1]).T]
            got = np.asarray(got, dtype=float)
            same = [got.shape == c.shape and np.allclose(got, c, rtol=1e-9, atol=0) for c in candidates]
            if not any(same):
                raise CheckFailure(
                    f"with seed={seed}, {name} is not the generator's {which} draws: make one "
                    "rng = np.random.default_rng(seed), then draw W1 and then W2 from it",
                    magnitude=f"{name} is not the generator's {which} draws: make one"
                    " rng = np.random.default_rng(seed), then draw W1 and then W2 from it",
                )


@check('bce_public', '1.3 CrossEntropyLoss: four samples', points=2.0, hidden=False, hint='')
def test_bce_public(CrossEntropyLoss):
    Y_true = np.array([[1.0, 0.0, 1.0, 0.0]])
    Y2 = np.array([[0.9, 0.2, 0.6, 0.4]])
    loss = assert_scalar(CrossEntropyLoss(Y_true, Y2), "CrossEntropyLoss(Y_true, Y2)")
    assert_close(loss, 0.337538828626, "CrossEntropyLoss(Y_true, Y2)")


@check('bce_hidden', '1.3 CrossEntropyLoss and sigmoid: outputs of exactly 0 and 1, huge scores', points=3.0, hidden=True, hint='Clip Y2 before the logs, average over N, and keep the sigmoid free of overflow.')
def test_bce_hidden(CrossEntropyLoss, sigmoid):
    Y_true = np.array([[1.0, 0.0, 1.0]])
    certain = call_without_warnings(
        CrossEntropyLoss, Y_true, Y_true.copy(), what="CrossEntropyLoss(Y, Y)"
    )
    if not -1e-9 <= assert_scalar(certain, "CrossEntropyLoss(Y, Y)") < 1e-6:  # log(p + eps) is -1e-12
        raise shown(f"perfect outputs should cost about 0, got {certain}")
    wrong = assert_scalar(CrossEntropyLoss(Y_true, 1.0 - Y_true), "CrossEntropyLoss(Y, 1 - Y)")
    assert_close(wrong, -np.log(1e-12), "CrossEntropyLoss of certain, wrong outputs", rtol=1e-3)
    Z = np.array([[-1000.0, 0.0, 1000.0]])
    assert_close(
        call_without_warnings(sigmoid, Z, what="sigmoid([-1000, 0, 1000])"),
        [[0.0, 0.5, 1.0]],
        "sigmoid(Z)",
    )


@check('forward_public', '1.4 forward: a 3-4-1 network on two samples', points=2.0, hidden=False, hint='')
def test_forward_public(forward):
    W1 = 0.3 * np.sin(np.arange(12.0)).reshape(4, 3)
    W2 = 0.5 * np.cos(np.arange(4.0)).reshape(1, 4)
    params = [W1, np.linspace(-0.1, 0.1, 4).reshape(4, 1), W2, np.array([[0.05]])]
    X = np.array([[0.0, 1.0], [0.5, 0.5], [1.0, 0.0]])
    Y2, intermediate = forward(X, params)
    assert_shape(Y2, (1, 2), "Y2")
    assert_close(Y2, [[0.526076790, 0.514925420]], "Y2", rtol=1e-6)
    if len(intermediate) != 4:
        raise CheckFailure(f"intermediate should be [X, Z1, Y1, Z2], got {len(intermediate)} items")
    assert_shape(intermediate[1], (4, 2), "Z1")
    assert_close(intermediate[0], X, "intermediate[0] (X itself)")


@check('forward_hidden', '1.4 forward: one sample, several outputs, huge scores', points=3.0, hidden=True, hint='Keep Z1, Y1, Z2 in the returned list; use your stable sigmoid on both layers.')
def test_forward_hidden(forward):
    rng = np.random.default_rng(5)
    params = [
        rng.normal(0, 1, (6, 5)),
        rng.normal(0, 1, (6, 1)),
        rng.normal(0, 1, (3, 6)),
        rng.normal(0, 1, (3, 1)),
    ]
    X = rng.uniform(0, 1, (5, 1))
    Y2, (x, Z1, Y1, Z2) = forward(X, params)
    z1 = params[0] @ X + params[1]
    y1 = 0.5 * (1 + np.tanh(z1 / 2))
    z2 = params[2] @ y1 + params[3]
    assert_close(Z1, z1, "Z1")
    assert_close(Y1, y1, "Y1")
    assert_close(Z2, z2, "Z2")
    assert_close(Y2, 0.5 * (1 + np.tanh(z2 / 2)), "Y2 for a (3, 1) output")
    huge = [1000 * p for p in params]
    call_without_warnings(forward, X, huge, what="forward with weights of size 1000")


@check('backward_public', '1.5 backward: shapes and two gradients of the 3-4-1 network', points=2.0, hidden=False, hint='')
def test_backward_public(backward, forward):
    W1 = 0.3 * np.sin(np.arange(12.0)).reshape(4, 3)
    W2 = 0.5 * np.cos(np.arange(4.0)).reshape(1, 4)
    params = [W1, np.linspace(-0.1, 0.1, 4).reshape(4, 1), W2, np.array([[0.05]])]
    X = np.array([[0.0, 1.0], [0.5, 0.5], [1.0, 0.0]])
    Y_true = np.array([[1.0, 0.0]])
    Y2, intermediate = forward(X, params)
    grads = backward(Y_true, Y2, intermediate, params)
    for got, p, name in zip(grads, params, ["grad_W1", "grad_b1", "grad_W2", "grad_b2"], strict=True):
        assert_shape(got, p.shape, name)
    assert_close(grads[3], [[0.0205011]], "grad_b2", rtol=1e-5)
    assert_close(
        grads[1][:, 0], [0.00320943, 0.0020695, -0.00160812, -0.00295058], "grad_b1", rtol=1e-5
    )


@check('backward_gradcheck_hidden', '1.5 backward: every gradient against finite differences of the mean loss', points=4.0, hidden=True, hint="delta2 = Y2 - Y; delta1 = (W2.T @ delta2) * sigmoid'(Z1); average over the N columns.")
def test_backward_gradcheck_hidden(backward, forward):
    rng = np.random.default_rng(12)
    params = [
        rng.normal(0, 0.8, (5, 4)),
        rng.normal(0, 0.3, (5, 1)),
        rng.normal(0, 0.8, (1, 5)),
        rng.normal(0, 0.3, (1, 1)),
    ]
    X = rng.uniform(0, 1, (4, 7))
    Y_true = rng.integers(0, 2, (1, 7)).astype(float)


    def binary_mean_loss(ps):
        h = 0.5 * (1 + np.tanh((ps[0] @ X + ps[1]) / 2))
        p = 0.5 * (1 + np.tanh((ps[2] @ h + ps[3]) / 2))
        return float(np.mean(-Y_true * np.log(p) - (1 - Y_true) * np.log(1 - p)))


    Y2, intermediate = forward(X, params)
    grads = backward(Y_true, Y2, intermediate, params)
    for k, name in enumerate(["grad_W1", "grad_b1", "grad_W2", "grad_b2"]):
        numeric = numerical_gradient(
            lambda p, k=k: binary_mean_loss(params[:k] + [p] + params[k + 1 :]), params[k]
        )
        assert_gradient(grads[k], numeric, name)


@check('backward_mean_hidden', '1.5 backward: gradients are averaged over the samples, not summed', points=2.0, hidden=True, hint='Divide the summed gradients by N, the number of columns.')
def test_backward_mean_hidden(backward, forward):
    rng = np.random.default_rng(12)
    params = [
        rng.normal(0, 0.8, (5, 4)),
        rng.normal(0, 0.3, (5, 1)),
        rng.normal(0, 0.8, (1, 5)),
        rng.normal(0, 0.3, (1, 1)),
    ]
    X = rng.uniform(0, 1, (4, 7))
    Y_true = rng.integers(0, 2, (1, 7)).astype(float)

    Y2, intermediate = forward(X, params)
    once = backward(Y_true, Y2, intermediate, params)
    X2, Y_true2 = np.tile(X, 3), np.tile(Y_true, 3)
    Y2_3, intermediate_3 = forward(X2, params)
    thrice = backward(Y_true2, Y2_3, intermediate_3, params)
    for a, b, name in zip(once, thrice, ["grad_W1", "grad_b1", "grad_W2", "grad_b2"], strict=True):
        assert_close(b, a, f"{name} when every sample appears three times (the mean is unchanged)")


@check('gd_public', '1.6 GD: one step', points=2.0, hidden=False, hint='')
def test_gd_public(GD):
    params = [np.ones((2, 2)), np.zeros((2, 1)), np.ones((1, 2)), np.zeros((1, 1))]
    grads = [np.full((2, 2), 2.0), np.ones((2, 1)), np.full((1, 2), -1.0), np.full((1, 1), 4.0)]
    new = GD(params, grads, 0.5)
    assert_close(new[0], np.zeros((2, 2)), "W1 after the step")
    assert_close(new[2], np.full((1, 2), 1.5), "W2 after the step")


@check('gd_hidden', '1.6 GD: every parameter, the given learning rate', points=3.0, hidden=True, hint='Update all four parameters against the gradient, with the learning rate given.')
def test_gd_hidden(GD):
    rng = np.random.default_rng(2)
    params = [rng.normal(size=s) for s in [(3, 4), (3, 1), (2, 3), (2, 1)]]
    grads = [rng.normal(size=p.shape) for p in params]
    new = GD([p.copy() for p in params], grads, 0.03)
    if len(new) != 4:
        raise shown(f"GD should return the 4 updated parameters, got {len(new)} items")
    for k, name in enumerate(["W1", "b1", "W2", "b2"]):
        assert_close(new[k], params[k] - 0.03 * grads[k], f"{name} after a step of 0.03")


@check('train_binary_hidden', '1.7 train_binary: the loss history and parameters of small runs, then 5 vs 8 on fixed digits', points=3.0, hidden=True, hint='Record the loss before each step, then take a full-batch GD step; return params and history.')
def test_train_binary_hidden(TwoLayerNetwork, train_binary):
    def sigmoid_of(z):
        return 0.5 * (1 + np.tanh(z / 2))


    def binary_run(X, Y, ps, epochs, rate):
        """Full-batch gradient descent as the text specifies: the loss before each step."""
        history = []
        for _ in range(epochs):
            h = sigmoid_of(ps[0] @ X + ps[1])
            p = sigmoid_of(ps[2] @ h + ps[3])
            q = np.clip(p, 1e-12, 1 - 1e-12)
            history.append(float(np.mean(-Y * np.log(q) - (1 - Y) * np.log(1 - q))))
            d2 = p - Y
            d1 = (ps[2].T @ d2) * h * (1 - h)
            n = X.shape[1]
            grads = [d1 @ X.T, d1.sum(1, keepdims=True), d2 @ h.T, d2.sum(1, keepdims=True)]
            ps = [a - rate * g / n for a, g in zip(ps, grads, strict=True)]
        return ps, history


    # Small runs, compared with the specification step by step (rounding differs by < 1e-12).
    rng = np.random.default_rng(31)
    for n_in, n_hidden, n, epochs, rate in [(6, 5, 9, 12, 0.7), (4, 7, 13, 8, 2.5)]:
        small_params = [
            rng.normal(0, 0.5, (n_hidden, n_in)),
            rng.normal(0, 0.5, (n_hidden, 1)),
            rng.normal(0, 0.5, (1, n_hidden)),
            rng.normal(0, 0.5, (1, 1)),
        ]
        X, Y = rng.normal(0, 1, (n_in, n)), rng.integers(0, 2, (1, n)).astype(float)
        got_params, got_history = train_binary(X, Y, small_params, epochs, rate, verbose=False)
        want_params, want_history = binary_run(X, Y, small_params, epochs, rate)
        case = f"{epochs} epochs with learning rate {rate} on {n} samples"
        if len(got_history) != epochs:
            raise CheckFailure(
                f"the loss history of {case} should have {epochs} entries",
                magnitude=f"the loss history has {len(got_history)} entries, {epochs} expected"
                " (one per epoch)",
            )
        assert_close(got_history, want_history, f"the loss history (before each step) of {case}")
        for k, name in enumerate(["W1", "b1", "W2", "b2"]):
            assert_close(got_params[k], want_params[k], f"{name} after {case}")
    cut = load_arrays("mnist_grading.npz")  # names unlike the notebook's own
    keep = np.isin(cut["y_train"], (5, 8))
    cut_x = scale_to_unit(flatten(cut["x_train"][keep])).T
    cut_y = (cut["y_train"][keep] == 8).astype(float).reshape(1, -1)
    keep_test = np.isin(cut["y_test"], (5, 8))
    cut_x_test = scale_to_unit(flatten(cut["x_test"][keep_test])).T
    cut_y_test = cut["y_test"][keep_test] == 8
    cut_params, history = train_binary(
        cut_x, cut_y, TwoLayerNetwork([784, 256, 1], seed=3), 100, 1.0, verbose=False
    )
    if len(history) != 100:
        raise shown(f"the loss history should have one entry per epoch (100), got {len(history)}")
    if not history[-1] < 0.5 * history[0]:
        raise shown(
            f"the loss should fall during training; it went from {history[0]:.3f} to {history[-1]:.3f}"
        )
    h = 0.5 * (1 + np.tanh((cut_params[0] @ cut_x_test + cut_params[1]) / 2))
    scores = cut_params[2] @ h + cut_params[3]
    accuracy = float(np.mean((scores[0] >= 0) == cut_y_test))
    # The reference reaches 0.985 on the mirror's cut (0.980-0.985 over seeds 3-5).
    assert_at_least(accuracy, 0.93, "5-vs-8 test accuracy after 100 epochs")


@check('binary_accuracy_public', '1.8 binary_accuracy: four samples', points=1.0, hidden=False, hint='')
def test_binary_accuracy_public(binary_accuracy):
    got = binary_accuracy(np.array([[0.9, 0.2, 0.6, 0.4]]), np.array([[1.0, 0.0, 0.0, 0.0]]))
    assert_close(assert_scalar(got, "binary_accuracy"), 0.75, "binary_accuracy")


@check('binary_accuracy_hidden', '1.8 binary_accuracy: exactly 0.5 counts as class 1', points=3.0, hidden=True, hint='An output of exactly 0.5 is a prediction of class 1; return a fraction, not a count.')
def test_binary_accuracy_hidden(binary_accuracy):
    got = binary_accuracy(
        np.array([[0.5, 0.49999, 0.5, 1.0, 0.0]]), np.array([[1.0, 0.0, 1.0, 1.0, 1.0]])
    )
    assert_close(
        assert_scalar(got, "binary_accuracy"), 0.8, "binary_accuracy with outputs of exactly 0.5"
    )


@check('split_public', '1.9 split_by_correctness: a small example', points=1.0, hidden=False, hint='')
def test_split_public(split_by_correctness):
    correct, wrong = split_by_correctness(np.array([1, 0, 1, 1]), np.array([1, 1, 1, 0]))
    assert_close(correct, [0, 2], "correct")
    assert_close(wrong, [1, 3], "wrong")


@check('split_hidden', '1.9 split_by_correctness: row labels, all right, all wrong', points=2.0, hidden=True, hint='Accept (1, N) rows as well as (N,) vectors; return 1-D index arrays, possibly empty.')
def test_split_hidden(split_by_correctness):
    correct, wrong = split_by_correctness(np.array([[0.0, 1.0, 1.0]]), np.array([[0.0, 1.0, 1.0]]))
    assert_close(correct, [0, 1, 2], "correct when every prediction is right")
    assert_shape(wrong, (0,), "wrong when every prediction is right")
    correct, wrong = split_by_correctness(np.arange(5), np.arange(5) + 1)
    assert_shape(correct, (0,), "correct when every prediction is wrong")
    assert_close(wrong, np.arange(5), "wrong when every prediction is wrong")


@check('softmax_public', '2.1 softmax: each column sums to 1', points=1.5, hidden=False, hint='')
def test_softmax_public(softmax):
    Z = np.array([[1.0, 0.0], [2.0, 0.0], [3.0, 0.0]])
    got = softmax(Z)
    assert_shape(got, (3, 2), "softmax(Z)")
    for column, total in enumerate(np.asarray(got).sum(axis=0)):
        if abs(total - 1.0) > 1e-9:
            raise CheckFailure(f"softmax columns must sum to 1; column {column} sums to {total:.6g}")
    assert_close(got[:, 0], [0.090030573, 0.244728471, 0.665240956], "softmax(Z)[:, 0]")


@check('stable_softmax_hidden', '2.1 stable_softmax: huge scores, columns on different scales', points=3.5, hidden=True, hint="Subtract each column's own maximum (axis=0), not log(-max); columns must sum to 1.")
def test_stable_softmax_hidden(stable_softmax):
    Z = np.array([[1000.0, -3.0, -1000.0, 5.0], [1010.0, 0.0, 0.0, 5.0], [1020.0, 3.0, -1000.0, 5.0]])
    got = call_without_warnings(
        stable_softmax, Z, what="stable_softmax of columns like [1000, 1010, 1020]"
    )
    assert_shape(got, (3, 4), "stable_softmax(Z)")
    assert_finite(got, "stable_softmax(Z)")
    for column, total in enumerate(np.asarray(got).sum(axis=0)):
        if abs(total - 1.0) > 1e-9:
            raise shown(f"stable_softmax columns must sum to 1; column {column} sums to {total:.6g}")
    e = np.exp(Z - Z.max(axis=0))
    assert_close(got, e / e.sum(axis=0), "stable_softmax(Z)")


@check('mce_public', '2.2 MultiClassCrossEntropyLoss: two samples', points=2.0, hidden=False, hint='')
def test_mce_public(MultiClassCrossEntropyLoss):
    probs = np.array([[0.7, 0.1], [0.2, 0.3], [0.1, 0.6]])
    loss = assert_scalar(
        MultiClassCrossEntropyLoss(np.array([[0, 2]]), probs), "MultiClassCrossEntropyLoss"
    )
    assert_close(loss, 0.433750283852, "MultiClassCrossEntropyLoss")


@check('mce_hidden', '2.2 MultiClassCrossEntropyLoss: float labels, a flat label vector, a zero probability', points=3.0, hidden=True, hint='Labels may be floats or (1, N); pick probs[label, column], clip at 1e-12, take the mean.')
def test_mce_hidden(MultiClassCrossEntropyLoss):
    probs = np.array([[0.5, 0.0, 0.25], [0.5, 1.0, 0.75]])
    for labels in (np.array([[0.0, 1.0, 1.0]]), np.array([0, 1, 1])):
        loss = assert_scalar(MultiClassCrossEntropyLoss(labels, probs), "MultiClassCrossEntropyLoss")
        assert_close(
            loss, (np.log(2.0) - np.log(0.75)) / 3, f"the loss for labels of shape {labels.shape}"
        )
    zero = call_without_warnings(
        MultiClassCrossEntropyLoss, np.array([[1, 0, 0]]), probs, what="a loss with a zero probability"
    )
    assert_close(
        zero,
        (np.log(2.0) - np.log(1e-12) - np.log(0.25)) / 3,
        "the loss when a true class has probability 0",
        rtol=1e-6,
    )


@check('mforward_public', '2.3 multiclass_forward: a 3-4-3 network on two samples', points=2.0, hidden=False, hint='')
def test_mforward_public(multiclass_forward):
    W1 = 0.3 * np.sin(np.arange(12.0)).reshape(4, 3)
    W2 = 0.5 * np.cos(np.arange(12.0)).reshape(3, 4)
    params = [W1, np.linspace(-0.1, 0.1, 4).reshape(4, 1), W2, np.array([[0.05], [0.0], [-0.05]])]
    X = np.array([[0.0, 1.0], [0.5, 0.5], [1.0, 0.0]])
    probs, intermediate = multiclass_forward(X, params)
    assert_shape(probs, (3, 2), "probs")
    assert_close(probs[:, 0], [0.36033157, 0.44743903, 0.1922294], "probs[:, 0]", rtol=1e-6)
    assert_close(np.asarray(probs).sum(axis=0), [1.0, 1.0], "the column sums of probs")


@check('mforward_hidden', '2.3 multiclass_forward: huge scores stay finite, intermediates', points=3.0, hidden=True, hint='Use stable_softmax (column-wise) at the output and return [X, Z1, Y1, Z2].')
def test_mforward_hidden(multiclass_forward):
    rng = np.random.default_rng(6)
    params = [
        rng.normal(0, 1, (6, 5)),
        rng.normal(0, 1, (6, 1)),
        rng.normal(0, 500, (4, 6)),
        rng.normal(0, 1, (4, 1)),
    ]
    X = rng.uniform(0, 1, (5, 3))
    probs, (x, Z1, Y1, Z2) = call_without_warnings(
        multiclass_forward, X, params, what="multiclass_forward with scores in the hundreds"
    )
    y1 = 0.5 * (1 + np.tanh((params[0] @ X + params[1]) / 2))
    z2 = params[2] @ y1 + params[3]
    assert_close(Z2, z2, "Z2")
    e = np.exp(z2 - z2.max(axis=0))
    assert_close(probs, e / e.sum(axis=0), "probs")


@check('mbackward_public', '2.4 multiclass_backward: shapes and the output bias gradient', points=2.0, hidden=False, hint='')
def test_mbackward_public(multiclass_backward, multiclass_forward):
    W1 = 0.3 * np.sin(np.arange(12.0)).reshape(4, 3)
    W2 = 0.5 * np.cos(np.arange(12.0)).reshape(3, 4)
    params = [W1, np.linspace(-0.1, 0.1, 4).reshape(4, 1), W2, np.array([[0.05], [0.0], [-0.05]])]
    X = np.array([[0.0, 1.0], [0.5, 0.5], [1.0, 0.0]])
    probs, intermediate = multiclass_forward(X, params)
    grads = multiclass_backward(np.array([[0, 2]]), probs, intermediate, params)
    for got, p, name in zip(grads, params, ["grad_W1", "grad_b1", "grad_W2", "grad_b2"], strict=True):
        assert_shape(got, p.shape, name)
    assert_close(grads[3][:, 0], [-0.14729977, 0.45420422, -0.30690445], "grad_b2", rtol=1e-6)


@check('mbackward_gradcheck_hidden', '2.4 multiclass_backward: every gradient against finite differences', points=4.0, hidden=True, hint='delta2 = probs minus the one-hot columns of the labels; then as in part 1.')
def test_mbackward_gradcheck_hidden(multiclass_backward, multiclass_forward):
    rng = np.random.default_rng(13)
    params = [
        rng.normal(0, 0.8, (5, 4)),
        rng.normal(0, 0.3, (5, 1)),
        rng.normal(0, 0.8, (3, 5)),
        rng.normal(0, 0.3, (3, 1)),
    ]
    X = rng.uniform(0, 1, (4, 6))
    labels = np.array([[0, 2, 1, 2, 0, 1]])


    def multiclass_mean_loss(ps):
        h = 0.5 * (1 + np.tanh((ps[0] @ X + ps[1]) / 2))
        z = ps[2] @ h + ps[3]
        log_p = z - z.max(axis=0) - np.log(np.exp(z - z.max(axis=0)).sum(axis=0))
        return float(-np.mean(log_p[labels[0], np.arange(6)]))


    probs, intermediate = multiclass_forward(X, params)
    grads = multiclass_backward(labels, probs, intermediate, params)
    for k, name in enumerate(["grad_W1", "grad_b1", "grad_W2", "grad_b2"]):
        numeric = numerical_gradient(
            lambda p, k=k: multiclass_mean_loss(params[:k] + [p] + params[k + 1 :]), params[k]
        )
        assert_gradient(grads[k], numeric, name)


@check('mbackward_mean_hidden', '2.4 multiclass_backward: averaged over the samples, float labels accepted', points=2.0, hidden=True, hint='Divide by N; labels may arrive as floats such as 2.0.')
def test_mbackward_mean_hidden(multiclass_backward, multiclass_forward):
    rng = np.random.default_rng(13)
    params = [
        rng.normal(0, 0.8, (5, 4)),
        rng.normal(0, 0.3, (5, 1)),
        rng.normal(0, 0.8, (3, 5)),
        rng.normal(0, 0.3, (3, 1)),
    ]
    X = rng.uniform(0, 1, (4, 6))
    labels = np.array([[0, 2, 1, 2, 0, 1]])

    probs, intermediate = multiclass_forward(X, params)
    once = multiclass_backward(labels, probs, intermediate, params)
    probs3, intermediate3 = multiclass_forward(np.tile(X, 2), params)
    twice = multiclass_backward(np.tile(labels, 2).astype(float), probs3, intermediate3, params)
    for a, b, name in zip(once, twice, ["grad_W1", "grad_b1", "grad_W2", "grad_b2"], strict=True):
        assert_close(b, a, f"{name} when every sample appears twice (the mean is unchanged)")


@check('train_multiclass_hidden', '2.5 train_multiclass: the loss history and parameters of small runs, then ten digits', points=4.0, hidden=True, hint='Use multiclass_forward, MultiClassCrossEntropyLoss, multiclass_backward and GD each epoch.')
def test_train_multiclass_hidden(TwoLayerNetwork, train_multiclass):
    def multiclass_run(X, labels, ps, epochs, rate):
        """Full-batch gradient descent as the text specifies: the loss before each step."""
        history, n = [], X.shape[1]
        one_hot = np.zeros((ps[2].shape[0], n))
        one_hot[labels, np.arange(n)] = 1.0
        for _ in range(epochs):
            h = 0.5 * (1 + np.tanh((ps[0] @ X + ps[1]) / 2))
            z = ps[2] @ h + ps[3]
            e = np.exp(z - z.max(axis=0))
            p = e / e.sum(axis=0)
            history.append(float(-np.mean(np.log(np.clip(p[labels, np.arange(n)], 1e-12, 1)))))
            d2 = p - one_hot
            d1 = (ps[2].T @ d2) * h * (1 - h)
            grads = [d1 @ X.T, d1.sum(1, keepdims=True), d2 @ h.T, d2.sum(1, keepdims=True)]
            ps = [a - rate * g / n for a, g in zip(ps, grads, strict=True)]
        return ps, history


    # Small runs, compared with the specification step by step (rounding differs by < 1e-12).
    rng = np.random.default_rng(32)
    for n_in, n_hidden, k, n, epochs, rate in [(6, 5, 4, 11, 12, 0.7), (3, 8, 5, 14, 7, 2.5)]:
        small_params = [
            rng.normal(0, 0.5, (n_hidden, n_in)),
            rng.normal(0, 0.5, (n_hidden, 1)),
            rng.normal(0, 0.5, (k, n_hidden)),
            rng.normal(0, 0.5, (k, 1)),
        ]
        X, labels = rng.normal(0, 1, (n_in, n)), rng.integers(0, k, n)
        got_params, got_history = train_multiclass(
            X, labels.reshape(1, -1), small_params, epochs, rate, verbose=False
        )
        want_params, want_history = multiclass_run(X, labels, small_params, epochs, rate)
        case = f"{epochs} epochs with learning rate {rate} on {n} samples of {k} classes"
        if len(got_history) != epochs:
            raise CheckFailure(
                f"the loss history of {case} should have {epochs} entries",
                magnitude=f"the loss history has {len(got_history)} entries, {epochs} expected"
                " (one per epoch)",
            )
        assert_close(got_history, want_history, f"the loss history (before each step) of {case}")
        for j, name in enumerate(["W1", "b1", "W2", "b2"]):
            assert_close(got_params[j], want_params[j], f"{name} after {case}")
    cut = load_arrays("mnist_grading.npz")  # names unlike the notebook's own
    cut_x = scale_to_unit(flatten(cut["x_train"])).T
    cut_y = cut["y_train"].reshape(1, -1)
    cut_x_test = scale_to_unit(flatten(cut["x_test"])).T
    cut_params, history = train_multiclass(
        cut_x, cut_y, TwoLayerNetwork([784, 64, 10], seed=3), 100, 1.0, verbose=False
    )
    if len(history) != 100:
        raise shown(f"the loss history should have one entry per epoch (100), got {len(history)}")
    if not history[-1] < 0.6 * history[0]:
        raise shown(f"the loss should fall; it went from {history[0]:.3f} to {history[-1]:.3f}")
    h = 0.5 * (1 + np.tanh((cut_params[0] @ cut_x_test + cut_params[1]) / 2))
    scores = cut_params[2] @ h + cut_params[3]
    accuracy = float(np.mean(np.argmax(scores, axis=0) == cut["y_test"]))
    # The reference reaches 0.862 on the mirror's cut (0.861-0.867 over seeds 3-5).
    assert_at_least(accuracy, 0.75, "ten-digit test accuracy after 100 epochs")


@check('maccuracy_public', '2.5 multiclass_accuracy: four samples', points=1.0, hidden=False, hint='')
def test_maccuracy_public(multiclass_accuracy):
    probs = np.array([[0.7, 0.1, 0.2, 0.6], [0.2, 0.3, 0.5, 0.3], [0.1, 0.6, 0.3, 0.1]])
    got = multiclass_accuracy(probs, np.array([[0, 2, 2, 0]]))
    assert_close(assert_scalar(got, "multiclass_accuracy"), 0.75, "multiclass_accuracy")


@check('maccuracy_hidden', '2.5 multiclass_accuracy: argmax over classes, flat and float labels', points=2.0, hidden=True, hint='Take the argmax over axis 0 (the classes), compare with the labels flattened.')
def test_maccuracy_hidden(multiclass_accuracy):
    probs = np.array([[0.1, 0.8], [0.9, 0.2]])
    for labels in (np.array([1, 0]), np.array([[1.0, 0.0]])):
        assert_close(
            multiclass_accuracy(probs, labels),
            1.0,
            f"multiclass_accuracy for labels of shape {labels.shape}",
        )
    wide = np.eye(4)[:, [3, 2, 1, 0, 3]]
    assert_close(
        multiclass_accuracy(wide, np.array([3, 2, 0, 0, 1])),
        0.6,
        "multiclass_accuracy of a (4, 5) probs",
    )
