"""Small dialogs for acting on an introduction: resolve a commitment, close, add a commitment."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from introdesk.core.clock import utc_now
from introdesk.core.vocabulary import Action, Outcome, Resolution
from introdesk.core.words import ACTION_NOUNS
from introdesk.services import CommitmentRecord, IntroRecord
from introdesk.ui.look import plain_label
from introdesk.ui.timefields import date_time_edit, moment_of

RESOLUTION_HELP = {
    Resolution.KEPT: "Kept — done on time",
    Resolution.LATE: "Late — done, after the due time",
    Resolution.WITHDREW: "Withdrew — backed out, but said so",
    Resolution.GHOSTED: "Ghosted — nothing, no word",
    Resolution.EXCUSED: "Excused — reasons outside their control (not counted)",
}


class _Dialog(QDialog):
    def __init__(self, title: str, intro_text: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(intro_text, wrap=True))
        layout.addLayout(self.form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)


class ResolveDialog(_Dialog):
    def __init__(self, commitment: CommitmentRecord, parent: QWidget | None = None,
                 preset: Resolution | None = None) -> None:
        super().__init__(
            "Record what happened",
            f"{commitment.owed_by_name} owed {commitment.owed_to_name} "
            f"{ACTION_NOUNS[commitment.action]} (intro #{commitment.intro_id}).", parent)
        self.setObjectName("resolveDialog")
        self.resolution = QComboBox()
        self.resolution.setAccessibleName("What happened")
        for resolution, words in RESOLUTION_HELP.items():
            self.resolution.addItem(words, resolution.value)
        if preset is None:
            preset = Resolution.KEPT if utc_now() <= commitment.due_at else Resolution.LATE
        self.resolution.setCurrentIndex(self.resolution.findData(preset.value))
        self.when = date_time_edit(utc_now(), "When")
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("Optional note")
        self.form.addRow("&Outcome", self.resolution)
        self.form.addRow("&When", self.when)
        self.form.addRow("&Note", self.note)

    def values(self) -> tuple[Resolution, datetime, str | None]:
        return (Resolution(self.resolution.currentData()), moment_of(self.when),
                self.note.text().strip() or None)


class CloseDialog(_Dialog):
    def __init__(self, intro: IntroRecord, parent: QWidget | None = None) -> None:
        super().__init__("Close introduction",
                         f"How did the introduction of {intro.side_a_name} to "
                         f"{intro.side_b_name} end?", parent)
        self.setObjectName("closeIntroDialog")
        self.outcome = QComboBox()
        self.outcome.setAccessibleName("Outcome")
        made = intro.made_at is not None
        for outcome in Outcome:
            if outcome is Outcome.DECLINED and made:
                continue
            self.outcome.addItem(outcome.value.replace("_", " ").capitalize(), outcome.value)
        self.when = date_time_edit(utc_now(), "When")
        self.note = QLineEdit()
        self.note.setAccessibleName("Note")
        self.form.addRow("&Outcome", self.outcome)
        self.form.addRow("&When", self.when)
        self.form.addRow("&Note", self.note)

    def values(self) -> tuple[Outcome, datetime, str | None]:
        return (Outcome(self.outcome.currentData()), moment_of(self.when),
                self.note.text().strip() or None)


class AddCommitmentDialog(_Dialog):
    def __init__(self, intro: IntroRecord, window_days: float,
                 parent: QWidget | None = None) -> None:
        super().__init__("Add a commitment",
                         f"A new promise in intro #{intro.id}, between {intro.side_a_name} "
                         f"and {intro.side_b_name}.", parent)
        self.setObjectName("addCommitmentDialog")
        self._intro = intro
        self.owed_by = QComboBox()
        self.owed_by.setAccessibleName("Who owes it")
        self.owed_by.addItem(intro.side_a_name, "A")
        self.owed_by.addItem(intro.side_b_name, "B")
        self.action = QComboBox()
        self.action.setAccessibleName("What")
        for action in Action:
            self.action.addItem(ACTION_NOUNS[action], action.value)
        self.due = date_time_edit(utc_now() + timedelta(days=window_days), "Due by")
        self.form.addRow("&Owed by", self.owed_by)
        self.form.addRow("&What", self.action)
        self.form.addRow("&Due by", self.due)

    def values(self) -> tuple[int, int, Action, datetime]:
        a, b = self._intro.side_a_id, self._intro.side_b_id
        assert a is not None and b is not None
        owed_by, owed_to = (a, b) if self.owed_by.currentData() == "A" else (b, a)
        return owed_by, owed_to, Action(self.action.currentData()), moment_of(self.due)
