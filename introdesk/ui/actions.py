"""Writes from the UI: run a Desk call, show a domain error in plain words, announce the change."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QWidget

from introdesk.core.errors import IntrodeskError
from introdesk.services import Desk
from introdesk.ui.hub import Change, ChangeHub

T = TypeVar("T")

ErrorSink = Callable[[QWidget | None, str], None]


def show_error(parent: QWidget | None, message: str) -> None:
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
