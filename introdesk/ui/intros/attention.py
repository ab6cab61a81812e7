"""Needs attention: overdue commitments, those due soon, consents asked long ago — each one
actionable right here (resolve, record the answer, open the intro)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from introdesk.core.clock import utc_now
from introdesk.core.vocabulary import Resolution, RiskLevel
from introdesk.core.words import ACTION_NOUNS
from introdesk.services import CommitmentRecord, Desk, StaleConsent
from introdesk.ui.hub import Change
from introdesk.ui.intros.operations import IntroOperations
from introdesk.ui.look import RISK_COLORS, plain_label, relative_day

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Entry:
    kind: str  # "overdue", "soon" or "consent"
    text: str
    intro_id: int
    commitment: CommitmentRecord | None = None
    consent: StaleConsent | None = None


def entries(desk: Desk) -> list[Entry]:
    now = utc_now()
    attention = desk.needs_attention(now=now)
    result = []
    for kind, group in (("overdue", attention.overdue), ("soon", attention.due_soon)):
        for c in group:
            when = relative_day(c.due_at, now)
            prefix = "Overdue" if kind == "overdue" else "Due soon"
            result.append(Entry(kind, f"{prefix} · {c.owed_by_name} owes {c.owed_to_name} "
                                      f"{ACTION_NOUNS[c.action]} — due {when} (intro #{c.intro_id})",
                                c.intro_id, commitment=c))
    for s in attention.stale_consents:
        result.append(Entry("consent", f"No answer · {s.person_name} was asked "
                                       f"{relative_day(s.asked_at, now)} about meeting "
                                       f"{s.other_name} (intro #{s.intro_id})",
                            s.intro_id, consent=s))
    return result


class AttentionModel(QAbstractListModel):
    def __init__(self, desk: Desk, parent: Any = None, *, active: bool = True) -> None:
        super().__init__(parent)
        self._desk = desk
        self._entries: list[Entry] = []
        # Inactive until its view is first shown: on a large network the list is every due
        # commitment, a quarter of a second that start-up need not spend on a hidden page.
        self._active = active
        self._stale = not active
        self.reload()

    def reload(self) -> None:
        if not self._active:
            self._stale = True
            return
        self._stale = False
        self.beginResetModel()
        self._entries = entries(self._desk)
        self.endResetModel()

    def activate(self) -> bool:
        """The view is shown: load now if anything was put off; True if it loaded."""
        self._active = True
        if self._stale:
            self.reload()
            return True
        return False

    @property
    def loaded(self) -> bool:
        return self._active and not self._stale

    def entry(self, row: int) -> Entry:
        return self._entries[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return entry.text
        if role == Qt.ItemDataRole.ForegroundRole and entry.kind == "overdue":
            return QColor(RISK_COLORS[RiskLevel.STOP][2])
        return None


class AttentionPanel(QWidget):
    intro_requested = Signal(int)
    """The user asked to open an intro from the list (its id)."""

    def __init__(self, desk: Desk, operations: IntroOperations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ops = operations
        self.model = AttentionModel(desk, self, active=False)
        self.title = plain_label("")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.list = QListView()
        self.list.setObjectName("attentionList")
        self.list.setAccessibleName("Needs attention")
        self.list.setModel(self.model)
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.buttons: dict[str, QPushButton] = {}
        row = QHBoxLayout()
        for key, text in (("kept", "Kept"), ("late", "Late"), ("ghosted", "Ghosted"),
                          ("resolve", "Other…"), ("agreed", "Agreed"), ("declined", "Declined"),
                          ("open", "Open intro")):
            button = QPushButton(text)
            button.setObjectName(f"attention_{key}")
            button.setAccessibleName(f"{text} (selected item)")
            button.clicked.connect(lambda _=False, k=key: self.act(k))
            row.addWidget(button)
            self.buttons[key] = button
        row.addStretch()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        self.list.selectionModel().currentChanged.connect(self._update_buttons)
        self.list.doubleClicked.connect(lambda index: self.act("open"))
        self._update_title()
        self._update_buttons()

    def activate(self) -> None:
        """Shown for the first time (or again after changes made elsewhere): load the list."""
        if self.model.activate():
            self._update_title()
            self._update_buttons()

    def on_hub_changed(self, _change: Change) -> None:
        # The list is short and derived from time as well as data: re-read it whole.
        self.model.reload()
        self._update_title()
        self._update_buttons()

    def selected(self) -> Entry | None:
        index = self.list.currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def act(self, key: str) -> None:
        entry = self.selected()
        if entry is None:
            return
        if key == "open":
            self.intro_requested.emit(entry.intro_id)
        elif entry.commitment is not None and key in ("kept", "late", "ghosted", "resolve"):
            preset = None if key == "resolve" else Resolution(key)
            self._ops.resolve(entry.commitment, preset)
        elif entry.consent is not None and key in ("agreed", "declined"):
            intro = self._ops.actions.desk.get_intro(entry.intro_id)
            self._ops.answer(intro, entry.consent.person_id, key == "agreed")

    def _update_title(self) -> None:
        if not self.model.loaded:
            self.title.setText("Needs attention")
            return
        count = self.model.rowCount()
        self.title.setText(f"Needs attention ({count})" if count else
                           "Needs attention — nothing is due. All promises are on track.")

    def _update_buttons(self, *_args: object) -> None:
        entry = self.selected()
        for key, button in self.buttons.items():
            if entry is None:
                button.setEnabled(False)
            elif key == "open":
                button.setEnabled(True)
            elif key in ("agreed", "declined"):
                button.setEnabled(entry.consent is not None)
            else:
                button.setEnabled(entry.commitment is not None)
