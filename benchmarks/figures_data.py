"""Figures measured inside this process: search, reliability, timeline, person chart."""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.figures import Figure

# What a user types, keystroke by keystroke, looking for people.
KEYSTROKES = ("m", "ma", "may", "maya", "maya ", "maya c", "maya ch", "o", "om", "oma", "omar",
              "acme", "ha", "had", "hadd", "j", "jo", "jor", "da", "dat", "data", "ku", "kum",
              "e", "en", "eng", "p", "pr", "pri", "priya")
VISIBLE_ROWS = 30


def _ms(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return (time.perf_counter() - start) * 1000


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def contact_search(db: Path, size: str) -> Figure:
    """Keystroke to an updated table: the filter applied and the visible rows read, p95."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from introdesk.services import Desk
    from introdesk.ui.contacts.model import ContactsModel

    _app = QApplication.instance() or QApplication([])
    with Desk.open(db) as desk:
        model = ContactsModel(desk)

        def keystroke(text: str) -> None:
            model.set_filter(text)
            for row in range(min(VISIBLE_ROWS, model.rowCount())):
                for column in range(model.columnCount()):
                    model.data(model.index(row, column), Qt.ItemDataRole.DisplayRole)

        for text in KEYSTROKES[:3]:  # warm the caches, as a second keystroke would find them
            keystroke(text)
        ours = [_ms(lambda t=text: keystroke(t)) for text in KEYSTROKES]  # type: ignore[misc]
    conn = sqlite3.connect(db)
    sql = ("SELECT p.id FROM person p LEFT JOIN organization o ON o.id = p.organization_id "
           "WHERE p.name LIKE ?1 OR p.title LIKE ?1 OR o.name LIKE ?1 OR p.id IN "
           "(SELECT person_id FROM person_email WHERE address LIKE ?1) "
           "ORDER BY lower(p.name), p.id")
    raw = [_ms(lambda t=text: conn.execute(sql, (f"%{t.split()[0]}%",)).fetchall())
           for text in KEYSTROKES]
    conn.close()
    value, baseline = _p95(ours), _p95(raw)
    return Figure(f"contact search, keystroke to table, p95 ({size})", value, "ms", baseline,
                  value / baseline, "<= 16 ms", value <= 16)


def reliability_one(db: Path, size: str) -> Figure:
    """One person's reliability through the Desk, median over 100 people."""
    from introdesk.core import reliability
    from introdesk.services import Desk

    with Desk.open(db) as desk:
        people = list(range(1, 101))
        desk.reliability(people[0])
        ours = statistics.median(_ms(lambda p=p: desk.reliability(p)) for p in people)
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT due_at, resolution FROM commitment WHERE owed_by_id = 1 AND "
                        "resolution IS NOT NULL").fetchall()
    conn.close()
    from datetime import UTC, datetime

    from introdesk.core.reliability import OutcomeFact
    from introdesk.core.vocabulary import Resolution

    facts = [OutcomeFact(datetime.fromisoformat(d).replace(tzinfo=UTC), Resolution(r))
             for d, r in rows]
    baseline = statistics.median(_ms(lambda: reliability.score(facts, now=datetime.now(UTC)))
                                 for _ in range(100))
    return Figure(f"reliability of one person ({size})", ours, "ms", baseline,
                  ours / baseline, "<= 5 ms", ours <= 5)


def reliability_everyone(db: Path, size: str, folder: Path) -> list[Figure]:
    """Everyone's reliability (what a tier filter needs), against reading their commitments;
    then the same after one resolution, which must recompute only the person who owed it."""
    import shutil
    from datetime import UTC, datetime

    from introdesk.core.vocabulary import Resolution, Tier
    from introdesk.services import Desk

    conn = sqlite3.connect(db)
    baseline = _ms(lambda: conn.execute(
        "SELECT owed_by_id, due_at, resolution FROM commitment "
        "WHERE resolution IS NOT NULL").fetchall()) / 1000
    open_one = conn.execute("SELECT id, owed_by_id FROM commitment WHERE resolution IS NULL "
                            "ORDER BY id LIMIT 1").fetchone()
    conn.close()
    copy = folder / "resolve.db"  # the resolution must not change the cached network
    shutil.copy(db, copy)
    with Desk.open(copy) as desk:
        seconds = _ms(lambda: desk.contact_ids("", tier=Tier.RELIABLE)) / 1000
        desk.resolve(open_one[0], Resolution.KEPT, at=datetime.now(UTC))
        again = _ms(lambda: desk.contact_ids("", tier=Tier.RELIABLE)) / 1000
        recomputed = desk._reliability.last_computed  # noqa: SLF001 - what the figure is about
    copy.unlink()
    only_them = recomputed == frozenset({open_one[1]})
    return [Figure(f"reliability of everyone ({size})", seconds, "s", baseline,
                   seconds / baseline, "<= 2 s", seconds <= 2),
            Figure(f"everyone again after one resolution, {len(recomputed)} recomputed "
                   f"({size})", again, "s", seconds, again / seconds, "1 person", only_them)]


def timeline_first_page(db: Path, size: str) -> Figure:
    """What the Timeline view does when opened: its ids, then the first page of rows."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from introdesk.services import Desk
    from introdesk.ui.timeline.model import TimelineModel

    _app = QApplication.instance() or QApplication([])
    with Desk.open(db) as desk:
        def first_page() -> None:
            model = TimelineModel(desk)
            for row in range(min(40, model.rowCount())):
                model.data(model.index(row, 0), Qt.ItemDataRole.DisplayRole)

        first_page()
        ours = statistics.median(_ms(first_page) for _ in range(3))
    conn = sqlite3.connect(db)
    baseline = statistics.median(_ms(lambda: conn.execute(
        "SELECT * FROM event ORDER BY at DESC, id DESC LIMIT 40").fetchall()) for _ in range(3))
    conn.close()
    return Figure(f"timeline first page ({size})", ours, "ms", baseline, ours / baseline,
                  "report", True)
