"""Writes from the UI: run a Desk call, show a domain error in plain words, announce the change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from introdesk.core.errors import IntrodeskError
from introdesk.ui.hub import Change, ChangeHub
from introdesk.ui.logs import log

if TYPE_CHECKING:
    from introdesk.services import Desk

T = TypeVar("T")

ErrorSink = Callable[[QWidget | None, str], None]


def show_error(parent: QWidget | None, message: str) -> None:
    log.warning("told the user: %s", message)
    box = QMessageBox(QMessageBox.Icon.Warning, "introdesk", message,
                      QMessageBox.StandardButton.Ok, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


class DeskActions:
    """What every view uses to change data, so no write forgets to announce itself."""

    def __init__(self, desk: Desk, hub: ChangeHub, error_sink: ErrorSink = show_error) -> None:
        self.desk = desk
        self.hub = hub
        self.error_sink = error_sink
        self.undo_stack = QUndoStack(hub)
        self.undo_stack.setUndoLimit(100)

    def push(self, command: QUndoCommand) -> None:
        """Record a change that already happened, so Edit › Undo can take it back."""
        self.undo_stack.push(command)

    def undo_stack_failed(self) -> None:
        """An undo or redo was refused: the steps beyond it no longer fit the data."""
        # Not now: the failing command is still running inside the stack.
        QTimer.singleShot(0, self.undo_stack.clear)

    def run(self, call: Callable[[Desk], T], change: Change | Callable[[T], Change],
            parent: QWidget | None = None) -> T | None:
        """Returns the call's result, or None after showing why it was refused."""
        try:
            result = call(self.desk)
        except IntrodeskError as exc:
            self.error_sink(parent, exc.message)
            return None
        self.hub.announce(change(result) if callable(change) else change)
        return result
