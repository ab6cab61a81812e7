"""The contacts table model: holds ids only and fetches display rows in pages, on demand."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from introdesk.core.vocabulary import Tier
from introdesk.services import Desk
from introdesk.services.contacts import ContactRow
from introdesk.ui.hub import Change
from introdesk.ui.look import local_time, tier_color
from introdesk.ui.mime import PERSON_IDS_MIME, people_mime

PAGE = 200
PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TIER_ROLE = Qt.ItemDataRole.UserRole + 2

Index = QModelIndex | QPersistentModelIndex


class Column(IntEnum):
    NAME = 0
    ORGANIZATION = 1
    TITLE = 2
    RELIABILITY = 3
    OPEN = 4
    LAST_ACTIVITY = 5


HEADERS = {
    Column.NAME: "Name",
    Column.ORGANIZATION: "Organization",
    Column.TITLE: "Title",
    Column.RELIABILITY: "Reliability",
    Column.OPEN: "Open",
    Column.LAST_ACTIVITY: "Last activity",
}


class ContactsModel(QAbstractTableModel):
    def __init__(self, desk: Desk, parent: Any = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._ids: list[int] = []
        self._row_of: dict[int, int] = {}
        self._cache: dict[int, ContactRow] = {}
        self._filter: tuple[str, Tier | None, str | None] = ("", None, None)
        self.reload()

    # Filtering and refreshing

    def set_filter(self, text: str = "", tier: Tier | None = None, tag: str | None = None) -> None:
        if (text, tier, tag) != self._filter:
            self._filter = (text, tier, tag)
            self.reload()

    def reload(self) -> None:
        text, tier, tag = self._filter
        self.beginResetModel()
        self._ids = self._desk.contact_ids(text, tier=tier, tag=tag)
        self._row_of = {pid: row for row, pid in enumerate(self._ids)}
        self._cache.clear()
        self.endResetModel()

    def on_hub_changed(self, change: Change) -> None:
        """Re-read the ids only when people came or went (or a filter may now match others);
        otherwise repaint just the rows of the people touched."""
        if change.everything or change.membership or (change.people and self._filter[1]):
            self.reload()
            return
        for pid in change.people:
            row = self._row_of.get(pid)
            self._cache.pop(pid, None)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(Column) - 1))

    def person_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, person_id: int) -> int | None:
        return self._row_of.get(person_id)

    def contact(self, row: int) -> ContactRow | None:
        pid = self._ids[row]
        if pid not in self._cache:
            self._fetch_around(row)
        return self._cache.get(pid)

    def _fetch_around(self, row: int) -> None:
        start = (row // PAGE) * PAGE
        wanted = [pid for pid in self._ids[start:start + PAGE] if pid not in self._cache]
        for fetched in self._desk.contact_rows(wanted):
            self._cache[fetched.id] = fetched

    # QAbstractTableModel overrides

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
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
        if role == PERSON_ID_ROLE:
            return self._ids[index.row()]
        row = self.contact(index.row())
        if row is None:
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return _display(row, column)
        if role == TIER_ROLE:
            return row.tier.value
        if role == Qt.ItemDataRole.ToolTipRole and column is Column.RELIABILITY:
            r = row.reliability
            return (f"{r.tier.value.capitalize()}: score {r.percent}/100, likely between "
                    f"{round(r.p10 * 100)} and {round(r.p90 * 100)}")
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.RELIABILITY:
            return tier_color(row.tier)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.OPEN and row.overdue_commitments:
            return tier_color(Tier.UNRELIABLE)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.OPEN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemIsDragEnabled)

    def mimeTypes(self) -> list[str]:
        return [PERSON_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        ids = [self._ids[r] for r in rows]
        names = [row.name for row in (self.contact(r) for r in rows) if row is not None]
        return people_mime(ids, names)

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


def _display(row: ContactRow, column: Column) -> str:
    if column is Column.NAME:
        return row.name
    if column is Column.ORGANIZATION:
        return row.organization or ""
    if column is Column.TITLE:
        return row.title or ""
    if column is Column.RELIABILITY:
        return f"{row.tier.value.capitalize()} · {row.reliability.percent}"
    if column is Column.OPEN:
        if row.overdue_commitments:
            return f"{row.open_commitments} ({row.overdue_commitments} overdue)"
        return str(row.open_commitments) if row.open_commitments else ""
    if column is Column.LAST_ACTIVITY:
        return local_time(row.last_activity, with_time=False) if row.last_activity else ""
    return ""
