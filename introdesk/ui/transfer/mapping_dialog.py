"""A CSV of no known shape: the user says which column holds what (a guess is pre-filled)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QVBoxLayout,
    QWidget,
)

from introdesk.interchange.column_map import ColumnMapping, Role
from introdesk.ui.look import plain_label

ROLE_WORDS = {Role.NAME: "Full name", Role.FIRST: "First name", Role.MIDDLE: "Middle name",
              Role.LAST: "Last name", Role.EMAIL: "Email", Role.PHONE: "Phone",
              Role.ORGANIZATION: "Organization", Role.TITLE: "Job title",
              Role.LINKEDIN: "LinkedIn profile URL", Role.NOTES: "Notes", Role.TAGS: "Tags",
              Role.CONNECTED_ON: "Connected on (date)", Role.IGNORE: "Leave out"}


class MappingDialog(QDialog):
    def __init__(self, mapping: ColumnMapping, samples: tuple[tuple[str, ...], ...],
                 source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mappingDialog")
        self.setWindowTitle(f"Which column holds what? — {source}")
        self._headers = mapping.headers
        explanation = plain_label(
            f"introdesk does not know the columns of {source}. Say what each column holds; "
            "a name (full, or first and last) is needed. The first rows are shown as examples.",
            wrap=True)
        grid = QGridLayout()
        grid.addWidget(plain_label("Column"), 0, 0)
        grid.addWidget(plain_label("Example"), 0, 1)
        grid.addWidget(plain_label("Holds"), 0, 2)
        self.combos: list[QComboBox] = []
        for column, header in enumerate(mapping.headers):
            example = next((row[column] for row in samples
                            if column < len(row) and row[column].strip()), "")
            combo = QComboBox()
            combo.setObjectName(f"mappingColumn{column}")
            combo.setAccessibleName(f"What column {header or column + 1} holds")
            for role, words in ROLE_WORDS.items():
                combo.addItem(words, role)
            combo.setCurrentIndex(combo.findData(mapping.roles[column]))
            combo.currentIndexChanged.connect(self._check)
            self.combos.append(combo)
            grid.addWidget(plain_label(header or f"Column {column + 1}"), column + 1, 0)
            grid.addWidget(plain_label(_short(example)), column + 1, 1)
            grid.addWidget(combo, column + 1, 2)
        self.warning = plain_label("", wrap=True)
        self.warning.setObjectName("mappingWarning")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.read_button = self.buttons.addButton("Read contacts",
                                                  QDialogButtonBox.ButtonRole.AcceptRole)
        self.read_button.setObjectName("mappingReadButton")
        self.read_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addLayout(grid)
        layout.addWidget(self.warning)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)
        self._check()

    def mapping(self) -> ColumnMapping:
        return ColumnMapping(self._headers, tuple(Role(c.currentData()) for c in self.combos))

    def _check(self) -> None:
        ok = self.mapping().has_name
        self.read_button.setEnabled(ok)
        self.warning.setText("" if ok else "Choose the column with the name (or the first and "
                                           "last names) to go on.")


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit - 1] + "…"
