"""Generated from the check cells of solutions/a1_two_moons/a1_two_moons.ipynb: the checks of a1_two_moons.

Do not edit: change the notebook and run `python -m autograder build a1_two_moons`.
Each check's parameters are the student functions it calls; the grader passes proxies
that run them in the student process.
"""

import numpy as np
from nnkit_checks import CheckFailure, assert_at_least, assert_close, assert_finite, assert_gradient, assert_scalar, assert_shape, call_without_warnings, load_arrays, numerical_gradient, shown
from autograder.checkspec import check


@check('relu_public', '1.1 relu and d_relu: values at fixed inputs', points=0.25, hidden=False, hint='')
def test_relu_public(d_relu, relu):
    x = np.array([-2.0, -0.5, 0.5, 3.0])
    assert_close(relu(x), [0.0, 0.0, 0.5, 3.0], "relu(x)")
    assert_close(d_relu(x), [0.0, 0.0, 1.0, 1.0], "d_relu(x)")


@check('sigmoid_public', '1.1 sigmoid and d_sigmoid: values at fixed inputs', points=0.25, hidden=False, hint='')
def test_sigmoid_public(d_sigmoid, sigmoid):
    x = np.array([-2.0, 0.0, 1.0])
    assert_close(sigmoid(x), [0.119202922022, 0.5, 0.73105857863], "sigmoid(x)")
    assert_close(d_sigmoid(x), [0.104993585404, 0.25, 0.196611933241], "d_sigmoid(x)")


@check('bce_public', '1.1 binary cross-entropy and its gradient: values at fixed inputs', points=0.5, hidden=False, hint='')
def test_bce_public(binary_cross_entropy, d_binary_cross_entropy):
    predictions = np.array([[0.9], [0.2], [0.6], [0.3]])
    labels = np.array([[1.0], [0.0], [1.0], [1.0]])
    loss = assert_scalar(binary_cross_entropy(predictions, labels), "binary_cross_entropy(p, y)")
    assert_close(loss, 0.5108256237659907, "binary_cross_entropy(p, y)")
    assert_close(
        d_binary_cross_entropy(predictions, labels),
        [[-0.277777777778], [0.3125], [-0.416666666667], [-0.833333333333]],
        "d_binary_cross_entropy(p, y)",
    )


@check('activations_hidden', '1.1 activations: huge inputs without overflow warnings, zeros, a batch of one, floats', points=0.75, hidden=True, hint='Try x = +-1000 and exactly 0: no warning, no nan, floats out, d_relu(0) as documented.')
def test_activations_hidden(d_relu, d_sigmoid, relu, sigmoid):
    x = np.array([[-1000.0, -3.0, 0.0], [1e-3, 2.5, 1000.0]])
    sig = 0.5 * (1.0 + np.tanh(x / 2.0))  # the sigmoid, written without any exp
    expected = {
        "relu": np.maximum(x, 0.0),
        "d_relu": (x > 0).astype(float),
        "sigmoid": sig,
        "d_sigmoid": sig * (1.0 - sig),
    }
    for name, function in [
        ("relu", relu),
        ("d_relu", d_relu),
        ("sigmoid", sigmoid),
        ("d_sigmoid", d_sigmoid),
    ]:
        for inputs, wanted in [(x, expected[name]), (x[:1, 1:2], expected[name][:1, 1:2])]:
            got = call_without_warnings(function, inputs, what=f"{name}(x) for x in [-1000, 1000]")
            assert_close(got, wanted, f"{name}(x) for x of shape {inputs.shape}", atol=1e-12)
            if np.asarray(got).dtype.kind != "f":
                raise shown(f"{name}(x) should return floats, got dtype {np.asarray(got).dtype}")


