"""`introdesk --self-test`: prove an installation (or a frozen build) works, on a throwaway
database, without touching the user's own data. Returns a process exit code."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from introdesk import __version__
from introdesk.core.clock import utc_now
from introdesk.core.vocabulary import RiskLevel


def run_self_test(say: Callable[[str], object]) -> int:
    from introdesk.services import Desk
    from introdesk.services.demo import load_demo
    from introdesk.store.schema import head_revision

    with tempfile.TemporaryDirectory(prefix="introdesk-self-test-") as folder:
        path = Path(folder) / "self-test.db"
        now = utc_now()
        with Desk.open(path) as desk:
            summary = load_demo(desk, now=now)
            people = desk.list_people()
            levels = {p.name: desk.assess_risk(p.id, now=now).level for p in people}
            for person in people:
                desk.reliability(person.id, now=now)
            attention = desk.needs_attention(now=now)
            events = desk.timeline(limit=50)
            forgotten = people[-1]
            desk.forget(forgotten.id)
        with Desk.open(path) as desk:
            reopened = desk.count_people()
        checks = {
            "schema migrated to head": head_revision() is not None,
            "demo network loaded": summary.people >= 30 and summary.intros >= 20,
            "a stop warning is raised": RiskLevel.STOP in levels.values(),
            "a clear person is clear": RiskLevel.CLEAR in levels.values(),
            "something needs attention": attention.count > 0,
            "the timeline reads back": bool(events) and all(e.summary for e in events),
            "forget removed one person": reopened == len(people) - 1,
            "due soon looks ahead": all(c.due_at <= now + timedelta(days=2)
                                        for c in attention.due_soon),
        }
    failed = [name for name, ok in checks.items() if not ok]
    for name, ok in checks.items():
        say(f"{'ok  ' if ok else 'FAIL'} {name}")
    if failed:
        say(f"introdesk {__version__} self-test failed: {', '.join(failed)}")
        return 1
    say(f"introdesk {__version__} self-test passed")
    return 0
