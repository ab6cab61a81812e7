"""Timeline rows: event ids first, rendered events fetched in pages when shown."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from introdesk.services import Desk, EventRecord
from introdesk.ui.hub import Change
from introdesk.ui.lazy_model import Index, LazyIdModel
from introdesk.ui.look import local_time

EVENT_ROLE = Qt.ItemDataRole.UserRole + 1


class Column(IntEnum):
    DAY = 0
    TIME = 1
    WHAT = 2


HEADERS = {Column.DAY: "Day", Column.TIME: "Time", Column.WHAT: "What happened"}


class TimelineModel(LazyIdModel[EventRecord]):
    headers = tuple(HEADERS[c] for c in Column)

    def __init__(self, desk: Desk, parent: Any = None, *, active: bool = True) -> None:
        super().__init__(parent, active=active)
        self._desk = desk
        self._filter: dict[str, Any] = {}
        self.reload()

    id_chunk = 1000

    def load_id_chunk(self, offset: int, limit: int) -> list[int]:
        return self._desk.event_ids(**self._filter, offset=offset, limit=limit)

    def fetch(self, ids: Sequence[int]) -> list[EventRecord]:
        return self._desk.event_rows(ids)

    def set_filter(self, **filters: Any) -> None:
        cleaned = {k: v for k, v in filters.items() if v is not None}
        if cleaned != self._filter:
            self._filter = cleaned
            self.reload()

    def on_hub_changed(self, change: Change) -> None:
        # Every write appends events (and forgetting removes some): the ids must be re-read,
        # but rendered rows that are still there stay cached.
        if change.everything or change.membership or change.people or change.intros:
            known = dict(self._cache)
            self.reload()
            self._cache.update({i: e for i, e in known.items() if self.row_of(i) is not None})

    def event_at(self, row: int) -> EventRecord | None:
        return self.record(row)

    def _starts_day(self, row: int, event: EventRecord) -> bool:
        if row == 0:
            return True
        previous = self.record(row - 1)
        return previous is None or (previous.at.astimezone().date() != event.at.astimezone().date())

    # QAbstractTableModel overrides

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index):
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
