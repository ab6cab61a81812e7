"""Import from the window: choose or drop files → read (in the background) → preview → write
(in the background, cancellable, one transaction) → every view refreshed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWidgets import QFileDialog, QMainWindow

from introdesk.interchange.column_map import ColumnMapping
from introdesk.services.import_plan import ImportPlan
from introdesk.services.importing import Cancelled, ImportSummary, Progress, ReadFiles
from introdesk.ui.actions import DeskActions
from introdesk.ui.hub import Change
from introdesk.ui.transfer.background import BackgroundTask, Work
from introdesk.ui.transfer.import_dialog import ImportDialog
from introdesk.ui.transfer.mapping_dialog import MappingDialog

CONTACT_SUFFIXES = (".vcf", ".vcard", ".csv")
FILE_FILTER = ("Contact files (*.vcf *.vcard *.csv);;vCard (*.vcf *.vcard);;"
               "CSV: LinkedIn, Google, Outlook, other (*.csv);;All files (*)")


def contact_files(urls: Sequence[QUrl]) -> list[str]:
    """The local contact files among dropped URLs (folders and web links are ignored)."""
    return [url.toLocalFile() for url in urls
            if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower() in CONTACT_SUFFIXES]


class ImportFlow(QObject):
    finished = Signal(object)
    """An import was written: its ImportSummary."""
    ended = Signal()
    """The flow is over, whether it wrote, was cancelled or failed."""

    def __init__(self, window: QMainWindow, actions: DeskActions) -> None:
        super().__init__(window)
        self._window = window
        self._actions = actions
        self.preview: ImportDialog | MappingDialog | None = None
        self._paths: list[str] = []
        self.task: BackgroundTask | None = None

    @property
    def busy(self) -> bool:
        return self.task is not None or self.preview is not None

    def choose_files(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(self._window, "Import contacts", "", FILE_FILTER)
        if paths:
            self.start(paths)

    def start(self, paths: Sequence[str], mapping: ColumnMapping | None = None) -> None:
        if self.busy:
            self._say("An import is already under way; finish it first.")
            return
        desk = self._actions.desk
        self._paths = list(paths)

        def read(progress: Progress, cancelled: Cancelled) -> tuple[ReadFiles, ImportPlan]:
            files = desk.read_import_files(paths, mapping=mapping)
            return files, desk.plan_import(files)

        self._run("Reading contacts", f"Reading {', '.join(Path(p).name for p in paths)}…",
                  read, self._show_preview)

    def _ask_mapping(self, files: ReadFiles) -> None:
        assert files.mapping is not None
        dialog = MappingDialog(files.mapping, files.samples, files.source, self._window)
        self.preview = dialog
        dialog.accepted.connect(lambda: self._mapped(dialog))
        dialog.rejected.connect(self._preview_closed)
        dialog.open()

    def _mapped(self, dialog: MappingDialog) -> None:
        mapping = dialog.mapping()
        self.preview = None
        dialog.deleteLater()
        self.start(self._paths, mapping)

    def _show_preview(self, result: tuple[ReadFiles, ImportPlan]) -> None:
        files, plan = result
        if files.needs_mapping and files.mapping is not None:
            self._ask_mapping(files)
            return
        if not plan.items:
            problems = "\n".join(str(p) for p in plan.problems[:10])
            self._say(f"No contacts were found in {files.source}."
                      + (f"\n\n{problems}" if problems else ""))
            self.ended.emit()
            return
        dialog = ImportDialog(plan, files.source, self._window)
        dialog.accepted.connect(lambda: self._write(dialog, files))
        dialog.rejected.connect(self._preview_closed)
        self.preview = dialog
        dialog.open()

    def _preview_closed(self) -> None:
        if self.preview is not None:
            self.preview.deleteLater()
        self.preview = None
        self.ended.emit()

    def _write(self, dialog: ImportDialog, files: ReadFiles) -> None:
        plan = dialog.plan
        self.preview = None
        dialog.deleteLater()
        desk = self._actions.desk

        def write(progress: Progress, cancelled: Cancelled) -> ImportSummary:
            return desk.apply_import(plan, source=files.source, format=files.format,
                                     progress=progress, cancelled=cancelled)

        self._run("Importing contacts", f"Importing from {files.source}…", write, self._written)

    def _written(self, summary: ImportSummary) -> None:
        self._actions.hub.announce(Change(everything=True))
        self._window.statusBar().showMessage(summary.describe(), 15000)
        self.finished.emit(summary)
        self.ended.emit()

    def _run(self, title: str, label: str, work: Work, on_done: Callable[[Any], None]) -> None:
        task = BackgroundTask(self._window, title, label, work)
        # The task is over before anyone hears how it ended (they may start the next one).
        task.done.connect(self._task_over)
        task.failed.connect(self._task_over)
        task.cancelled.connect(self._task_over)
        task.done.connect(on_done)
        task.failed.connect(self._failed)
        task.cancelled.connect(self._cancelled)
        self.task = task
        task.start()

    def _task_over(self, *_: object) -> None:
        self.task = None

    def _failed(self, message: str) -> None:
        self._say(message)
        self.ended.emit()

    def _cancelled(self) -> None:
        self._window.statusBar().showMessage("Import cancelled; nothing was imported.", 10000)
        self.ended.emit()

    def _say(self, message: str) -> None:
        self._actions.error_sink(self._window, message)
