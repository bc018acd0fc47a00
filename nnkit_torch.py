"""PyTorch helpers for the optional CNN assignment (a6), shipped beside its notebook.

The notebook trains and inspects its network with these functions, and the hidden checks call the
same ones in the student process, where torch is: the grader itself never imports torch. Every
function takes and returns plain data (numpy arrays, numbers, lists, dicts) or the network.

Images are MNIST digits as the loaders give them, ``(N, 28, 28)`` uint8, or already shaped for a
convolution, ``(N, 1, 28, 28)`` floats in [0, 1].
"""

from __future__ import annotations

import time
from collections.abc import Callable

import numpy as np
import torch
from torch import nn
from tqdm.auto import tqdm

EVAL_BATCH = 250  # images per forward pass when predicting (bounds the memory it takes)
BUDGET_PROBE_BATCHES = 10  # batches timed before training is projected against its CPU budget


class OverBudget(RuntimeError):
    """Training would take more CPU time than the budget allows."""


def as_images(x: np.ndarray) -> torch.Tensor:
    """x: (N, 28, 28) uint8 or (N, 1, 28, 28) -> (N, 1, 28, 28) float32 tensor in [0, 1]."""
    x = np.asarray(x)
    scaled = x.astype(np.float32) / 255.0 if x.dtype == np.uint8 else x.astype(np.float32)
    return torch.from_numpy(scaled.reshape(len(x), 1, 28, 28))


def predict_logits(model: nn.Module, images: np.ndarray) -> np.ndarray:
    """The model's outputs in evaluation mode, without gradients: images (N, 28, 28) -> (N, C)."""
    model.eval()
    x = as_images(images)
    with torch.inference_mode():
        outputs = [model(x[i : i + EVAL_BATCH]) for i in range(0, len(x), EVAL_BATCH)]
    return torch.cat(outputs).numpy() if outputs else np.zeros((0, 0), np.float32)


def layer_kinds(model: nn.Module) -> list[str]:
    """The class names of the model's layers (its modules without children), in order."""
    return [type(m).__name__ for m in model.modules() if next(m.children(), None) is None]


def count_parameters(model: nn.Module) -> int:
    """How many numbers training adjusts: the elements of every trainable parameter."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)


def shared_parameters(first: nn.Module, second: nn.Module) -> int:
    """How many parameter tensors two models share (0 for two independent networks)."""
    return len({id(p) for p in first.parameters()} & {id(p) for p in second.parameters()})


def unregistered_parameters(model: nn.Module, images: np.ndarray) -> int:
    """How many trainable tensors the model's output depends on that are not among its
    parameters: a layer kept on the class or at the top level, or made inside forward. The
    optimiser never sees them, so they are never trained (0 for a well-built network).

    images: a few digits, (N, 28, 28) uint8 or (N, 1, 28, 28) floats.
    """
    model.eval()
    with torch.inference_mode(False), torch.enable_grad():
        output = model(as_images(images))
    registered = {id(p) for p in model.parameters()}
    leaves, seen, pending = {}, set(), [output.grad_fn]
    while pending:  # walk the autograd graph back to the tensors it accumulates gradients into
        node = pending.pop()
        if node is None or node in seen:
            continue
        seen.add(node)
        leaf = getattr(node, "variable", None)
        if leaf is not None:
            leaves[id(leaf)] = leaf
        pending += [parent for parent, _ in node.next_functions]
    return len(set(leaves) - registered)


def train_classifier(
    make_network: Callable[[], nn.Module],
    images: np.ndarray,
    labels: np.ndarray,
    *,
    epochs: int,
    batch_size: int = 64,
    learning_rate: float = 1e-3,
    seed: int = 0,
    test_images: np.ndarray | None = None,
    test_labels: np.ndarray | None = None,
    cpu_budget: float | None = None,
    progress: bool = True,
) -> dict:
    """Build a network with `make_network()` and train it with Adam on the cross-entropy of its
    logits, in shuffled mini-batches; the same seed gives the same weights and the same batches.

    images: (N, 28, 28) uint8; labels: (N,) integers 0-9. After each epoch the network is
    evaluated on the test images, if given. `cpu_budget` (seconds of this process's CPU time)
    stops training early with `OverBudget` once the first batches show it would take longer.
    returns: {"network", "train_losses" (one per batch), "test_losses" and "test_accuracies"
    (one per epoch), "cpu_seconds"}.
    """
    torch.manual_seed(seed)
    network = make_network()
    optimizer = torch.optim.Adam(network.parameters(), lr=learning_rate)
    x, y = as_images(images), torch.as_tensor(np.asarray(labels), dtype=torch.long)
    shuffle = torch.Generator().manual_seed(seed)
    batches_per_epoch = -(-len(x) // batch_size)
    history = {"train_losses": [], "test_losses": [], "test_accuracies": []}
    started = time.process_time()
    for _ in tqdm(range(epochs), desc="epochs", disable=not progress):
        network.train()
        order = torch.randperm(len(x), generator=shuffle)
        for start in range(0, len(x), batch_size):
            batch = order[start : start + batch_size]
            optimizer.zero_grad()
            loss = nn.functional.cross_entropy(network(x[batch]), y[batch])
            loss.backward()
            optimizer.step()
            history["train_losses"].append(loss.item())
            if cpu_budget is not None:
                _stay_within(
                    cpu_budget,
                    time.process_time() - started,
                    len(history["train_losses"]),
                    batches_per_epoch * epochs,
                )
        if test_images is not None:
            loss, accuracy = evaluate(network, test_images, test_labels)
            history["test_losses"].append(loss)
            history["test_accuracies"].append(accuracy)
    return {"network": network, **history, "cpu_seconds": time.process_time() - started}


def evaluate(model: nn.Module, images: np.ndarray, labels: np.ndarray) -> tuple[float, float]:
    """(mean cross-entropy, accuracy) of the model on images (N, 28, 28) with labels (N,)."""
    logits = torch.from_numpy(predict_logits(model, images))
    targets = torch.as_tensor(np.asarray(labels), dtype=torch.long)
    loss = nn.functional.cross_entropy(logits, targets).item()
    return loss, (logits.argmax(dim=1) == targets).float().mean().item()


def _stay_within(budget: float, spent: float, done: int, total: int) -> None:
    projected = spent / done * total
    if spent > budget or (done == BUDGET_PROBE_BATCHES and projected > budget):
        raise OverBudget(
            f"training would take about {projected:.0f} s of CPU time (measured over its first "
            f"{done} batches), more than the budget of {budget:.0f} s: make the network cheaper "
            "(fewer channels, or pool earlier so later layers see smaller images)"
        )
