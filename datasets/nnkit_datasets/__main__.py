"""``python -m nnkit_datasets fetch mnist cifar10``: download (or find) and verify the data
ahead of use; ``python -m nnkit_datasets two-moons``: rewrite the committed two-moons files."""

from __future__ import annotations

import argparse
import sys

from .errors import DatasetError
from .loaders import load_cifar10, load_mnist
from .two_moons import DATA_DIR, write_two_moons

LOADERS = {"mnist": load_mnist, "cifar10": load_cifar10}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m nnkit_datasets", description=__doc__)
    verbs = parser.add_subparsers(dest="verb", required=True)
    fetch = verbs.add_parser("fetch", help="download or find each dataset, verify it, load it")
    fetch.add_argument("names", nargs="+", choices=sorted(LOADERS))
    fetch.add_argument("--source", default="auto", help="a registered source (default: auto)")
    fetch.add_argument("--mirror", help="a folder or URL holding the files")
    fetch.add_argument("--cache-dir", help="where downloads go")
    verbs.add_parser("two-moons", help="rewrite datasets/data/two_moons_*.npz")
    args = parser.parse_args(argv)
    if args.verb == "two-moons":
        for path in write_two_moons(DATA_DIR):
            print(f"wrote {path}")
        return 0
    for name in args.names:
        try:
            data = LOADERS[name](args.source, mirror=args.mirror, cache_dir=args.cache_dir)
        except (DatasetError, ValueError) as exc:  # ValueError: an unknown --source
            print(f"error: {exc}", file=sys.stderr)
            return 1
        print(f"{name}: {data}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
