"""Merge two people: choose which record stays, and which value wins where they differ."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from introdesk.services import PersonRecord
from introdesk.services.merge import FieldConflict
from introdesk.ui.actions import DeskActions
from introdesk.ui.look import plain_label

FIELD_WORDS = {"name": "Name", "organization": "Organization", "title": "Title",
               "linkedin_url": "LinkedIn", "notes": "Notes"}


class MergeDialog(QDialog):
    """Accepted: `keep`, `other` and `choices()` say what to merge."""

    def __init__(self, actions: DeskActions, first: PersonRecord, second: PersonRecord,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle("Merge two people")
        self._desk = actions.desk
        self.keep, self.other = first, second
        self.intro = plain_label("", wrap=True)
        self.intro.setObjectName("mergeExplanation")
        self.swap_button = QPushButton("Keep the other record instead")
        self.swap_button.setObjectName("mergeSwapButton")
        self.swap_button.clicked.connect(self.swap)
        self.grid = QGridLayout()
        self.groups: dict[str, QButtonGroup] = {}
        self.conflicts: list[FieldConflict] = []
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setDefault(True)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addLayout(self.grid)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self._fill()
        self.resize(560, self.sizeHint().height())

    def swap(self) -> None:
        self.keep, self.other = self.other, self.keep
        self._fill()

    def choices(self) -> dict[str, Any]:
        picked: dict[str, Any] = {}
        for conflict in self.conflicts:
            group = self.groups[conflict.field]
            picked[conflict.field] = (conflict.merge_value if group.checkedId() == 1
                                      else conflict.keep_value)
        return picked

    def _fill(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.groups.clear()
        self.intro.setText(
            f"{self.other.name} will be merged into {self.keep.name}: their introductions, "
            "promises and history move over, emails, phones and tags are combined, and "
            f"{self.other.name}'s record goes away. Edit › Undo takes it back.")
        self.conflicts = self._desk.merge_conflicts(self.keep.id, self.other.id)
        if not self.conflicts:
            self.grid.addWidget(plain_label("The two records do not disagree on any field."),
                                0, 0, 1, 3)
            return
        self.grid.addWidget(plain_label("Where they differ, keep:"), 0, 0, 1, 3)
        for row, conflict in enumerate(self.conflicts, start=1):
            group = QButtonGroup(self)
            mine = QRadioButton(_short(conflict.keep_value))
            theirs = QRadioButton(_short(conflict.merge_value))
            for button, value in ((mine, conflict.keep_value), (theirs, conflict.merge_value)):
                button.setToolTip(value)
            mine.setObjectName(f"merge_{conflict.field}_keep")
            theirs.setObjectName(f"merge_{conflict.field}_other")
            group.addButton(mine, 0)
            group.addButton(theirs, 1)
            mine.setChecked(True)
            self.groups[conflict.field] = group
            self.grid.addWidget(plain_label(FIELD_WORDS[conflict.field]), row, 0)
            self.grid.addWidget(mine, row, 1)
            self.grid.addWidget(theirs, row, 2)


def _short(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    flat = flat if len(flat) <= limit else flat[:limit - 1] + "…"
    return flat.replace("&", "&&")  # a button would take "&" as a shortcut marker
