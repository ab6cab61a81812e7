"""Start the desktop app: one QApplication, a window per open database."""

from __future__ import annotations

import ctypes.util
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QSettings, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from introdesk import __version__
from introdesk.core.errors import DamagedDatabaseError, IntrodeskError
from introdesk.resources import resource
from introdesk.store.location import Location, resolve
from introdesk.ui.actions import show_error
from introdesk.ui.error_dialog import ErrorReporter
from introdesk.ui.logs import log, setup_logging
from introdesk.ui.main_window import MainWindow
from introdesk.ui.opening import DatabaseOpener
from introdesk.ui.single_instance import InstanceServer, try_lock, wake_running_copy

# The services (SQLAlchemy) are imported behind the painted window (ui/opening.py).
if TYPE_CHECKING:
    from introdesk.services import Desk

AskToRestore = Callable[[QWidget | None, DamagedDatabaseError], bool]


class App:
    def __init__(self, qt_app: QApplication, settings: QSettings | None = None) -> None:
        self.qt_app = qt_app
        self.settings = settings  # None: the user's own
        self.window: MainWindow | None = None
        self.desk: Desk | None = None
        self.opener: DatabaseOpener | None = None
        #: Why the database given at start could not be opened (the command line says it too).
        self.failure: IntrodeskError | None = None
        self.ask: AskToRestore = ask_to_restore
        self.report: Callable[[QWidget | None, str], None] = show_error

    def begin(self, path_or_url: str | None, location: Location) -> None:
        """The window's frame now, saying the database is being opened; the database after
        the frame's first paint, on another thread."""
        opener = DatabaseOpener(path_or_url, location)
        opener.check_early()
        window = MainWindow(None, settings=self.settings, location=location)
        opener.setParent(window)
        self.window = window
        window.database_requested.connect(self.open)
        window.restore_requested.connect(self.restore_backup)
        opener.opened.connect(self._opened)
        opener.damaged.connect(lambda error: self._damaged(path_or_url, error))
        opener.failed.connect(self._failed)
        window.first_painted.connect(opener.start)
        self.opener = opener
        window.show()

    def _opened(self, desk: Desk) -> None:
        if self.window is None or self.window.attached or not self.window.isVisible():
            desk.close()  # the window was closed while the database was being opened
            return
        self.desk = desk
        self.window.attach(desk)

    def _damaged(self, path_or_url: str | None, error: DamagedDatabaseError) -> None:
        try:
            desk = recover(path_or_url, error, self.window, self.ask)
        except IntrodeskError as exc:
            self._failed(exc.message)
            return
        self._opened(desk)

    def _failed(self, message: str) -> None:
        self.failure = IntrodeskError(message)
        self.report(self.window, message)
        if self.window is not None:
            self.window.close()  # the last window: the event loop ends, `run` says why

    def open(self, path_or_url: str | None) -> bool:
        """Switch to another database; a refusal is shown and the current window stays."""
        try:
            desk = open_or_recover(path_or_url, self.window)
        except IntrodeskError as exc:
            show_error(self.window, exc.message)
            return False
        self.show(desk)
        return True

    def show(self, desk: Desk) -> None:
        old_window, old_desk = self.window, self.desk
        self.desk, self.window = desk, MainWindow(desk, settings=self.settings)
        self.window.database_requested.connect(self.open)
        self.window.restore_requested.connect(self.restore_backup)
        self.window.show()
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_desk is not None:
            old_desk.close()

    def restore_backup(self, backup_path: str) -> bool:
        """Close every connection, keep the current file aside as *.before-restore, put the
        verified backup in its place, and reopen."""
        from introdesk.store.restore import restore

        if self.window is None or self.desk is None or self.desk.location.path is None:
            return False
        location = self.desk.location
        # No backup on this close: the current file itself is kept aside.
        self.window.changed_since_backup = False
        self.window.close()
        self.window.deleteLater()
        self.desk.close()
        self.window = self.desk = None
        try:
            aside = restore(location, Path(backup_path))
        except IntrodeskError as exc:
            show_error(None, exc.message)
            self.open(str(location.path))
            return False
        if not self.open(str(location.path)):
            return False
        assert self.window is not None
        self.window.statusBar().showMessage(
            f"Restored {Path(backup_path).name}; the previous file is kept as {aside.name}.",
            15000)
        return True

    def bring_forward(self) -> None:
        if self.window is not None:
            self.window.showNormal()
            self.window.raise_()
            self.window.activateWindow()

    def close(self) -> None:
        if self.opener is not None:
            self.opener.wait()  # a database still opening is let finish, then closed
            late = self.opener.result
            if late is not None and late is not self.desk and not late.closed:
                late.close()
        if self.desk is not None:
            self.desk.close()


