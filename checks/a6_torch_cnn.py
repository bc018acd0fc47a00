"""Generated from the check cells of solutions/a6_torch_cnn/a6_torch_cnn.ipynb: the checks of a6_torch_cnn.

Do not edit: change the notebook and run `python -m autograder build a6_torch_cnn`.
Each check's parameters are the student functions it calls; the grader passes proxies
that run them in the student process.
"""

import numpy as np
from nnkit_checks import CheckFailure, assert_at_least, assert_finite, assert_shape, load_arrays, shown
from autograder.checkspec import check


@check('net_output_public', '1 get_conv_net: a batch of 8 digits gives 8 rows of 10 scores', points=2.0, hidden=False, hint='', support_functions={'predict_logits': 'nnkit_torch.predict_logits'})
def test_net_output_public(get_conv_net, predict_logits):
    images = np.random.default_rng(0).integers(0, 256, (8, 28, 28), dtype=np.uint8)
    logits = predict_logits(get_conv_net(), images)
    assert_shape(logits, (8, 10), "the network's output for a batch of shape (8, 1, 28, 28)")
    assert_finite(logits, "the network's output")


@check('net_layers_public', '1 get_conv_net: convolutional and fully connected layers', points=2.0, hidden=False, hint='', support_functions={'layer_kinds': 'nnkit_torch.layer_kinds'})
def test_net_layers_public(get_conv_net, layer_kinds):
    kinds = layer_kinds(get_conv_net())
    if "Conv2d" not in kinds:
        raise CheckFailure(f"the network needs at least one nn.Conv2d layer; its layers are {kinds}")
    if "Linear" not in kinds:
        raise CheckFailure(f"the network needs nn.Linear layers after the flatten; it has {kinds}")


@check('net_output_hidden', '1 get_conv_net: one digit, a hundred digits, and float images', points=2.0, hidden=True, hint='Keep the batch axis for any batch size: nn.Flatten() or x.flatten(1), never x.squeeze().', support_functions={'predict_logits': 'nnkit_torch.predict_logits'})
def test_net_output_hidden(get_conv_net, predict_logits):
    digits = load_arrays("mnist_grading.npz")["x_test"]
    network = get_conv_net()
    for count in (1, 100):
        logits = predict_logits(network, digits[:count])
        assert_shape(logits, (count, 10), f"the output for a batch of {count}")
        assert_finite(logits, f"the output for a batch of {count}")
    floats = (digits[:5] / 255.0).reshape(5, 1, 28, 28)
    assert_shape(predict_logits(network, floats), (5, 10), "the output for 5 float images")


@check('net_independent_hidden', '1 get_conv_net: each call builds a network with its own weights, all of them registered', points=2.0, hidden=True, hint='Make every layer inside get_conv_net or __init__ (self.conv = ...), never on the class.', support_functions={'shared_parameters': 'nnkit_torch.shared_parameters', 'unregistered_parameters': 'nnkit_torch.unregistered_parameters'})
def test_net_independent_hidden(get_conv_net, shared_parameters, unregistered_parameters):
    shared = shared_parameters(get_conv_net(), get_conv_net())
    if shared:
        raise shown(f"two calls of get_conv_net() share {shared} weight tensors")
    outside = unregistered_parameters(get_conv_net(), load_arrays("mnist_grading.npz")["x_test"][:4])
    if outside:
        raise shown(
            f"the output depends on {outside} weight tensors that are not the network's parameters"
            " (a layer kept on the class, at the top level or made in forward): the optimiser never"
            " trains them"
        )


@check('net_logits_hidden', '1 get_conv_net: in evaluation mode, repeatable logits of a non-linear network', points=3.0, hidden=True, hint='End with the 10-score nn.Linear, nothing after it; activations between layers; no F.dropout.', support_functions={'layer_kinds': 'nnkit_torch.layer_kinds', 'predict_logits': 'nnkit_torch.predict_logits'})
def test_net_logits_hidden(get_conv_net, layer_kinds, predict_logits):
    network = get_conv_net()
    last = layer_kinds(network)[-1]
    if last in {"Softmax", "LogSoftmax", "Softmin", "Softmax2d", "Sigmoid"}:
        raise shown(f"the network ends in {last}")
    digits = load_arrays("mnist_grading.npz")["x_test"][:50]
    logits = predict_logits(network, digits)
    peak = logits.max(axis=1)
    log_sums = peak + np.log(np.exp(logits - peak[:, None]).sum(axis=1))
    if np.all(logits >= 0) and np.allclose(logits.sum(axis=1), 1.0, atol=1e-4):
        raise shown("each output row is a probability distribution (a softmax)")
    if np.allclose(log_sums, 0.0, atol=1e-4):
        raise shown("each output row is a log-probability distribution (a log-softmax)")
    if np.all(logits >= 0):
        raise shown(
            "every output is >= 0: logits come straight from the last nn.Linear, with no ReLU,"
            " sigmoid or other squashing after it"
        )
    if not np.allclose(predict_logits(network, digits), logits, rtol=1e-5, atol=1e-6):
        raise shown(
            "the same digits gave other outputs the second time in evaluation mode: dropout must be"
            " off at test time (nn.Dropout, or F.dropout(x, p, training=self.training))"
        )
    # f(a + b) - f(a) - f(b) + f(0) is 0 for an affine network: at most 6.4e-7 of the scale in
    # float32, against 0.026-0.74 for the reference and correct networks (seeds 0-4).
    rng = np.random.default_rng(61)
    a, b = rng.uniform(0, 0.5, (2, 8, 1, 28, 28)).astype(np.float32)
    f0, fa, fb, fab = (predict_logits(network, v) for v in (np.zeros_like(a), a, b, a + b))
    scale = np.linalg.norm(fa - f0) + np.linalg.norm(fb - f0)
    if np.linalg.norm(fab - fa - fb + f0) <= 1e-4 * scale:
        raise shown(
            "the network is one affine map of its input: put an activation such as nn.ReLU after"
            " each convolution and each hidden nn.Linear"
        )


@check('net_budget_hidden', '1 get_conv_net: at most 250,000 trainable parameters', points=3.0, hidden=True, hint='Most parameters sit in the first Linear after the flatten: pool more before it.', support_functions={'count_parameters': 'nnkit_torch.count_parameters'})
def test_net_budget_hidden(count_parameters, get_conv_net):
    count = count_parameters(get_conv_net())
    if count > 250_000:
        raise shown(f"the network has {count:,} trainable parameters, more than 250,000")


@check('net_training_hidden', '2 training: three epochs on 5,000 digits reach 85 % test accuracy within the CPU budget', points=6.0, hidden=True, hint='Nothing after the last Linear, enough filters, pooling early enough for the CPU budget.', support_functions={'train_classifier': 'nnkit_torch.train_classifier'})
def test_net_training_hidden(get_conv_net, train_classifier):
    cut = load_arrays("mnist_grading.npz")
    graded = train_classifier(
        get_conv_net,
        cut["x_train"],
        cut["y_train"],
        epochs=3,
        cpu_budget=20.0,
        test_images=cut["x_test"],
        test_labels=cut["y_test"],
        progress=False,
    )
    # The reference reaches 0.894-0.921 on the offline mirror's cut (seeds 0-3) in 2.4 s of CPU
    # time. The mirror's 5,000 training digits are canonical MNIST training digits, like the
    # canonical cut's 500 per class, so both cuts share the threshold.
    assert_at_least(graded["test_accuracies"][-1], 0.85, "the test accuracy after 3 epochs")
