"""The import preview's table: one row per contact read, with what will happen to it.

The plan lives in memory (it is not in the database yet), so this model holds it whole; 30,000
rows of five short strings is small.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from introdesk.services.import_plan import MATCH_WORDS, Decision, ImportPlan

Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Name", "Organization", "Email", "Already here", "Import as")
DECISION_WORDS = {Decision.ADD: "New person", Decision.MERGE: "Merge", Decision.SKIP: "Skip"}


class PlanModel(QAbstractTableModel):
    def __init__(self, plan: ImportPlan, parent: Any = None) -> None:
        super().__init__(parent)
        self.plan = plan

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(self.plan.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation is Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(COLUMNS)):
            return COLUMNS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.plan.items):
            return None
        item = self.plan.items[index.row()]
        draft = item.draft
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return draft.name
            if column == 1:
                return draft.organization or ""
            if column == 2:
                return ", ".join(draft.emails)
            if column == 3:
                if item.match_id is None or item.reason is None:
                    return ""
                return f"{item.match_name} ({MATCH_WORDS[item.reason]})"
            if column == 4:
                return DECISION_WORDS[item.decision]
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"From {draft.where}" if draft.where else None
        return None

    def set_decision(self, rows: list[int], decision: Decision) -> list[str]:
        """Apply to each row that allows it; returns the names of rows that could not merge."""
        refused = []
        for row in rows:
            if decision is Decision.MERGE and self.plan.items[row].match_id is None:
                refused.append(self.plan.items[row].draft.name)
                continue
            self.plan = self.plan.with_decision(row, decision)
            cell = self.index(row, 4)
            self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])
        return refused

    def counts(self) -> dict[Decision, int]:
        result = dict.fromkeys(Decision, 0)
        for item in self.plan.items:
            result[item.decision] += 1
        return result