@check('bce_edges_hidden', '1.1 binary cross-entropy: predictions of exactly 0 or 1, mean over the batch', points=0.5, hidden=True, hint='Clip before taking logs, return one float, and average over the samples rather than sum.')
def test_bce_edges_hidden(binary_cross_entropy, d_binary_cross_entropy):
    labels = np.array([[1.0], [0.0], [1.0], [0.0]])
    certain = labels.copy()  # predictions exactly 0.0 and 1.0, all of them right
    loss = assert_scalar(binary_cross_entropy(certain, labels), "binary_cross_entropy at p in {0, 1}")
    if not -1e-9 <= loss < 1e-6:
        raise shown(f"perfect predictions should cost about 0, got {loss}")
    assert_finite(d_binary_cross_entropy(certain, labels), "d_binary_cross_entropy at p in {0, 1}")
    predictions = np.array([[0.7], [0.1], [0.99], [0.5]])
    wanted = -np.mean(labels * np.log(predictions) + (1 - labels) * np.log(1 - predictions))
    for repeat in (1, 3):
        got = binary_cross_entropy(np.tile(predictions, (repeat, 1)), np.tile(labels, (repeat, 1)))
        assert_close(assert_scalar(got, "binary_cross_entropy(p, y)"), wanted, "the mean loss")
    one = binary_cross_entropy(np.array([[0.25]]), np.array([[1.0]]))
    assert_close(assert_scalar(one, "binary_cross_entropy of one sample"), np.log(4.0), "the loss")


@check('d_bce_hidden', '1.1 d_binary_cross_entropy: matches its closed form and the numerical gradient of your loss', points=0.75, hidden=True, hint='Compare with finite differences of your own loss; check the sign and the factor 1/N.')
def test_d_bce_hidden(binary_cross_entropy, d_binary_cross_entropy):
    rng = np.random.default_rng(1)
    predictions = rng.uniform(0.05, 0.95, size=(6, 1))
    labels = rng.integers(0, 2, size=(6, 1)).astype(float)
    got = d_binary_cross_entropy(predictions, labels)
    assert_shape(got, (6, 1), "d_binary_cross_entropy(p, y)")
    closed_form = (predictions - labels) / (predictions * (1 - predictions)) / 6
    assert_close(got, closed_form, "d_binary_cross_entropy(p, y)")
    numeric = numerical_gradient(lambda p: binary_cross_entropy(p, labels), predictions.copy())
    assert_gradient(got, numeric, "d_binary_cross_entropy(p, y)")
    assert_close(d_binary_cross_entropy(np.array([[0.2]]), np.array([[1.0]])), [[-5.0]], "one sample")


@check('init_shapes_public', '1.2 init_weights: one weight matrix and zero bias row per layer', points=0.5, hidden=False, hint='')
def test_init_shapes_public(init_weights):
    weights, biases = init_weights([4, 3], 2, 1, rng=0)
    assert len(weights) == 3 and len(biases) == 3, "expected 3 layers: two hidden and the output"
    for i, (fan_in, fan_out) in enumerate([(2, 4), (4, 3), (3, 1)]):
        assert_shape(weights[i], (fan_in, fan_out), f"weights[{i}]")
        assert_close(biases[i], np.zeros((1, fan_out)), f"biases[{i}]", atol=0.0)


@check('init_scale_hidden', '1.2 init_weights: mean and standard deviation of every layer', points=1.0, hidden=True, hint='Each layer needs mean 0 and the standard deviation from the text, from its own fan-in.')
def test_init_scale_hidden(init_weights):
    sizes = [1000, 400, 100, 300]  # input, two hidden layers, output: three different fan-ins
    weights, biases = init_weights(sizes[1:-1], sizes[0], sizes[-1])
    assert len(weights) == 3, "expected 3 weight matrices"
    for i, weight in enumerate(weights):
        fan_in = sizes[i]
        assert_shape(weight, (fan_in, sizes[i + 1]), f"weights[{i}]")
        weight = np.asarray(weight, dtype=float)
        target = np.sqrt(2.0 / fan_in)
        if abs(weight.std() / target - 1.0) > 0.03:
            raise CheckFailure(
                f"weights[{i}] (fan_in {fan_in}) has standard deviation {weight.std():.4g}, "
                f"expected {target:.4g}",
                magnitude=f"weights[{i}] has {weight.std() / target:.3g} times the standard deviation"
                " the text asks for",
            )
        if abs(weight.mean()) > 0.03 * target:
            raise shown(f"weights[{i}] has mean {weight.mean():.3g}, expected about 0")


