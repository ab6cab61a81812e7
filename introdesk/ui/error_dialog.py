"""Unexpected errors reach the user as a plain sentence with "Copy details", never a traceback;
the traceback goes to the log and, on request, to the clipboard. The app keeps running."""

from __future__ import annotations

import platform
import sys
import threading
import traceback
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from introdesk import __version__
from introdesk.ui.logs import log, log_path


def details_text(exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> str:
    return (f"introdesk {__version__}, Python {platform.python_version()}, "
            f"{platform.platform()}\n\n" + "".join(traceback.format_exception(exc_type, exc, tb)))


class ErrorDialog(QMessageBox):
    def __init__(self, summary: str, details: str, parent: QWidget | None = None) -> None:
        super().__init__(QMessageBox.Icon.Critical, "introdesk", summary,
                         QMessageBox.StandardButton.Ok, parent)
        self.setObjectName("errorDialog")
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.details = details
        self.copy_button = self.addButton("Copy details", QMessageBox.ButtonRole.ActionRole)
        self.copy_button.setObjectName("copyDetailsButton")
        # An action-role button would close the box; copying should not.
        self.copy_button.clicked.disconnect()
        self.copy_button.clicked.connect(self.copy_details)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText("Copied")


def summary_text(exc: BaseException) -> str:
    where = log_path()
    first = (str(exc).strip().splitlines() or [exc.__class__.__name__])[0][:200]
    return (f"Something went wrong: {exc.__class__.__name__}: {first}.\n\n"
            "introdesk kept your data: every change is saved the moment it is made, and nothing "
            "half-done is kept." + (f"\n\nThe details are in the log: {where}" if where else ""))


class _Relay(QObject):
    """Carries an error from any thread to the UI thread, where dialogs may be shown: a bound
    slot of an object living in the UI thread is called there (a lambda would not be)."""

    raised = Signal(str, str)

    def __init__(self, show: Callable[[str, str], None]) -> None:
        super().__init__()
        self._show = show
        self.raised.connect(self._deliver)

    @Slot(str, str)
    def _deliver(self, summary: str, details: str) -> None:
        self._show(summary, details)


class ErrorReporter:
    """Installed as sys.excepthook and threading.excepthook while the window runs."""

    def __init__(self, show: Callable[[str, str], None] | None = None) -> None:
        self.show = show or _show_dialog
        self._relay = _Relay(lambda summary, details: self.show(summary, details))

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(
            args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def handle(self, exc_type: type[BaseException], exc: BaseException,
               tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            QApplication.quit()
            return
        details = details_text(exc_type, exc, tb)
        log.error("unexpected error\n%s", details)
        self._relay.raised.emit(summary_text(exc), details)


def _show_dialog(summary: str, details: str) -> None:
    ErrorDialog(summary, details, QApplication.activeWindow()).exec()
