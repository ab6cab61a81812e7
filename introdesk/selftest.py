"""`introdesk --self-test`: prove an installation (or a frozen build) works, on a throwaway
database, without touching the user's own data. Returns a process exit code."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import Any

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
            window_checks = _exercise_window(desk, levels, Path(folder))
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
            **window_checks,
        }
    failed = [name for name, ok in checks.items() if not ok]
    for name, ok in checks.items():
        say(f"{'ok  ' if ok else 'FAIL'} {name}")
    if failed:
        say(f"introdesk {__version__} self-test failed: {', '.join(failed)}")
        return 1
    say(f"introdesk {__version__} self-test passed")
    return 0


def _exercise_window(desk: Any, levels: dict[str, RiskLevel], folder: Path) -> dict[str, bool]:
    """Build the main window offscreen, switch through every view, drop a stop-level person
    into the introduction form and paint everything once."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings, QtMsgType, qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    from introdesk.services import Desk
    from introdesk.ui import MainWindow

    def quiet(kind: QtMsgType, _context: object, message: str) -> None:
        # The offscreen platform cannot resize native windows and says so; nothing is wrong.
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(quiet)
    app = QApplication.instance() or QApplication(["introdesk-self-test"])
    # Settings of its own, so the self-test never touches the user's recent databases.
    settings = QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(desk, settings=settings)
    window.resize(1200, 760)
    window.show()
    shown = []
    for index in range(window.sidebar.count()):
        window.show_view(index)
        app.processEvents()
        view = window.current_view()
        shown.append(view is not None and not window.grab().isNull())
    drawn = [c.draw_count for c in window.dashboard.charts.values()]
    stop_name = next(name for name, level in levels.items() if level is RiskLevel.STOP)
    stop_id = next(p.id for p in desk.find_people(stop_name))
    form = window.open_intro_form()
    form.fill([stop_id])
    app.processEvents()
    banner_red = form.slot_a.banner.level is RiskLevel.STOP and form.slot_a.banner.isVisible()
    form.close()
    with Desk.open(folder / "empty.db") as empty:
        first_run = MainWindow(empty, settings=settings)
        first_run.show()
        app.processEvents()
        start_screen = first_run.current_view() is first_run.start
        first_run.close()
    window.show_person(stop_id)
    app.processEvents()
    person_chart = window.contacts.pane.chart
    person_chart.ensure_drawn()
    window.close()
    app.processEvents()
    return {
        "every view of the main window painted": len(shown) == 4 and all(shown),
        "every dashboard chart drew": len(drawn) == 5 and all(n >= 1 for n in drawn),
        "the person chart drew": person_chart.draw_count >= 1,
        "an empty database opens on the start screen": start_screen,
        "the form warns about a recent ghost": banner_red,
    }