@check('init_structure_hidden', '1.2 init_weights: 0, 1 and 3 hidden layers, exact zero biases, seeds', points=0.5, hidden=True, hint='One layer per hidden width plus the output, (1, fan_out) zero biases, draws from `rng`.')
def test_init_structure_hidden(init_weights):
    for hidden in ([], [7], [5, 4, 3]):
        sizes = [3, *hidden, 2]
        weights, biases = init_weights(hidden, 3, 2)
        if len(weights) != len(sizes) - 1 or len(biases) != len(sizes) - 1:
            raise CheckFailure(
                f"hidden layers {hidden}: expected {len(sizes) - 1} layers",
                magnitude=f"init_weights returned {len(weights)} weight matrices and {len(biases)}"
                " biases: one of each per layer, the output layer included",
            )
        for i in range(len(sizes) - 1):
            assert_shape(weights[i], (sizes[i], sizes[i + 1]), f"weights[{i}] for {hidden}")
            assert_shape(biases[i], (1, sizes[i + 1]), f"biases[{i}] for {hidden}")
            if np.asarray(weights[i]).dtype.kind != "f" or np.asarray(biases[i]).dtype.kind != "f":
                raise shown("weights and biases should be float arrays")
            if np.any(np.asarray(biases[i]) != 0.0):
                raise shown(f"biases[{i}] should be exactly zero")
    first, _ = init_weights([6], 4, 1, rng=5)
    again, _ = init_weights([6], 4, 1, rng=5)
    other, _ = init_weights([6], 4, 1, rng=6)
    for i in range(2):
        assert_close(again[i], first[i], f"weights[{i}] drawn twice from the same seed", atol=0.0)
    if np.allclose(first[0], other[0]):
        raise shown("two different seeds gave the same weights")


@check('forward_public', '1.3 forward_pass: output and stored values of a small fixed net', points=1.0, hidden=False, hint='')
def test_forward_public(forward_pass):
    x = np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 2.0]])
    weights = [np.array([[1.0, -1.0, 0.5], [0.5, 2.0, -1.0]]), np.array([[1.0], [-0.5], [0.5]])]
    biases = [np.array([[0.25, 0.5, -0.5]]), np.array([[0.5]])]
    y, hs, zs = forward_pass(x, weights, biases)
    assert_close(y, [[0.851952801968], [0.5], [0.119202922022]], "y")
    assert len(hs) == 2 and len(zs) == 2, "hs and zs need one entry per layer (2 here)"
    assert_close(hs[0], x, "hs[0] (the input)")
    assert_close(zs[0], [[1.25, -0.5, 0.0], [0.75, 2.5, -1.5], [0.25, 5.5, -3.0]], "zs[0]")


