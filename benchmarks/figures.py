"""The figures: each times introdesk and a baseline doing the same work in the same run."""

from __future__ import annotations

import sqlite3
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.linkedin_file import write_connections

IMPORT_ROWS = 30_000  # LinkedIn's connection cap


@dataclass(frozen=True)
class Figure:
    name: str
    value: float
    unit: str
    baseline: float
    ratio: float
    target: str
    met: bool

    def line(self) -> str:
        mark = "met" if self.met else "NOT met"
        return (f"{self.name:<54} {self.value:>12,.1f} {self.unit:<8} baseline "
                f"{self.baseline:>12,.1f}  ratio {self.ratio:6.3f}  target {self.target:<8} {mark}")

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def _median_seconds(run: Callable[[int], None], repeat: int) -> float:
    times = []
    for attempt in range(repeat):
        start = time.perf_counter()
        run(attempt)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def import_linkedin_30k(folder: Path, *, size: str, repeat: int) -> Figure:
    """Rows per second: `Desk.import_files` (read, match, write in one transaction) against
    sqlite3 `executemany` of the same rows into the same tables of the same kind of file."""
    from introdesk.interchange.readers import read_contacts
    from introdesk.services import Desk

    source = write_connections(folder / "Connections.csv", IMPORT_ROWS)
    drafts = read_contacts(source).drafts
    rows = len(drafts)

    def ours(attempt: int) -> None:
        with Desk.open(folder / f"ours-{attempt}.db") as desk:
            assert desk.import_files([source]).added == rows

    def raw(attempt: int) -> None:
        path = folder / f"raw-{attempt}.db"
        Desk.open(path).close()  # the same schema and pragmas, then plain sqlite3
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
        with sqlite3.connect(path) as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=FULL")
            conn.executemany(
                "INSERT INTO person (id, name, title, linkedin_url, created_at, updated_at) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                [(i, d.name, d.title, d.linkedin_url, now, now)
                 for i, d in enumerate(drafts, start=1)])
            conn.executemany(
                "INSERT INTO person_email (person_id, address, position) VALUES (?, ?, 0)",
                [(i, d.emails[0]) for i, d in enumerate(drafts, start=1) if d.emails])

    ours_s = _median_seconds(ours, repeat)
    raw_s = _median_seconds(raw, repeat)
    ratio = (rows / ours_s) / (rows / raw_s)
    return Figure("import 30k-row LinkedIn CSV (rows/s)", rows / ours_s, "rows/s",
                  rows / raw_s, ratio, ">= 0.30", ratio >= 0.30)


def _probe(*args: str) -> tuple[float, dict[str, object]]:
    """Run benchmarks/probe.py; (seconds from spawn to its answer, its answer)."""
    return _probe_lines(*args)[-1]


def _probe_lines(*args: str) -> list[tuple[float, dict[str, object]]]:
    """Run benchmarks/probe.py; each line it prints, with the seconds from spawn to it."""
    import json
    import os
    import subprocess
    import sys
    import tempfile

    lines = []
    with tempfile.TemporaryDirectory(prefix="introdesk-probe-") as scratch:
        # The app's own settings and logs in a scratch folder, not the user's (the font
        # cache stays: a user has one).
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
               **{name: f"{scratch}/{name.lower()}" for name in (
                   "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME")}}
        start = time.perf_counter()
        with subprocess.Popen([sys.executable, str(Path(__file__).with_name("probe.py")), *args],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                              env=env) as child:
            assert child.stdout is not None
            for line in child.stdout:
                if line.startswith("{"):
                    lines.append((time.perf_counter() - start, json.loads(line)))
            if child.wait(timeout=1800) != 0 or not lines:
                raise RuntimeError(f"probe {' '.join(args)} failed ({child.returncode})")
    return lines


def startup(db: Path, size: str, repeat: int) -> list[Figure]:
    """Spawn to the main window's first paint, against a bare PySide6 window painted the same
    way; matplotlib must not be imported by then. Also reported: spawn to the contacts shown
    (the database opened behind the painted window)."""
    import compileall

    import introdesk

    # Byte-compiled, as an installed package is (pip compiles at install; a frozen build ships
    # bytecode): where PYTHONDONTWRITEBYTECODE is set, every probe would compile the sources.
    compileall.compile_dir(Path(introdesk.__file__).parent, quiet=1)
    painted, ready, bare, answers = [], [], [], []
    for _ in range(repeat):
        (first, _), (last, answer) = _probe_lines("startup", str(db))
        painted.append(first)
        ready.append(last)
        answers.append(answer)
        bare.append(_probe("startup-bare")[0])
    value, shown, baseline = (statistics.median(painted), statistics.median(ready),
                              statistics.median(bare))
    lazy = not any(a.get("matplotlib") for a in answers)
    return [Figure(f"start-up to painted window ({size}){'' if lazy else ' MATPLOTLIB LOADED'}",
                   value, "s", baseline, value / baseline, "<= 2.0x",
                   lazy and value / baseline <= 2),
            Figure(f"start-up to {answers[-1]['rows']:,} contacts shown ({size})", shown, "s",
                   baseline, shown / baseline, "report", True)]


def scrolling_memory(db: Path, empty: Path, size: str) -> Figure:
    """Peak resident memory after scrolling the whole contacts table, against the app on an
    empty database."""
    _, answer = _probe("scroll", str(db))
    _, baseline = _probe("scroll", str(empty))
    value = float(answer["peak_rss_mb"])  # type: ignore[arg-type]
    base = float(baseline["peak_rss_mb"])  # type: ignore[arg-type]
    return Figure(f"peak RSS scrolling {answer['rows']:,} contacts ({size})", value, "MB", base,
                  value / base, "<= 250 MB", value <= 250)


def person_chart(db: Path, size: str) -> list[Figure]:
    _, answer = _probe("chart", str(db))
    first, redraw = float(answer["first_ms"]), float(answer["redraw_ms"])  # type: ignore[arg-type]
    return [Figure(f"person chart first draw, incl. matplotlib import ({size})", first, "ms",
                   redraw, first / redraw, "report", True),
            Figure(f"person chart redraw ({size})", redraw, "ms", first, redraw / first,
                   "report", True)]


