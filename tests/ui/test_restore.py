"""Restoring a backup from Settings: every connection closed, the current file set aside as
*.before-restore, the verified backup put back, the window reopened on it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from introdesk.services import Desk
from introdesk.ui.app import App
from introdesk.ui.settings_dialog import SettingsDialog


def _names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM person ORDER BY name")]


def test_restore_from_settings(qtbot, qapp, db_path: Path) -> None:
    app = App(qapp)
    app.show(Desk.open(db_path))
    assert app.desk is not None and app.window is not None
    app.desk.add_person("Before Backup")
    made = app.desk.backup()
    app.desk.add_person("After Backup")
    dialog = SettingsDialog(app.window.desk_actions, app.window)
    qtbot.addWidget(dialog)
    dialog.restore_requested.connect(app.restore_backup)
    assert dialog.backup_choice.count() == 1
    asked = []
    dialog.confirm_restore = lambda parent, which: asked.append(which) or True
    old_window = app.window
    dialog.restore_button.click()
    assert asked and app.window is not old_window
    assert app.desk.count_people() == 1
    assert [p.name for p in app.desk.list_people()] == ["Before Backup"]
    (aside,) = db_path.parent.glob(f"{db_path.name}.*.before-restore")
    assert _names(aside) == ["After Backup", "Before Backup"]
    assert made.path.exists()  # the backup itself stays
    assert "Restored" in app.window.statusBar().currentMessage()
    app.window.close()
    app.close()


def test_a_backup_that_fails_its_check_is_refused(qtbot, qapp, db_path: Path,
                                                  monkeypatch) -> None:
    app = App(qapp)
    app.show(Desk.open(db_path))
    assert app.desk is not None
    app.desk.add_person("Keep Me")
    bad = db_path.parent / "backups" / "introdesk-20260101-000000.db"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"not a database at all" * 100)
    errors: list[str] = []
    monkeypatch.setattr("introdesk.ui.app.show_error",
                        lambda parent, message: errors.append(message))
    assert not app.restore_backup(str(bad))
    assert "does not pass its integrity check" in errors[0]
    assert app.desk is not None and [p.name for p in app.desk.list_people()] == ["Keep Me"]
    assert not list(db_path.parent.glob("*.before-restore"))
    assert app.window is not None
    app.window.close()
    app.close()
