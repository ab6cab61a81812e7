"""One writer per database file (DESIGN.md, "Data safety"): a lock file beside the database
(QLockFile, which recovers the stale lock of a crashed copy) and a local server, so that a
second launch brings the first window forward instead of writing alongside it."""

from __future__ import annotations

import hashlib
from pathlib import Path

from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from introdesk.core.errors import DatabaseError

# QtNetwork is loaded once the window has painted (the lock alone decides who may write).
if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalSocket

WAKE = b"raise"


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


def server_name(database: Path) -> str:
    digest = hashlib.sha256(str(database.resolve()).encode()).hexdigest()[:20]
    return f"introdesk-{digest}"


def try_lock(database: Path) -> QLockFile | None:
    """The held lock, or None when another live introdesk holds it. A folder where the lock
    cannot be written (read-only, not the user's) is a DatabaseError: nothing could be saved."""
    lock = QLockFile(str(lock_path(database)))
    lock.setStaleLockTime(0)  # only a dead owner makes a lock stale, never its age
    if lock.tryLock(0):
        return lock
    if lock.error() in (QLockFile.LockError.PermissionError, QLockFile.LockError.UnknownError):
        raise DatabaseError(
            f"Cannot write in the folder of {database} (it is read-only or not yours), so "
            "introdesk cannot keep it safe while changing it. Copy the database to a folder "
            "you can write to, or fix the folder's permissions.")
    if lock.error() == QLockFile.LockError.LockFailedError and lock.removeStaleLockFile() \
            and lock.tryLock(0):
        return lock
    return None


def wake_running_copy(database: Path, timeout_ms: int = 1500) -> bool:
    """Ask the copy that holds the database to bring its window forward."""
    from PySide6.QtNetwork import QLocalSocket

    socket = QLocalSocket()
    socket.connectToServer(server_name(database))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(WAKE)
    socket.flush()
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


class InstanceServer(QObject):
    wake_requested = Signal()
    """Another launch on the same database asked this window to come forward."""

    def __init__(self, database: Path, parent: QObject | None = None) -> None:
        from PySide6.QtNetwork import QLocalServer

        super().__init__(parent)
        self.server = QLocalServer(self)
        name = server_name(database)
        QLocalServer.removeServer(name)  # a crashed copy may have left its socket behind
        self.listening = self.server.listen(name)
        self.server.newConnection.connect(self.on_server_new_connection)

    def on_server_new_connection(self) -> None:
        socket = self.server.nextPendingConnection()
        if socket is None:
            return
        socket.readyRead.connect(lambda: self._read(socket))
        if socket.bytesAvailable():
            self._read(socket)

    def _read(self, socket: QLocalSocket) -> None:
        if WAKE in bytes(socket.readAll().data()):
            self.wake_requested.emit()
        socket.disconnectFromServer()
