"""Print how fast the reference solutions train, against the same network in PyTorch on the CPU.

    .venv/bin/python benchmarks/training_speed.py [--samples 10000] [--threads 1] [--runs 3]

For each workload, one epoch of the reference solution (its own functions, taken from the
instructor notebook) and one epoch of the same network written the usual PyTorch way, on the
same synthetic MNIST-sized data (784 inputs, 10 classes), dtype and thread count. Prints the
median time of each and their ratio (goal: the reference within 1.5x of PyTorch). PyTorch is
not a kit requirement: ``pip install torch==2.13.0``; without it only the reference is timed.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

KIT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(KIT_ROOT))
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


@dataclass(frozen=True)
class Workload:
    """One epoch to time: the reference's and PyTorch's, each given (x, y, threads)."""

    name: str
    assignment_id: str
    reference: Callable
    torch: Callable


@functools.cache
def reference_functions(assignment_id: str) -> dict:
    """The definitions of an instructor notebook, loaded as the grader's student process does."""
    from autograder.grade import to_load
    from autograder.manifest import load_assignment
    from autograder.notebook import read_code_cells
    from autograder.student_server import Server

    assignment = load_assignment(assignment_id)
    server = Server()
    cells = read_code_cells(assignment.paths.source_notebook)
    loaded = server.load(to_load(cells))
    if loaded["problems"]:
        raise RuntimeError(f"{assignment_id}: {loaded['problems']}")
    return server.namespace


def a2_reference(x, y):
    """a2_mnist_backprop: 784-32-32-10, sigmoid hidden layers, softmax, per-sample SGD."""
    f = reference_functions("a2_mnist_backprop")
    weights, biases = f["initialize_network"]([784, 32, 32, 10], 0)
    f["train_one_epoch"](x, y, weights, biases, learning_rate=0.1, progress=False)


def a2_torch(x, y):
    import torch

    batches = [slice(i, i + 1) for i in range(len(y))]
    torch_sgd_epoch([784, 32, 32, 10], torch.nn.Sigmoid, x, y, batches)


def a3_reference(x, y):
    """a3_layers: 784-100-200-10, ReLU, softmax cross-entropy, shuffled minibatches of 32."""
    f = reference_functions("a3_layers")
    network = f["make_network"]([784, 100, 200, 10], seed=0)
    for x_batch, y_batch in f["iterate_minibatches"](x, y, 32, shuffle=True):
        f["train"](network, x_batch, y_batch)


def a3_torch(x, y):
    import torch

    torch.manual_seed(0)
    batches = torch.randperm(len(y)).split(32)
    torch_sgd_epoch([784, 100, 200, 10], torch.nn.ReLU, x, y, batches)


def torch_sgd_epoch(sizes: list[int], activation, x, y, batches) -> None:
    """The usual PyTorch way: a float64 MLP with `activation` between its linear layers,
    cross-entropy on logits, one SGD step (lr 0.1) per batch of row indices."""
    import torch

    torch.manual_seed(0)
    layers = []
    for n_in, n_out in zip(sizes[:-1], sizes[1:], strict=True):
        layers += [torch.nn.Linear(n_in, n_out), activation()]
    model = torch.nn.Sequential(*layers[:-1]).double()
    optimiser = torch.optim.SGD(model.parameters(), lr=0.1)
    inputs, labels = torch.from_numpy(x), torch.from_numpy(y.astype("int64"))
    for batch in batches:
        optimiser.zero_grad()
        torch.nn.functional.cross_entropy(model(inputs[batch]), labels[batch]).backward()
        optimiser.step()


WORKLOADS = [
    Workload("per-sample SGD, 784-32-32-10", "a2_mnist_backprop", a2_reference, a2_torch),
    Workload("batch-32 SGD, 784-100-200-10", "a3_layers", a3_reference, a3_torch),
]


def synthetic_mnist(samples: int):
    import numpy as np

    rng = np.random.default_rng(0)
    x = rng.random((samples, 784))  # float64 in [0, 1), like scaled pixels
    y = rng.integers(0, 10, samples).astype(np.uint8)
    return x, y


def timed(epoch: Callable, x, y, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        epoch(x, y)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--samples", type=int, default=10_000)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    for variable in THREAD_VARIABLES:  # before numpy loads its BLAS
        os.environ[variable] = str(args.threads)
    try:
        import torch

        torch.set_num_threads(args.threads)
    except ImportError:
        torch = None
        print("PyTorch is not installed (pip install torch==2.13.0): timing the reference only")
    x, y = synthetic_mnist(args.samples)
    print(
        f"one epoch of {args.samples} synthetic MNIST samples, float64, {args.threads} thread(s), "
        f"median of {args.runs}"
    )
    print(f"{'workload':<32} {'reference s':>11} {'pytorch s':>10} {'ratio':>6}")
    for workload in WORKLOADS:
        reference_functions(workload.assignment_id)  # loaded once, outside the timings
        mine = timed(workload.reference, x, y, args.runs)
        theirs = timed(workload.torch, x, y, args.runs) if torch else float("nan")
        print(f"{workload.name:<32} {mine:>11.2f} {theirs:>10.2f} {mine / theirs:>5.2f}x")
    print("(ratio = reference / PyTorch; goal: at most 1.5x)")


if __name__ == "__main__":
    main()
