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

from benchmarks import figures_data as data  # noqa: E402
from benchmarks.figures import (  # noqa: E402
    Figure,
    import_linkedin_30k,
    person_chart,
    scrolling_memory,
    startup,
)
from benchmarks.generate import generate  # noqa: E402

RESULTS = Path(__file__).with_name("results.json")
CACHE = Path(__file__).with_name(".cache")


def network(size: str) -> Path:
    """The generated database of this size (made once, then reused: generation is seeded)."""
    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"network-{size}.db"
    if not path.exists():
        print(f"generating the {size} network…", flush=True)
        partial = path.with_suffix(".part")
        for stale in CACHE.glob(partial.name + "*"):
            stale.unlink()
        generate(partial, size)
        partial.rename(path)
    return path


def measure(size: str, repeat: int, folder: Path, only: str | None) -> list[Figure]:
    main_db, large = network(size), network("L")
    empty = folder / "empty.db"
    from introdesk.services import Desk

    Desk.open(empty).close()
    plan: list[tuple[str, Callable[[], list[Figure]]]] = [
        ("startup", lambda: startup(main_db, size, repeat)),
        ("search", lambda: [data.contact_search(main_db, size), data.contact_search(large, "L")]),
        ("memory", lambda: [scrolling_memory(large, empty, "L")]),
        ("reliability", lambda: [data.reliability_one(main_db, size),
                                 *data.reliability_everyone(large, "L", folder)]),
        ("chart", lambda: person_chart(main_db, size)),
        ("import", lambda: [import_linkedin_30k(folder, size=size, repeat=repeat)]),
        ("timeline", lambda: [data.timeline_first_page(large, "L")]),
    ]
    figures = []
    for name, run in plan:
        if only and only not in name:
            continue
        for figure in run():
            figures.append(figure)
            print(figure.line(), flush=True)
    return figures


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", default="M", choices=("S", "M", "L"))
    parser.add_argument("--repeat", type=int, default=3, help="runs per figure (median kept)")
    parser.add_argument("--only", help="run the figures whose name contains this")
    parser.add_argument("--out", type=Path, default=RESULTS)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        figures = measure(args.size, args.repeat, Path(folder), args.only)
    results = [f.as_dict() for f in figures]
    if args.only and args.out.exists():
        # A partial run updates its own figures and keeps the others from the last full run.
        earlier = json.loads(args.out.read_text())
        if earlier.get("size") == args.size:
            fresh = {r["name"]: r for r in results}
            kept = [fresh.pop(r["name"], r) for r in earlier["figures"]]
            results = kept + list(fresh.values())
    args.out.write_text(json.dumps({
        "size": args.size, "python": platform.python_version(), "machine": platform.machine(),
        "figures": results}, indent=1) + "\n")
    print(f"\n{sum(f.met for f in figures)} of {len(figures)} targets met; wrote {args.out}")
    return 0 if all(f.met for f in figures) else 1


if __name__ == "__main__":
    sys.exit(main())
