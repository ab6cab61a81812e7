"""Start the desktop app: one QApplication, a window per open database."""

from __future__ import annotations

import os
import sys

from PySide6.QtWidgets import QApplication

from introdesk.core.errors import IntrodeskError
from introdesk.services import Desk
from introdesk.ui.actions import show_error
from introdesk.ui.main_window import MainWindow


class App:
    def __init__(self, qt_app: QApplication) -> None:
        self.qt_app = qt_app
        self.window: MainWindow | None = None
        self.desk: Desk | None = None

    def open(self, path_or_url: str | None) -> bool:
        """Switch to another database; a refusal is shown and the current window stays."""
        try:
            desk = Desk.open(path_or_url)
        except IntrodeskError as exc:
            show_error(self.window, exc.message)
            return False
        self.show(desk)
        return True

    def show(self, desk: Desk) -> None:
        old_window, old_desk = self.window, self.desk
        self.desk, self.window = desk, MainWindow(desk)
        self.window.database_requested.connect(self.open)
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_desk is not None:
            old_desk.close()

    def close(self) -> None:
        if self.desk is not None:
            self.desk.close()


def _check_display() -> None:
    """Without a desktop session Qt would abort the process; say so in one line instead."""
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        raise IntrodeskError(
            "No display found: the window needs a desktop session. The command line works "
            "without one (see 'introdesk --help')."
        )


def run(db: str | None) -> int:
    _check_display()
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("introdesk")
    qt_app.setOrganizationName("introdesk")
    qt_app.setDesktopFileName("introdesk")
    app = App(qt_app)
    # Opened before the event loop: a refused database is the command line's one-line error.
    app.show(Desk.open(db))
    try:
        return qt_app.exec()
    finally:
        app.close()
