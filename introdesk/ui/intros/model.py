"""The introductions table: ids first, records fetched in pages when rows are shown."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from introdesk.core.clock import utc_now
from introdesk.core.vocabulary import IntroStatus, RiskLevel
from introdesk.core.words import PURPOSE_WORDS
from introdesk.services import Desk, IntroRecord
from introdesk.ui.hub import Change
from introdesk.ui.look import RISK_COLORS, local_time

PAGE = 200
INTRO_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    ID = 0
    SIDE_A = 1
    SIDE_B = 2
    PURPOSE = 3
    STATUS = 4
    NEXT_DUE = 5


HEADERS = {Column.ID: "#", Column.SIDE_A: "Introduced", Column.SIDE_B: "To",
           Column.PURPOSE: "Purpose", Column.STATUS: "Status", Column.NEXT_DUE: "Next due"}


def status_text(intro: IntroRecord) -> str:
    if intro.outcome is not None:
        return f"closed · {intro.outcome.value.replace('_', ' ')}"
    return intro.status.value


class IntrosModel(QAbstractTableModel):
    def __init__(self, desk: Desk, parent: Any = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, IntroRecord] = {}
        self._filter: tuple[IntroStatus | None, str] = (None, "")
        self.reload()

    def set_filter(self, status: IntroStatus | None = None, text: str = "") -> None:
        if (status, text) != self._filter:
            self._filter = (status, text)
            self.reload()

    def reload(self) -> None:
        status, text = self._filter
        self.beginResetModel()
        self._ids = self._desk.intro_ids(status=status, text=text)
        self._row_of = {iid: row for row, iid in enumerate(self._ids)}
        self._cache.clear()
        self.endResetModel()

    def on_hub_changed(self, change: Change) -> None:
        """Status filters can gain or lose rows when an intro changes; otherwise repaint only."""
        if change.everything or change.membership or (change.intros and self._filter[0]):
            self.reload()
            return
        for iid in change.intros:
            self._cache.pop(iid, None)
            row = self._row_of.get(iid)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def intro_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, intro_id: int) -> int | None:
        return self._row_of.get(intro_id)

    def intro(self, row: int) -> IntroRecord | None:
        iid = self._ids[row]
        if iid not in self._cache:
            start = (row // PAGE) * PAGE
            wanted: Sequence[int] = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
            for record in self._desk.intro_rows(wanted):
                self._cache[record.id] = record
        return self._cache.get(iid)

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
        if role == INTRO_ID_ROLE:
            return self._ids[index.row()]
        intro = self.intro(index.row())
        if intro is None:
            return None
        column = Column(index.column())
        open_commitments = [c for c in intro.commitments if c.is_open]
        next_due = min((c.due_at for c in open_commitments), default=None)
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.ID:
                return str(intro.id)
            if column is Column.SIDE_A:
                return intro.side_a_name
            if column is Column.SIDE_B:
                return intro.side_b_name
            if column is Column.PURPOSE:
                return PURPOSE_WORDS[intro.purpose]
            if column is Column.STATUS:
                return status_text(intro)
            if column is Column.NEXT_DUE:
                if next_due is None:
                    return ""
                late = " (overdue)" if next_due < utc_now() else ""
                return local_time(next_due, with_time=False) + late
        if (role == Qt.ItemDataRole.ForegroundRole and column is Column.NEXT_DUE
                and next_due is not None and next_due < utc_now()):
            return QColor(RISK_COLORS[RiskLevel.STOP][1])
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

