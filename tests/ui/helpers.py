"""Driving drag and drop without QDrag.exec() (which blocks): the same events a drop sends."""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget


def drop(target: QWidget, mime: QMimeData) -> bool:
    """Send drag-enter then drop to `target`; returns whether the drop was accepted."""
    center = target.rect().center()
    try:  # Qt 6.12 takes a QPointF here, earlier versions a QPoint
        enter = QDragEnterEvent(QPointF(center), Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    except TypeError:
        enter = QDragEnterEvent(center, Qt.DropAction.CopyAction, mime,
                                Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    if not enter.isAccepted():
        return False
    event = QDropEvent(QPointF(center), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, event)
    return event.isAccepted()


def table_mime(view, ids: list[int]) -> QMimeData:
    """The mime data the contacts table produces for a selection of these people."""
    model = view.model
    view.table.clearSelection()
    indexes = []
    for pid in ids:
        row = model.row_of(pid)
        assert row is not None, pid
        indexes.append(model.index(row, 0))
    return model.mimeData(indexes)
