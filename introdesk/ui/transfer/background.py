"""Run a slow Desk call off the UI thread with a progress dialog and a Cancel button.

The work gets two callables: `progress(done, total)` and `cancelled() -> bool`. It must look at
`cancelled` now and then and raise OperationCancelled; the services do, and roll back.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from introdesk.core.errors import IntrodeskError, OperationCancelled

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]

log = logging.getLogger("introdesk.ui")


class _Job(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str)
    was_cancelled = Signal()

    def __init__(self, work: Work, stop: threading.Event) -> None:
        super().__init__()
        self._work = work
        self._stop = stop

    @Slot()
    def run(self) -> None:
        try:
            result = self._work(self.progressed.emit, self._stop.is_set)
        except OperationCancelled:
            self.was_cancelled.emit()
        except IntrodeskError as exc:
            self.failed.emit(exc.message)
        except Exception as exc:  # noqa: BLE001 - the user gets words; the log gets the rest
            log.exception("background work failed")
            self.failed.emit(f"Something went wrong: {exc.__class__.__name__}: {exc}. "
                             "Nothing was changed; the details are in the log.")
        else:
            self.succeeded.emit(result)


class BackgroundTask(QObject):
    """One run of `work` in its own thread. Emits exactly one of done/failed/cancelled."""

    done = Signal(object)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, parent: QWidget, title: str, label: str, work: Work) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self.dialog = QProgressDialog(label, "Cancel", 0, 0, parent)
        self.dialog.setObjectName("progressDialog")
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self._thread = QThread(self)
        self._job = _Job(work, self._stop)
        self._job.moveToThread(self._thread)
        self._thread.started.connect(self._job.run)
        self._job.progressed.connect(self._on_progress)
        # Bound slots of this object (which lives in the UI thread): Qt queues the calls, so
        # the ending runs in the UI thread. A lambda would run in the worker thread.
        self._job.succeeded.connect(self._on_succeeded)
        self._job.failed.connect(self._on_failed)
        self._job.was_cancelled.connect(self._on_cancelled)

    def start(self) -> None:
        self._thread.start()

    def cancel(self) -> None:
        self._stop.set()
        self.dialog.setLabelText("Cancelling…")

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._finish(self.done.emit, result)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._finish(self.failed.emit, message)

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish(lambda _: self.cancelled.emit(), None)

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, max(total, 1)))

    def _finish(self, emit: Callable[[Any], None], payload: object) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.close()
        emit(payload)
        self.deleteLater()