def ask_to_restore(parent: QWidget | None, error: DamagedDatabaseError) -> bool:
    box = QMessageBox(QMessageBox.Icon.Critical, "The database is damaged",
                      f"{error.message}\n\nThe damaged file is kept aside (renamed "
                      "*.damaged), never overwritten.", QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore_button = box.addButton("Restore the backup", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return box.clickedButton() is restore_button


def open_or_recover(
    path_or_url: str | None, parent: QWidget | None = None, ask: AskToRestore = ask_to_restore,
) -> Desk:
    """Open; if the file is damaged and a good backup exists, offer to put it back."""
    from introdesk.services import Desk

    try:
        return Desk.open(path_or_url)
    except DamagedDatabaseError as damaged:
        return recover(path_or_url, damaged, parent, ask)


def recover(path_or_url: str | None, damaged: DamagedDatabaseError, parent: QWidget | None,
            ask: AskToRestore) -> Desk:
    """The file is damaged: if a good backup exists and the user agrees, put it back (the
    damaged file kept aside) and open it; otherwise `damaged` is the answer."""
    from introdesk.services import Desk
    from introdesk.store.restore import restore

    if damaged.backup_path is None or not ask(parent, damaged):
        raise damaged
    restore(resolve(path_or_url), damaged.backup_path, suffix="damaged")
    return Desk.open(path_or_url)


def _check_display() -> None:
    """Without a desktop session Qt would abort the process; say so in one line instead."""
    if sys.platform.startswith("linux") and not any(
        os.environ.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    ):
        raise IntrodeskError(
            "No display found: the window needs a desktop session. The command line works "
            "without one (see 'introdesk --help')."
        )


# The system libraries Qt's X11 plugin loads (library name -> Debian/Ubuntu package). Without
# one of them Qt aborts the process with a message that names only libxcb-cursor0.
XCB_LIBRARIES = {
    "xcb-cursor": "libxcb-cursor0",
    "xcb-icccm": "libxcb-icccm4",
    "xcb-keysyms": "libxcb-keysyms1",
    "xcb-image": "libxcb-image0",
    "xcb-render-util": "libxcb-render-util0",
    "xcb-shape": "libxcb-shape0",
    "xkbcommon-x11": "libxkbcommon-x11-0",
}


def _check_x11_libraries() -> None:
    on_x11 = os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")
    platform = os.environ.get("QT_QPA_PLATFORM", "xcb" if on_x11 else "")
    if not (sys.platform.startswith("linux") and platform.startswith("xcb")):
        return
    missing = [package for library, package in XCB_LIBRARIES.items()
               if ctypes.util.find_library(library) is None]
    if missing:
        raise IntrodeskError(
            "The window needs system libraries that are not installed: "
            f"{', '.join(missing)} (Debian and Ubuntu: sudo apt install {' '.join(missing)})."
        )


@dataclass
class Running:
    """What `start` leaves for the event loop and for the way out."""

    app: App
    lock: QLockFile | None
    server: InstanceServer | None

    def listen(self, database: Path) -> None:
        """Answer later launches on the same database by bringing this window forward."""
        self.server = InstanceServer(database, self.app.qt_app)
        self.server.wake_requested.connect(self.app.bring_forward)

    def close(self) -> None:
        self.app.close()
        if self.lock is not None:
            self.lock.unlock()


def start(db: str | None) -> Running | None:
    """Everything up to the shown main window; None when another copy holds the file (its
    window was brought forward)."""
    _check_display()
    _check_x11_libraries()
    qt_app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(qt_app, QApplication)
    qt_app.setApplicationName("introdesk")
    qt_app.setOrganizationName("introdesk")
    qt_app.setDesktopFileName("introdesk")  # Wayland finds the icon through the entry
    qt_app.setWindowIcon(QIcon(str(resource("icons", "introdesk-256.png"))))
    setup_logging()
    log.info("introdesk %s starting", __version__)
    reporter = ErrorReporter()
    reporter.install()
    location = resolve(db)
    lock = None
    if location.path is not None:
        lock = try_lock(location.path)
        if lock is None:
            if wake_running_copy(location.path):
                print(f"introdesk is already open on {location.path}; its window was brought "
                      "forward.")
                return None
            raise IntrodeskError(f"Another program holds {location.path} open; close it first.")
    app = App(qt_app)
    app.begin(db, location)
    running = Running(app, lock, None)
    if location.path is not None and app.window is not None:
        # Listened for once the window has painted: a launch in that first moment finds the
        # lock held and says so, and nothing is written twice.
        app.window.first_painted.connect(lambda: running.listen(location.path))
    return running


def run(db: str | None) -> int:
    running = start(db)
    if running is None:
        return 0
    try:
        code = running.app.qt_app.exec()
    finally:
        running.close()
    if running.app.failure is not None:
        raise running.app.failure  # shown in the window; the command line says it in one line
    return code
