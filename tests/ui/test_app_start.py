"""The window's start: its frame paints before the services are even imported, the database is
opened behind it on another thread, and every way that can end is handled in the window."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QWidget

from introdesk.core.errors import DamagedDatabaseError
from introdesk.services import Desk
from introdesk.store.location import resolve
from introdesk.ui.app import App


def _filled(db_path: Path, people: int = 300) -> Path:
    with Desk.open(db_path) as desk:
        for i in range(people):
            desk.add_person(f"Person {i:03}", notes="x" * 200)
    return db_path


@pytest.fixture
def app(qapp, settings: QSettings):  # type: ignore[no-untyped-def]
    started = App(qapp, settings=settings)
    reported: list[str] = []
    started.report = lambda _parent, message: reported.append(message)
    started.reported = reported  # type: ignore[attr-defined]
    yield started
    if started.window is not None:
        started.window.close()
    started.close()


def test_the_frame_paints_first_and_the_database_opens_behind_it(qtbot, app, db_path) -> None:
    _filled(db_path)
    app.begin(str(db_path), resolve(str(db_path)))
    window = app.window
    qtbot.addWidget(window)
    assert not window.attached
    assert window.opening.label.text() == f"Opening {db_path.resolve()}…"
    assert not window.sidebar.isEnabled()
    assert [m.title() for m in window._menus] == ["&File", "&Edit", "&View", "&Help"]  # noqa: SLF001
    assert not any(m.isEnabled() for m in window._menus)  # noqa: SLF001
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        pass
    qtbot.waitUntil(lambda: window.attached, timeout=20000)
    assert app.desk is not None and window.desk is app.desk
    assert window.contacts.model.rowCount() == 300
    assert window.current_view() is window.contacts
    assert all(m.isEnabled() for m in window._menus)  # noqa: SLF001
    qtbot.waitUntil(lambda: window.findChild(QWidget, "openingPage") is None, timeout=5000)


def test_a_database_that_cannot_be_opened_is_told_in_the_window(qtbot, app, tmp_path) -> None:
    newer = tmp_path / "newer.db"
    with Desk.open(newer):
        pass
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    app.begin(str(newer), resolve(str(newer)))
    qtbot.addWidget(app.window)
    qtbot.waitUntil(lambda: app.failure is not None, timeout=20000)
    assert "newer version of introdesk" in app.reported[0]
    assert app.failure.message == app.reported[0]
    assert not app.window.isVisible() and not app.window.attached


def test_a_damaged_database_offers_its_backup_from_the_window(qtbot, app, db_path) -> None:
    _filled(db_path)
    with Desk.open(db_path) as desk:
        desk.backup()
    data = bytearray(db_path.read_bytes())
    data[4096 * 5: 4096 * 5 + 300] = b"\x07" * 300
    db_path.write_bytes(bytes(data))
    asked: list[DamagedDatabaseError] = []
    app.ask = lambda _parent, error: asked.append(error) or True
    app.begin(str(db_path), resolve(str(db_path)))
    qtbot.addWidget(app.window)
    qtbot.waitUntil(lambda: app.window.attached, timeout=20000)
    assert len(asked) == 1 and "is damaged" in asked[0].message
    assert app.window.contacts.model.rowCount() == 300
    assert list(db_path.parent.glob(f"{db_path.name}.*.damaged"))


def test_closing_the_window_while_it_opens_leaves_nothing_open(qtbot, app, db_path) -> None:
    _filled(db_path, people=10)
    app.begin(str(db_path), resolve(str(db_path)))
    window = app.window
    with qtbot.waitSignal(window.first_painted, timeout=5000):
        pass
    window.close()
    app.close()  # waits for the opening thread
    assert app.opener.result is not None and app.opener.result.closed
    qtbot.wait(50)  # the late "opened" signal finds the window closed
    assert not window.attached


def test_sqlalchemy_is_not_imported_before_the_first_paint(db_path: Path, tmp_path: Path) -> None:
    _filled(db_path, people=5)
    script = textwrap.dedent(f"""
        import json, os, sys
        from PySide6.QtCore import QEvent, QObject, QSettings
        from PySide6.QtWidgets import QApplication, QMainWindow
        from introdesk.store.location import resolve
        from introdesk.ui.app import App
        qt = QApplication([])
        seen = {{}}

        class FirstPaint(QObject):  # sees the paint before the window itself does
            def eventFilter(self, obj, event):
                if (event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow)
                        and "at paint" not in seen):
                    seen["at paint"] = sorted(m for m in ("sqlalchemy", "introdesk.services",
                                                          "matplotlib") if m in sys.modules)
                return False

        watch = FirstPaint()
        qt.installEventFilter(watch)
        app = App(qt, QSettings({str(tmp_path / 's.ini')!r}, QSettings.Format.IniFormat))
        app.begin({str(db_path)!r}, resolve({str(db_path)!r}))
        while not app.window.attached:
            qt.processEvents()
        seen["rows"] = app.window.contacts.model.rowCount()
        print(json.dumps(seen), flush=True)
        app.window.close()
        app.close()
    """)
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120, check=False, env={**__import__("os").environ,
                                            "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen == {"at paint": [], "rows": 5}
