"""Child processes for the figures that need a fresh process: start-up, memory, first chart.

    python benchmarks/probe.py startup DB | startup-bare | scroll DB | chart DB

Each prints one JSON line. Start-up is timed by the parent from spawn to that line, so both
sides pay the interpreter's start the same way.
"""

from __future__ import annotations

import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _painted(widget: object) -> None:
    """Return once `widget` has had a paint event (after this call)."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QApplication

    seen: list[bool] = []

    class Watch(QObject):
        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's
            if event.type() == QEvent.Type.Paint:
                seen.append(True)
            return False

    watch = Watch()
    widget.installEventFilter(watch)  # type: ignore[attr-defined]
    widget.show()  # type: ignore[attr-defined]
    while not seen:
        QApplication.processEvents()


def _window(db: str):  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from introdesk.services import Desk
    from introdesk.ui.main_window import MainWindow

    _app = QApplication([])
    folder = tempfile.mkdtemp()
    window = MainWindow(Desk.open(db), settings=QSettings(
        f"{folder}/settings.ini", QSettings.Format.IniFormat))
    window.resize(1280, 800)
    return _app, window


def startup(db: str) -> dict[str, object]:
    """The way the `introdesk` command opens its window (introdesk/cli.py, ui/app.py): a line
    at the window's first paint, then the answer once the contacts are shown. Settings and logs
    go to the parent's scratch folders."""
    from PySide6.QtWidgets import QApplication

    import introdesk.cli  # noqa: F401 - the command's own first import
    from introdesk.ui.app import start

    running = start(db)
    assert running is not None and running.app.window is not None
    window = running.app.window
    _painted(window)
    print(json.dumps({"painted": True, "matplotlib": "matplotlib" in sys.modules}), flush=True)
    while not window.attached:
        QApplication.processEvents()
    _painted(window.contacts.table.viewport())
    return {"ready": True, "matplotlib": "matplotlib" in sys.modules,
            "rows": window.contacts.model.rowCount()}


def startup_bare() -> dict[str, object]:
    from PySide6.QtWidgets import QApplication, QMainWindow

    _app = QApplication([])
    window = QMainWindow()
    window.resize(1280, 800)
    _painted(window)
    return {"painted": True}


def scroll(db: str) -> dict[str, object]:
    """Scroll the whole contacts table, page by page; peak resident memory."""
    from PySide6.QtWidgets import QApplication

    _app, window = _window(db)
    _painted(window)
    bar = window.contacts.table.verticalScrollBar()
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + bar.pageStep())
        QApplication.processEvents()
    rows = window.contacts.model.rowCount()
    return {"rows": rows, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def chart(db: str) -> dict[str, object]:
    """The person chart: the first draw (which imports matplotlib) and a redraw."""
    from PySide6.QtWidgets import QApplication

    _app, window = _window(db)
    _painted(window)
    desk = window.desk
    people = [p.id for p in desk.list_people(limit=200)]
    busiest = max(people, key=lambda pid: len(desk.list_intros(person_id=pid)))
    times = []
    for pid in (busiest, people[0], busiest):
        start = time.perf_counter()
        window.contacts.pane.show_person(pid)
        window.contacts.pane.chart.repaint()
        QApplication.processEvents()
        times.append((time.perf_counter() - start) * 1000)
    return {"first_ms": times[0], "redraw_ms": times[2]}


def main(argv: list[str]) -> int:
    kind = argv[0]
    if kind == "startup-bare":
        result = startup_bare()
    else:
        result = {"startup": startup, "scroll": scroll, "chart": chart}[kind](argv[1])
    print(json.dumps(result), flush=True)
    os._exit(0)  # skip teardown: the figure is taken


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
