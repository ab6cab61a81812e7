"""The contacts table model: holds ids only and fetches display rows in pages, on demand."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import QMimeData, QModelIndex, Qt

from introdesk.core.vocabulary import Tier
from introdesk.services import Desk
from introdesk.services.contacts import ContactRow
from introdesk.ui.hub import Change
from introdesk.ui.lazy_model import Index, LazyIdModel
from introdesk.ui.look import local_time, tier_color
from introdesk.ui.mime import PERSON_IDS_MIME, people_mime

PERSON_ID_ROLE = Qt.ItemDataRole.UserRole + 1
TIER_ROLE = Qt.ItemDataRole.UserRole + 2



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


class ContactsModel(LazyIdModel[ContactRow]):
    headers = tuple(HEADERS[c] for c in Column)

    def __init__(self, desk: Desk, parent: Any = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._filter: tuple[str, Tier | None, str | None] = ("", None, None)
        self.reload()

    def load_ids(self) -> list[int]:
        text, tier, tag = self._filter
        return self._desk.contact_ids(text, tier=tier, tag=tag)

    def fetch(self, ids: Sequence[int]) -> list[ContactRow]:
        return self._desk.contact_rows(ids)

    def set_filter(self, text: str = "", tier: Tier | None = None, tag: str | None = None) -> None:
        if (text, tier, tag) != self._filter:
            self._filter = (text, tier, tag)
            self.reload(keep_rows=True)  # a narrower search shows rows already fetched

    def on_hub_changed(self, change: Change) -> None:
        """Re-read the ids only when people came or went (or a tier filter may now match
        others); otherwise repaint just the rows of the people touched."""
        if change.everything or change.membership or (change.people and self._filter[1]):
            self.reload()
        else:
            self.repaint(change.people)

    def person_id(self, row: int) -> int:
        return self.id_at(row)

    def contact(self, row: int) -> ContactRow | None:
        return self.record(row)

    # QAbstractTableModel overrides

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index):
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
            r = row.standing
            p10, p90 = r.band()
            return (f"{r.tier.value.capitalize()}: score {r.percent}/100, likely between "
                    f"{round(p10 * 100)} and {round(p90 * 100)}")
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.RELIABILITY:
            return tier_color(row.tier)
        if role == Qt.ItemDataRole.ForegroundRole and column is Column.OPEN and row.overdue_commitments:
            return tier_color(Tier.UNRELIABLE)
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.OPEN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        return super().flags(index) | (Qt.ItemFlag.ItemIsDragEnabled if index.isValid()
                                       else Qt.ItemFlag.NoItemFlags)

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
        return f"{row.tier.value.capitalize()} · {row.standing.percent}"
    if column is Column.OPEN:
        if row.overdue_commitments:
            return f"{row.open_commitments} ({row.overdue_commitments} overdue)"
        return str(row.open_commitments) if row.open_commitments else ""
    if column is Column.LAST_ACTIVITY:
        return local_time(row.last_activity, with_time=False) if row.last_activity else ""
    return ""