@check('forward_hidden', '1.3 forward_pass: every stored input and pre-activation of a deeper net', points=1.25, hidden=True, hint='hs[i] is the input of layer i, zs[i] its pre-activation; ReLU on hidden layers only.')
def test_forward_hidden(forward_pass):
    rng = np.random.default_rng(3)
    sizes = [3, 5, 4, 2]
    weights = [rng.normal(size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
    biases = [rng.normal(size=(1, b)) for b in sizes[1:]]
    for n in (6, 1):
        x = rng.normal(size=(n, 3))
        want_hs, want_zs, h = [], [], x
        for i in range(3):
            want_hs.append(h)
            want_zs.append(h @ weights[i] + biases[i])
            h = np.maximum(want_zs[-1], 0.0) if i < 2 else 0.5 * (1.0 + np.tanh(want_zs[-1] / 2.0))
        y, hs, zs = forward_pass(x, weights, biases)
        assert_close(y, h, f"y for a batch of {n}")
        if not np.all((np.asarray(y) > 0) & (np.asarray(y) < 1)):
            raise shown("y should hold probabilities strictly between 0 and 1")
        if len(hs) != 3 or len(zs) != 3:
            raise shown("hs and zs need one entry per layer (3 here)")
        for i in range(3):
            assert_close(hs[i], want_hs[i], f"hs[{i}] for a batch of {n}")
            assert_close(zs[i], want_zs[i], f"zs[{i}] for a batch of {n}")


@check('forward_no_hidden_hidden', '1.3 forward_pass: a network without hidden layers', points=0.75, hidden=True, hint='With a single layer, the output sigmoid is the only activation; hs and zs hold one entry.')
def test_forward_no_hidden_hidden(forward_pass):
    rng = np.random.default_rng(4)
    x = rng.normal(size=(5, 3))
    weights, biases = [rng.normal(size=(3, 1))], [rng.normal(size=(1, 1))]
    y, hs, zs = forward_pass(x, weights, biases)
    z = x @ weights[0] + biases[0]
    assert_close(y, 0.5 * (1.0 + np.tanh(z / 2.0)), "y of a single-layer net")
    if len(hs) != 1 or len(zs) != 1:
        raise shown("a single-layer net stores one input and one pre-activation")
    assert_close(hs[0], x, "hs[0]")
    assert_close(zs[0], z, "zs[0]")


@check('backward_public', '1.4 backward_pass: gradients of a small fixed net', points=1.0, hidden=False, hint='')
def test_backward_public(backward_pass):
    hs = [np.array([[1.0, 2.0], [-1.0, 0.5]]), np.array([[2.7, 0.0], [0.2, 1.225]])]
    zs = [np.array([[2.7, -0.4], [0.2, 1.225]]), np.array([[2.4], [-0.7125]])]
    weights = [np.array([[0.5, -1.0], [1.0, 0.25]]), np.array([[1.0], [-0.5]])]
    biases = [np.array([[0.2, 0.1]]), np.array([[-0.3]])]
    loss_grad = np.array([[0.5], [-1.0]])
    d_weights, d_biases = backward_pass(loss_grad, hs, zs, weights, biases)
    assert len(d_weights) == 2 and len(d_biases) == 2, "expected one gradient per layer"
    assert_close(d_weights[1], [[0.058789257126], [-0.270449323511]], "d_weights[1]")
    assert_close(d_biases[1], [[-0.182647458442]], "d_biases[1]")
    assert_close(
        d_weights[0],
        [[0.258902457494, -0.110387478984], [-0.034132479932, 0.055193739492]],
        "d_weights[0]",
    )
    assert_close(d_biases[0], [[-0.182647458442, 0.110387478984]], "d_biases[0]")


@check('backward_gradcheck_hidden', '1.4 backward_pass: every weight and bias gradient matches finite differences', points=2.0, hidden=True, hint='Compare with finite differences: sigmoid and ReLU derivatives, batch sums, bias shapes.')
def test_backward_gradcheck_hidden(backward_pass):
    sizes = [3, 4, 6, 1]  # with a batch of 5: no two dimensions alike


    def reference_forward(ws, bs, x):
        hs, zs, h = [], [], x
        for i in range(len(ws)):
            hs.append(h)
            zs.append(h @ ws[i] + bs[i])
            last = i == len(ws) - 1
            h = 0.5 * (1.0 + np.tanh(zs[-1] / 2.0)) if last else np.maximum(zs[-1], 0.0)
        return h, hs, zs


    def loss_of(kind, k):
        # L = sum(y * loss_grad), so that dL/dy is exactly loss_grad
        def loss(value):
            ws, bs = list(weights), list(biases)
            (ws if kind == "weights" else bs)[k] = value
            return float(np.sum(reference_forward(ws, bs, x)[0] * loss_grad))

        return loss


    for seed in (5, 15):
        rng = np.random.default_rng(seed)
        weights = [rng.normal(size=(a, b)) for a, b in zip(sizes[:-1], sizes[1:], strict=True)]
        biases = [rng.normal(scale=0.5, size=(1, b)) for b in sizes[1:]]
        x = rng.normal(size=(5, 3))
        loss_grad = rng.normal(size=(5, 1))
        _, hs, zs = reference_forward(weights, biases, x)
        d_weights, d_biases = backward_pass(loss_grad, hs, zs, weights, biases)
        if len(d_weights) != 3 or len(d_biases) != 3:
            raise shown("expected one weight and one bias gradient per layer (3 here)")
        for k in range(3):
            numeric = numerical_gradient(loss_of("weights", k), weights[k].copy())
            assert_gradient(d_weights[k], numeric, f"d_weights[{k}]")
            numeric = numerical_gradient(loss_of("biases", k), biases[k].copy())
            assert_gradient(d_biases[k], numeric, f"d_biases[{k}]")


@check('backward_no_hidden_hidden', '1.4 backward_pass: a network without hidden layers, and a batch of one', points=1.0, hidden=True, hint="With one layer only the output layer's gradients exist, summed over the whole batch.")
def test_backward_no_hidden_hidden(backward_pass):
    rng = np.random.default_rng(6)
    weights, biases = [rng.normal(size=(3, 1))], [rng.normal(size=(1, 1))]
    for n in (4, 1):
        x = rng.normal(size=(n, 3))
        z = x @ weights[0] + biases[0]
        loss_grad = rng.normal(size=(n, 1))
        sig = 0.5 * (1.0 + np.tanh(z / 2.0))
        delta = loss_grad * sig * (1.0 - sig)
        d_weights, d_biases = backward_pass(loss_grad, [x], [z], weights, biases)
        if len(d_weights) != 1 or len(d_biases) != 1:
            raise shown("a single-layer net has one weight and one bias gradient")
        assert_close(d_weights[0], x.T @ delta, f"d_weights[0] for a batch of {n}")
        assert_close(d_biases[0], delta.sum(axis=0, keepdims=True), f"d_biases[0] for a batch of {n}")


@check('momentum_hidden', '1.5 train_neural_net: two full-batch steps follow the momentum rule; the loss histories', points=1.0, hidden=True, hint='Average the gradients with the (1 - gamma) factor and step against that average, everywhere.')
def test_momentum_hidden(backward_pass, binary_cross_entropy, d_binary_cross_entropy, forward_pass, init_weights, train_neural_net):
    data = load_arrays("two_moons_train.npz")
    x = data["samples"].astype(float)
    y = data["labels"].astype(float).reshape(-1, 1)
    layers, rate, gamma, seed = [6, 5], 0.3, 0.6, 7
    got_weights, got_biases, train_losses, test_losses = train_neural_net(
        x, y, x[:20], y[:20], layers, rate, gamma, 2, len(x), seed
    )
    want_train, want_test = [], []
    # the same two steps by hand, from your own init_weights, forward_pass and backward_pass
    weights, biases = init_weights(layers, x.shape[1], 1, rng=seed)
    m_weights = [np.zeros_like(w) for w in weights]
    m_biases = [np.zeros_like(b) for b in biases]
    for _ in range(2):
        predictions, hs, zs = forward_pass(x, weights, biases)
        want_train.append(binary_cross_entropy(predictions, y))
        grads = backward_pass(d_binary_cross_entropy(predictions, y), hs, zs, weights, biases)
        for k in range(len(weights)):
            m_weights[k] = gamma * m_weights[k] + (1 - gamma) * np.asarray(grads[0][k])
            m_biases[k] = gamma * m_biases[k] + (1 - gamma) * np.asarray(grads[1][k])
            weights[k] = weights[k] - rate * m_weights[k]
            biases[k] = biases[k] - rate * m_biases[k]
        want_test.append(binary_cross_entropy(forward_pass(x[:20], weights, biases)[0], y[:20]))
    if len(got_weights) != len(weights) or len(got_biases) != len(biases):
        raise shown("train_neural_net should return one weight and one bias per layer")
    for k in range(len(weights)):
        assert_close(got_weights[k], weights[k], f"weights[{k}] after two steps", atol=1e-10)
        assert_close(got_biases[k], biases[k], f"biases[{k}] after two steps", atol=1e-10)
    assert_close(train_losses, want_train, "train_losses (each step's loss before its update)")
    assert_close(test_losses, want_test, "test_losses (the test loss after each pass)")
    # mini-batches of 75: four updates per pass, one train loss each, one test loss per pass
    _, _, train_losses, test_losses = train_neural_net(x, y, x[:20], y[:20], [4], 0.1, 0.5, 3, 75, 2)
    if len(train_losses) != 3 * len(x) // 75 or len(test_losses) != 3:
        raise CheckFailure(
            f"3 passes over {len(x)} samples in batches of 75 should record {3 * len(x) // 75} train "
            f"losses and 3 test losses, got {len(train_losses)} and {len(test_losses)}",
            magnitude=f"train_neural_net recorded {len(train_losses)} train losses and"
            f" {len(test_losses)} test losses: one train loss per mini-batch, one test loss per pass",
        )


@check('train_accuracy', '1.5 train_neural_net: at least 95% train and test accuracy on two moons', points=1.0, hidden=False, hint='')
def test_train_accuracy(forward_pass, train_neural_net):
    train = load_arrays("two_moons_train.npz")
    test = load_arrays("two_moons_test.npz")
    weights, biases, _, _ = train_neural_net(
        train["samples"],
        train["labels"],
        test["samples"],
        test["labels"],
        layers=[32, 32],
        learning_rate=0.1,
        momentum_factor=0.9,
        num_iterations=100,
        batch_size=10,
        seed=0,
    )
    for name, data in [("train", train), ("test", test)]:
        probabilities = np.asarray(forward_pass(data["samples"].astype(float), weights, biases)[0])
        assert_shape(probabilities, (len(data["labels"]), 1), f"the network output on the {name} set")
        accuracy = float(np.mean((probabilities[:, 0] > 0.5) == (data["labels"] == 1)))
        assert_at_least(accuracy, 0.95, f"{name} accuracy")
