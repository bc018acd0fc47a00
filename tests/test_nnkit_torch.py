"""nnkit_torch: the helpers a6's notebook and hidden checks call in the student process."""

import numpy as np
import pytest

torch = pytest.importorskip(
    "torch", reason="PyTorch is the optional extra of a6: pip install -r requirements-torch.txt"
)
from nnkit_torch import (  # noqa: E402
    OverBudget,
    as_images,
    count_parameters,
    evaluate,
    layer_kinds,
    predict_logits,
    shared_parameters,
    train_classifier,
    unregistered_parameters,
)
from torch import nn  # noqa: E402


def stripes(count: int, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """An easy ten-class task: digit k is a bright horizontal band at rows 2k+4 and 2k+5."""
    rng = np.random.default_rng(seed)
    labels = rng.integers(0, 10, count)
    images = rng.integers(0, 40, (count, 28, 28)).astype(np.uint8)
    for image, label in zip(images, labels, strict=True):
        image[2 * label + 4 : 2 * label + 6] = 255
    return images, labels


def small_net() -> nn.Module:
    return nn.Sequential(
        nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(784, 10)
    )


def test_as_images_scales_uint8_digits_and_keeps_float_batches():
    digits = np.zeros((2, 28, 28), np.uint8)
    digits[1, 0, 0] = 255
    images = as_images(digits)
    assert images.shape == (2, 1, 28, 28) and images.dtype == torch.float32
    assert images[1, 0, 0, 0] == 1.0 and images.sum() == 1.0
    floats = np.full((3, 1, 28, 28), 0.5)
    assert as_images(floats).shape == (3, 1, 28, 28) and float(as_images(floats).max()) == 0.5


def test_predict_logits_evaluates_in_batches_without_dropout():
    torch.manual_seed(0)
    net = nn.Sequential(nn.Flatten(), nn.Dropout(0.5), nn.Linear(784, 10))
    images = np.random.default_rng(1).integers(0, 256, (1001, 28, 28), dtype=np.uint8)
    first, second = predict_logits(net, images), predict_logits(net, images)
    assert first.shape == (1001, 10) and isinstance(first, np.ndarray)
    np.testing.assert_array_equal(first, second)  # evaluation mode: dropout is off
    with torch.no_grad():
        whole = net(as_images(images)).numpy()
    np.testing.assert_allclose(first, whole, rtol=1e-5, atol=1e-6)


def test_layer_kinds_lists_the_leaf_layers_in_order():
    net = nn.Sequential(nn.Sequential(nn.Conv2d(1, 2, 3), nn.ReLU()), nn.Flatten(), nn.Linear(2, 3))
    assert layer_kinds(net) == ["Conv2d", "ReLU", "Flatten", "Linear"]


def test_parameters_are_counted_and_sharing_is_seen():
    net = nn.Linear(784, 10)
    assert count_parameters(net) == 7850
    net.bias.requires_grad_(False)
    assert count_parameters(net) == 7840
    assert shared_parameters(net, net) == 2
    assert shared_parameters(small_net(), small_net()) == 0
    conv = nn.Conv2d(1, 4, 3)
    assert shared_parameters(nn.Sequential(conv), nn.Sequential(conv, nn.Linear(2, 2))) == 2


class HeadOnTheClass(nn.Module):
    """A network whose output layer is a class attribute: shared, unregistered, never trained."""

    head = nn.Linear(784, 10)

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)

    def forward(self, x):
        return self.head(nn.functional.max_pool2d(self.conv(x), 2).flatten(1))


class LayerMadeInForward(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 16)

    def forward(self, x):
        return nn.Linear(16, 10)(self.hidden(x.flatten(1)))


def test_weights_the_network_does_not_register_are_counted():
    """Does the output's dependence on a layer outside the module's parameters show, even when
    the call comes from inside inference mode?"""
    digits = stripes(3)[0]
    assert unregistered_parameters(small_net(), digits) == 0
    assert unregistered_parameters(HeadOnTheClass(), digits) == 2
    with torch.inference_mode():
        assert unregistered_parameters(LayerMadeInForward(), digits) == 2


def test_training_is_repeatable_and_learns_an_easy_task():
    images, labels = stripes(640)
    test_images, test_labels = stripes(200, seed=1)
    kwargs = dict(
        epochs=2,
        learning_rate=0.01,
        test_images=test_images,
        test_labels=test_labels,
        progress=False,
    )
    first = train_classifier(small_net, images, labels, **kwargs)
    again = train_classifier(small_net, images, labels, **kwargs)
    other = train_classifier(small_net, images, labels, seed=1, **kwargs)
    assert len(first["train_losses"]) == 2 * 10 and len(first["test_losses"]) == 2
    assert first["train_losses"] == again["train_losses"]
    assert first["train_losses"] != other["train_losses"]
    assert first["test_accuracies"][-1] >= 0.95
    assert first["test_losses"][-1] < first["train_losses"][0] / 3
    assert first["cpu_seconds"] > 0
    loss, accuracy = evaluate(first["network"], test_images, test_labels)
    assert (loss, accuracy) == (first["test_losses"][-1], first["test_accuracies"][-1])


def test_training_over_its_cpu_budget_stops_with_a_clear_message():
    images, labels = stripes(64 * 12)
    with pytest.raises(OverBudget, match=r"more than the budget of 0 s: make the network cheaper"):
        train_classifier(small_net, images, labels, epochs=5, cpu_budget=1e-9, progress=False)
