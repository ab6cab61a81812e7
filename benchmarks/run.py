"""introdesk's benchmark suite: each figure is a ratio against a baseline measured in the same
run (the machine is shared and noisy), written to benchmarks/results.json.

    python benchmarks/run.py [--size S|M|L] [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.figures import FIGURES, Figure  # noqa: E402

RESULTS = Path(__file__).with_name("results.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", default="M", choices=("S", "M", "L"))
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median kept)")
    parser.add_argument("--only", help="run the figures whose name contains this")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    chosen: list[Callable[..., Figure]] = [f for f in FIGURES
                                           if not args.only or args.only in f.__name__]
    figures = []
    with tempfile.TemporaryDirectory() as folder:
        for measure in chosen:
            figure = measure(Path(folder), size=args.size, repeat=args.repeat)
            figures.append(figure)
            print(figure.line(), flush=True)
    args.out.write_text(json.dumps({
        "size": args.size, "python": platform.python_version(), "machine": platform.machine(),
        "figures": [f.as_dict() for f in figures]}, indent=1) + "\n")
    print(f"\n{sum(f.met for f in figures)} of {len(figures)} targets met; wrote {args.out}")
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
