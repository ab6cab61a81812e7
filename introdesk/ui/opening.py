"""Opening the database behind a window that is already painted.

The services (SQLAlchemy, Alembic when a migration is due) are imported and the file checked,
migrated and opened on another thread, so the window paints at once and stays responsive, a
long migration included; the answer comes back to the UI thread as exactly one signal.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, Slot

from introdesk.core.errors import DamagedDatabaseError, IntrodeskError
from introdesk.store.location import Location
from introdesk.store.soundness import check_early
from introdesk.ui.logs import log

if TYPE_CHECKING:
    from introdesk.services import Desk


class DatabaseOpener(QObject):
    """One opening of `path_or_url`. Emits one of opened(desk), damaged(error), failed(text)."""

    opened = Signal(object)
    damaged = Signal(object)
    failed = Signal(str)
    # Emitted on the opening thread; connected to this object's slots, which Qt calls on the
    # UI thread (the object lives there), where the public signals are emitted.
    _done = Signal(object)
    _damaged = Signal(object)
    _failed = Signal(str)

    def __init__(self, path_or_url: str | None, location: Location,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._path_or_url = path_or_url
        self._location = location
        #: The database opened, once it is (also when its signal came too late to be seen).
        self.result: Desk | None = None
        self._done.connect(self._on_done)
        self._damaged.connect(self._on_damaged)
        self._failed.connect(self._on_failed)
        # Not a daemon: quitting while a migration runs waits for its transaction to end.
        self._thread = threading.Thread(target=self._open, name="introdesk-open")

    def check_early(self) -> None:
        """Begin SQLite's damage check of the file now, on another thread: it reads the whole
        file without Python's lock, so on a second core it is done by the time the window has
        painted and the services are imported (store/soundness.py)."""
        check_early(self._location.path)

    def start(self) -> None:
        self._thread.start()

    def wait(self) -> None:
        if self._thread.ident is not None:  # started
            self._thread.join()

    def _open(self) -> None:
        try:
            from introdesk.services import Desk  # the slow imports, off the UI thread

            desk = Desk.open(self._path_or_url)
        except DamagedDatabaseError as exc:
            self._damaged.emit(exc)
        except IntrodeskError as exc:
            self._failed.emit(exc.message)
        except Exception as exc:  # noqa: BLE001 - the user gets words; the log gets the rest
            log.exception("opening the database failed")
            self._failed.emit(f"The database could not be opened: {exc.__class__.__name__}: "
                              f"{exc}. Nothing was changed; the details are in the log.")
        else:
            self.result = desk
            self._done.emit(desk)

    @Slot(object)
    def _on_done(self, desk: Desk) -> None:
        self.opened.emit(desk)

    @Slot(object)
    def _on_damaged(self, error: DamagedDatabaseError) -> None:
        self.damaged.emit(error)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.failed.emit(message)
