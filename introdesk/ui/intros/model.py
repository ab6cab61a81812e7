"""The introductions table: ids first, records fetched in pages when rows are shown."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from introdesk.core.clock import utc_now
from introdesk.core.vocabulary import IntroStatus, RiskLevel
from introdesk.core.words import PURPOSE_WORDS
from introdesk.services import Desk, IntroRecord
from introdesk.ui.hub import Change
from introdesk.ui.lazy_model import Index, LazyIdModel
from introdesk.ui.look import RISK_COLORS, local_time

INTRO_ID_ROLE = Qt.ItemDataRole.UserRole + 1


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


class IntrosModel(LazyIdModel[IntroRecord]):
    headers = tuple(HEADERS[c] for c in Column)

    def __init__(self, desk: Desk, parent: Any = None, *, active: bool = True) -> None:
        super().__init__(parent, active=active)
        self._desk = desk
        self._filter: tuple[IntroStatus | None, str] = (None, "")
        self.reload()

    def load_ids(self) -> list[int]:
        status, text = self._filter
        return self._desk.intro_ids(status=status, text=text)

    def fetch(self, ids: Sequence[int]) -> list[IntroRecord]:
        return self._desk.intro_rows(ids)

    def set_filter(self, status: IntroStatus | None = None, text: str = "") -> None:
        if (status, text) != self._filter:
            self._filter = (status, text)
            self.reload()

    def on_hub_changed(self, change: Change) -> None:
        """Status filters can gain or lose rows when an intro changes; otherwise repaint only."""
        if change.everything or change.membership or (change.intros and self._filter[0]):
            self.reload()
        else:
            self.repaint(change.intros)

    def intro_id(self, row: int) -> int:
        return self.id_at(row)

    def intro(self, row: int) -> IntroRecord | None:
        return self.record(row)

    # QAbstractTableModel overrides

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index):
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
