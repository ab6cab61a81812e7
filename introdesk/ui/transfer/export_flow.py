"""Export from the window: choose a file, write it in the background, say what was written."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow

from introdesk.services import Desk
from introdesk.ui.actions import DeskActions
from introdesk.ui.transfer.background import BackgroundTask

# kind: (dialog title, default file name, file filter, noun for the count)
KINDS = {
    "vcf": ("Export contacts as vCard", "contacts.vcf", "vCard (*.vcf)", "contact"),
    "csv": ("Export contacts as CSV", "contacts.csv", "CSV (*.csv)", "contact"),
    "ics": ("Export open follow-ups to a calendar", "follow-ups.ics", "iCalendar (*.ics)",
            "follow-up"),
    "json": ("Export everything as JSON", "introdesk-export.json", "JSON (*.json)", "record"),
}


class ExportFlow(QObject):
    finished = Signal(str)
    """The message shown after a file was written."""

    def __init__(self, window: QMainWindow, actions: DeskActions) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self.task: BackgroundTask | None = None
        # Injected in tests: the native save dialog cannot be driven offscreen.
        self.choose_path: Callable[[str, str, str], str | None] = self._ask_path

    def export(self, kind: str, *, person_ids: Sequence[int] | None = None,
               person_id: int | None = None) -> None:
        """`person_ids` narrows vCard/CSV to a selection; `person_id` the calendar to one person."""
        title, default, file_filter, noun = KINDS[kind]
        path = self.choose_path(title, default, file_filter)
        if not path:
            return
        ids = list(person_ids) if person_ids else None

        def write(desk: Desk) -> int:
            if kind == "vcf":
                return desk.export_vcard(path, ids)
            if kind == "csv":
                return desk.export_csv(path, ids)
            if kind == "ics":
                return desk.export_ics(path, person_id=person_id)
            return desk.export_json(path)

        desk = self._actions.desk
        task = BackgroundTask(self._window, title, f"Writing {Path(path).name}…",
                              lambda progress, cancelled: write(desk))
        task.done.connect(lambda count: self._written(count, noun, path))
        task.failed.connect(lambda message: self._actions.error_sink(self._window, message))
        task.done.connect(self._over)
        task.failed.connect(self._over)
        self.task = task
        task.start()

    def _over(self, *_: object) -> None:
        self.task = None

    def _written(self, count: int, noun: str, path: str) -> None:
        message = f"Wrote {count} {noun}{'' if count == 1 else 's'} to {path}."
        self._window.statusBar().showMessage(message, 15000)
        self.finished.emit(message)

    def _ask_path(self, title: str, default: str, file_filter: str) -> str | None:
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation)
        path, _ = QFileDialog.getSaveFileName(self._window, title, str(Path(folder) / default),
                                              file_filter)
        return path or None
