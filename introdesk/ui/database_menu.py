"""The database side of the main window: new, open and recent databases, Check database, and
the automatic backups. A mixin of MainWindow, kept apart so each file stays readable."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, SignalInstance
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu, QMessageBox

from introdesk.core.errors import IntrodeskError
from introdesk.ui.actions import show_error
from introdesk.ui.hub import Change, ChangeHub

if TYPE_CHECKING:
    from introdesk.services import Desk

MAX_RECENT = 8


class DatabaseMenu:
    """Expects the MainWindow attributes below; methods are MainWindow methods."""

    desk: Desk
    hub: ChangeHub
    settings: QSettings
    recent_menu: QMenu
    changed_since_backup: bool
    database_requested: SignalInstance

    def _message(self, title: str, text: str) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, title, text,
                          QMessageBox.StandardButton.Ok, self._as_widget())
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.exec()

    def _as_widget(self) -> QMainWindow:
        assert isinstance(self, QMainWindow)  # the mixin's only user
        return self

    def check_database(self) -> None:
        try:
            findings = self.desk.check()
        except IntrodeskError as exc:
            show_error(self._as_widget(), exc.message)
            return
        if not findings:
            self._message("Check database", "No problems found.")
            return
        text = "\n".join(f"• {f.text}" for f in findings)
        if not any(f.repairable for f in findings):
            self._message("Check database", text)
            return
        if self.confirm_repair(text):
            self.repair_database()

    def confirm_repair(self, text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Warning, "Check database",
                          f"{text}\n\nRepair now? A verified backup is made first.",
                          QMessageBox.StandardButton.Cancel, self._as_widget())
        box.setTextFormat(Qt.TextFormat.PlainText)
        repair = box.addButton("Repair", QMessageBox.ButtonRole.AcceptRole)
        box.exec()
        return box.clickedButton() is repair

    def repair_database(self) -> None:
        try:
            done = self.desk.repair()
            remaining = self.desk.check()
        except IntrodeskError as exc:
            show_error(self._as_widget(), exc.message)
            return
        self.hub.announce(Change(everything=True))
        summary = "\n".join(done) or "Nothing needed repairing."
        if remaining:
            summary += "\n\nStill wrong:\n" + "\n".join(f.text for f in remaining)
        self._message("Check database", summary)

    # Databases

    def new_database(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self._as_widget(), "New introdesk database", "introdesk.db",
                                              "introdesk databases (*.db);;All files (*)")
        if path:
            self.database_requested.emit(path)

    def open_database(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self._as_widget(), "Open introdesk database", "",
                                              "introdesk databases (*.db);;All files (*)")
        if path:
            self.database_requested.emit(path)

    def recent_databases(self) -> list[str]:
        value = self.settings.value("recent/databases", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list) else []

    def _remember_database(self) -> None:
        here = self.desk.location.describe()
        recent = [here] + [p for p in self.recent_databases() if p != here]
        self.settings.setValue("recent/databases", recent[:MAX_RECENT])

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.recent_databases():
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.database_requested.emit(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("No recent databases").setEnabled(False)

    def backup_if_changed(self) -> bool:
        """Back up if anything changed since the last backup; True when one was made."""
        if not self.changed_since_backup or self.desk.location.path is None:
            return False
        try:
            made = self.desk.backup()
        except IntrodeskError as exc:
            show_error(self._as_widget(), f"The automatic backup failed: {exc.message}")
            return False
        self.changed_since_backup = False
        self._as_widget().statusBar().showMessage(f"Backed up to {made.path.name}.", 5000)
        return True
