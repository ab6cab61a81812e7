"""Timeline rows: event ids first, rendered events fetched in pages when shown."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from introdesk.services import Desk, EventRecord
from introdesk.ui.hub import Change
from introdesk.ui.look import local_time

PAGE = 200
EVENT_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    DAY = 0
    TIME = 1
    WHAT = 2


HEADERS = {Column.DAY: "Day", Column.TIME: "Time", Column.WHAT: "What happened"}


class TimelineModel(QAbstractTableModel):
    def __init__(self, desk: Desk, parent: Any = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._ids: list[int] = []
        self._cache: dict[int, EventRecord] = {}
        self._filter: dict[str, Any] = {}
        self.reload()

    def set_filter(self, **filters: Any) -> None:
        cleaned = {k: v for k, v in filters.items() if v is not None}
        if cleaned != self._filter:
            self._filter = cleaned
            self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._ids = self._desk.event_ids(**self._filter)
        self._cache.clear()
        self.endResetModel()

    def on_hub_changed(self, change: Change) -> None:
        # Every write appends events (and forgetting removes some): the ids must be re-read,
        # but the rows already rendered stay cached.
        if change.everything or change.membership or change.people or change.intros:
            known = self._cache
            self.reload()
            self._cache.update({i: e for i, e in known.items() if i in set(self._ids)})

    def event_at(self, row: int) -> EventRecord | None:
        eid = self._ids[row]
        if eid not in self._cache:
            start = (row // PAGE) * PAGE
            wanted = [i for i in self._ids[start:start + PAGE + 1] if i not in self._cache]
            if start > 0 and self._ids[start - 1] not in self._cache:
                wanted.append(self._ids[start - 1])  # the day grouping looks one row back
            for record in self._desk.event_rows(wanted):
                self._cache[record.id] = record
        return self._cache.get(eid)

    def _starts_day(self, row: int, event: EventRecord) -> bool:
        if row == 0:
            return True
        previous = self.event_at(row - 1)
        return previous is None or (previous.at.astimezone().date() != event.at.astimezone().date())

    # QAbstractTableModel overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS.get(Column(section)) if 0 <= section < len(Column) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        event = self.event_at(index.row())
        if event is None:
            return None
        column = Column(index.column())
        if role == EVENT_ROLE:
            return event
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.DAY:
                return (local_time(event.at, with_time=False)
                        if self._starts_day(index.row(), event) else "")
            if column is Column.TIME:
                return event.at.astimezone().strftime("%H:%M")
            return event.summary
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.WHAT:
            return event.summary
        if role == Qt.ItemDataRole.FontRole and column is Column.DAY:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
