"""The introduction form (Ctrl+I): two slots, the warning in each, the expectation, consent,
and Make introduction — with an explicit "Refer anyway" for a stop-level side."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from introdesk.core.clock import utc_now
from introdesk.core.errors import IntrodeskError
from introdesk.core.vocabulary import Action, ConsentState, Purpose, RiskLevel
from introdesk.core.words import ACTION_NOUNS, PURPOSE_WORDS
from introdesk.services import Expectation, IntroRecord
from introdesk.ui.actions import DeskActions
from introdesk.ui.hub import Change
from introdesk.ui.intros.confirm import ask_consent_override, ask_refer_anyway
from introdesk.ui.intros.slot import IntroSlot
from introdesk.ui.look import error_label, plain_label
from introdesk.ui.mime import person_ids_from
from introdesk.ui.timefields import date_time_edit, moment_of

CONSENT_WORDS = {ConsentState.NOT_ASKED: "Not asked", ConsentState.ASKED: "Asked",
                 ConsentState.AGREED: "Agreed", ConsentState.DECLINED: "Declined"}


class IntroForm(QDialog):
    def __init__(self, actions: DeskActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("introForm")
        self.setWindowTitle("New introduction")
        self.setAcceptDrops(True)
        self._actions = actions
        desk = actions.desk
        self.saved: IntroRecord | None = None
        # Injected so tests can answer the confirmations without a modal loop.
        self.ask_refer_anyway = ask_refer_anyway
        self.ask_consent_override = ask_consent_override

        self.slot_a = IntroSlot(desk, "A", "who is being introduced")
        self.slot_b = IntroSlot(desk, "B", "to whom")
        self.swap_button = QPushButton("⇄")
        self.swap_button.setAccessibleName("Swap sides")
        self.swap_button.setToolTip("Swap the two sides")
        self.swap_button.setFixedWidth(36)

        self.purpose = QComboBox()
        self.purpose.setAccessibleName("Purpose")
        for purpose in Purpose:
            self.purpose.addItem(PURPOSE_WORDS[purpose].capitalize(), purpose.value)
        self.context = QPlainTextEdit()
        self.context.setAccessibleName("Context")
        self.context.setPlaceholderText("Why should they talk? (shared with both sides)")
        self.blurb = QPlainTextEdit()
        self.blurb.setAccessibleName("Side A's blurb")
        self.blurb.setPlaceholderText("The few sentences side A wrote about themselves")
        for edit in (self.context, self.blurb):
            edit.setFixedHeight(64)
        self.organization = QLineEdit()
        self.organization.setAccessibleName("Organization")
        self.organization.setPlaceholderText("Optional: the company the introduction is about")

        self.owed_by = QComboBox()
        self.owed_by.setAccessibleName("Who owes the follow-up")
        self.owed_by.addItem("Side A", "A")
        self.owed_by.addItem("Side B", "B")
        self.action = QComboBox()
        self.action.setAccessibleName("What they owe")
        for action in Action:
            self.action.addItem(ACTION_NOUNS[action], action.value)
        self.owed_to = plain_label("side B")
        window = desk.settings().default_window_days
        self.due = date_time_edit(utc_now() + timedelta(days=window), "Due by")

        self.consent: dict[str, QComboBox] = {}
        self.consent_time: dict[str, QDateTimeEdit] = {}
        for side in ("A", "B"):
            combo = QComboBox()
            combo.setObjectName(f"consent{side}")
            combo.setAccessibleName(f"Consent of side {side}")
            for state, words in CONSENT_WORDS.items():
                combo.addItem(words, state.value)
            when = date_time_edit(utc_now(), f"When side {side} answered")
            self.consent[side], self.consent_time[side] = combo, when

        self.error = error_label("introFormError")
        self.save_button = QPushButton("Save as draft")
        self.save_button.setObjectName("saveIntroDraftButton")
        self.save_button.setAccessibleName("Save as draft")
        self.make_button = QPushButton("Make introduction")
        self.make_button.setObjectName("makeIntroButton")
        self.make_button.setAccessibleName("Make introduction")
        self.make_button.setDefault(True)
        cancel = QPushButton("Cancel")
        cancel.setAccessibleName("Cancel")

        slots = QHBoxLayout()
        slots.addWidget(self.slot_a, 1)
        slots.addWidget(self.swap_button, 0, Qt.AlignmentFlag.AlignVCenter)
        slots.addWidget(self.slot_b, 1)
        fields = QFormLayout()
        fields.addRow("&Purpose", self.purpose)
        fields.addRow("&Context", self.context)
        fields.addRow("Side A's &blurb", self.blurb)
        fields.addRow("&Organization", self.organization)
        expectation = QHBoxLayout()
        expectation.addWidget(self.owed_by)
        expectation.addWidget(plain_label("owes"))
        expectation.addWidget(self.action)
        expectation.addWidget(plain_label("to"))
        expectation.addWidget(self.owed_to)
        expectation.addWidget(plain_label("by"))
        expectation.addWidget(self.due)
        expectation.addStretch()
        fields.addRow("Expectation", expectation)
        consent = QGridLayout()
        for row, side in enumerate(("A", "B")):
            consent.addWidget(plain_label(f"Side {side}"), row, 0)
            consent.addWidget(self.consent[side], row, 1)
            consent.addWidget(self.consent_time[side], row, 2)
        consent.setColumnStretch(3, 1)
        fields.addRow("Consent", consent)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.make_button)
        layout = QVBoxLayout(self)
        layout.addLayout(slots)
        layout.addLayout(fields)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.resize(900, 720)

        self.slot_a.person_changed.connect(self.on_slot_person_changed)
        self.slot_b.person_changed.connect(self.on_slot_person_changed)
        self.slot_a.people_dropped.connect(self.fill)
        self.slot_b.people_dropped.connect(self.fill)
        self.swap_button.clicked.connect(self.swap)
        self.owed_by.currentIndexChanged.connect(self._update_names)
        self.make_button.clicked.connect(self.make)
        self.save_button.clicked.connect(self.save_draft)
        cancel.clicked.connect(self.reject)

    # Filling the slots

    def fill(self, ids: list[int]) -> None:
        """Two or more people fill both slots in order; one fills the first empty slot."""
        if len(ids) >= 2:
            self.slot_a.set_person(ids[0])
            self.slot_b.set_person(ids[1])
        elif ids:
            target = self.slot_a if self.slot_a.person is None else self.slot_b
            target.set_person(ids[0])

    def swap(self) -> None:
        a = self.slot_a.person.id if self.slot_a.person else None
        b = self.slot_b.person.id if self.slot_b.person else None
        self.slot_a.set_person(b)
        self.slot_b.set_person(a)

    def on_slot_person_changed(self, _person_id: int | None) -> None:
        self.error.hide()
        a, b = self.slot_a.person, self.slot_b.person
        self.slot_a.show_track_record(b.id if b else None)
        self.slot_b.show_track_record(a.id if a else None)
        self._update_names()

    def _update_names(self) -> None:
        a = self.slot_a.person.name if self.slot_a.person else "Side A"
        b = self.slot_b.person.name if self.slot_b.person else "Side B"
        self.owed_by.setItemText(0, a)
        self.owed_by.setItemText(1, b)
        self.owed_to.setText(b if self.owed_by.currentData() == "A" else a)

    # Drops on the form as a whole (QWidget overrides)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if person_ids_from(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        self.dragEnterEvent(event)  # type: ignore[arg-type]

    def dropEvent(self, event: QDropEvent) -> None:
        ids = person_ids_from(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.fill(ids)
        else:
            event.ignore()

    # Saving

    def _refuse(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def _sides(self) -> tuple[int, int] | None:
        a, b = self.slot_a.person, self.slot_b.person
        if a is None or b is None:
            missing = " and ".join(s for s, p in (("A", a), ("B", b)) if p is None)
            self._refuse(f"Choose a person for side {missing}: drop a contact on the slot, "
                         "or type a name in it.")
            return None
        if a.id == b.id:
            self._refuse("The same person cannot be on both sides of an introduction.")
            return None
        return a.id, b.id

    def _consents(self, a: int, b: int) -> dict[int, tuple[str, datetime]]:
        return {pid: (self.consent[side].currentData(), moment_of(self.consent_time[side]))
                for side, pid in (("A", a), ("B", b))}

    def save_draft(self) -> None:
        sides = self._sides()
        if sides is not None:
            self._save(sides, make=False)

    def make(self) -> None:
        sides = self._sides()
        if sides is None:
            return
        states = {side: ConsentState(self.consent[side].currentData()) for side in ("A", "B")}
        declined = [s for s, state in states.items() if state is ConsentState.DECLINED]
        if declined:
            self._refuse(f"Side {declined[0]} declined: this introduction cannot be made. Save "
                         "it as a draft to keep the record (it closes as declined).")
            return
        override = None
        waiting = [f"side {s} is {state.value.replace('_', ' ')}" for s, state in states.items()
                   if state is not ConsentState.AGREED]
        if waiting:
            answer = self.ask_consent_override(self, " and ".join(waiting).capitalize())
            if answer is None:
                return
            override = answer.reason
        risk_reason = None
        warnings = [(slot.person.name, slot.assessment) for slot in (self.slot_a, self.slot_b)
                    if slot.person and slot.assessment and slot.assessment.level is RiskLevel.STOP]
        if warnings:
            answer = self.ask_refer_anyway(self, warnings)
            if answer is None:
                return  # cancelled: nothing written
            risk_reason = answer.reason
        self._save(sides, make=True, override=override, risk_reason=risk_reason)

    def _save(self, sides: tuple[int, int], *, make: bool, override: str | None = None,
              risk_reason: str | None = None) -> None:
        a, b = sides
        owed_by, owed_to = (a, b) if self.owed_by.currentData() == "A" else (b, a)
        expectation = Expectation(owed_by, owed_to, self.action.currentData(), moment_of(self.due))
        try:
            self.saved = self._actions.desk.record_intro(
                a, b, purpose=self.purpose.currentData(), context=self.context.toPlainText(),
                blurb=self.blurb.toPlainText(), organization=self.organization.text() or None,
                consents=self._consents(a, b), make=make,
                expectations=[expectation] if make else None, override_reason=override,
                risk_override_reason=risk_reason,
            )
        except IntrodeskError as exc:
            self._refuse(exc.message)
            return
        self._actions.hub.announce(Change.of(people=[a, b], intros=self.saved.id, membership=True))
        self.accept()
