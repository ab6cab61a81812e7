"""One introduction in full: both sides, consent, commitments with their due state, actions."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from introdesk.core.clock import utc_now
from introdesk.core.vocabulary import ConsentState, IntroStatus, RiskLevel
from introdesk.core.words import ACTION_NOUNS, PURPOSE_WORDS
from introdesk.services import ConsentRecord, Desk, IntroRecord
from introdesk.ui.hub import Change
from introdesk.ui.intros.model import status_text
from introdesk.ui.intros.operations import IntroOperations
from introdesk.ui.layouts import RecordPane, heading
from introdesk.ui.look import RISK_COLORS, local_time, plain_label, relative_day


def _button(text: str, slot: Callable[..., object], row: QHBoxLayout) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(text)
    button.clicked.connect(slot)
    row.addWidget(button)
    return button


class IntroDetail(RecordPane):
    person_requested = Signal(int)
    """The user asked to see one side of the intro (the person's id)."""
    messages_requested = Signal(int)
    """The user asked for the expectation-setting messages of an intro (its id)."""

    hint = "Select an introduction to see its consents and commitments."

    def __init__(self, desk: Desk, operations: IntroOperations,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("introDetail")
        self._desk = desk
        self._ops = operations
        self.show_intro(None)

    @property
    def intro_id(self) -> int | None:
        return self.item_id

    def on_hub_changed(self, change: Change) -> None:
        if self.item_id is not None and (change.everything or self.item_id in change.intros
                                         or change.membership):
            self.show_item(self.item_id)

    def show_intro(self, intro_id: int | None) -> None:
        self.show_item(intro_id)

    def build(self, intro_id: int) -> None:
        self._build(self._desk.get_intro(intro_id))

    def _build(self, intro: IntroRecord) -> None:
        add, now = self._layout.addWidget, utc_now()
        title = plain_label(f"#{intro.id}  {intro.side_a_name} → {intro.side_b_name}", wrap=True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        add(title)
        add(plain_label(f"{PURPOSE_WORDS[intro.purpose].capitalize()} · {status_text(intro)}"
                        + (f" · {intro.organization}" if intro.organization else ""), wrap=True))
        show = QHBoxLayout()
        for side, pid in (("A", intro.side_a_id), ("B", intro.side_b_id)):
            if pid is not None:
                button = _button(f"Show side {side}", lambda _=False, p=pid:
                                 self.person_requested.emit(p), show)
                button.setToolTip(intro.side_a_name if side == "A" else intro.side_b_name)
        show.addStretch()
        self._layout.addLayout(show)
        if intro.context:
            add(heading("Context"))
            add(plain_label(intro.context, wrap=True, selectable=True))
        if intro.blurb:
            add(heading(f"{intro.side_a_name}'s blurb"))
            add(plain_label(intro.blurb, wrap=True, selectable=True))

        add(heading("Consent"))
        for side, consent, name in (("A", intro.consent_a, intro.side_a_name),
                                    ("B", intro.consent_b, intro.side_b_name)):
            self._consent_row(intro, side, consent, name)
        if intro.consent_override_reason:
            add(plain_label(f"Made before both agreed: {intro.consent_override_reason}", wrap=True))

        add(heading("Commitments"))
        if not intro.commitments:
            add(plain_label("No commitments."))
        for commitment in intro.commitments:
            row = QHBoxLayout()
            if commitment.is_open:
                overdue = commitment.is_overdue(now)
                state = f"due {local_time(commitment.due_at)} ({relative_day(commitment.due_at, now)})"
                if overdue:
                    state = "OVERDUE — " + state
            else:
                assert commitment.resolution is not None
                state = f"{commitment.resolution.value} · {local_time(commitment.resolved_at)}"
            label = plain_label(f"{commitment.owed_by_name} owes {commitment.owed_to_name} "
                                f"{ACTION_NOUNS[commitment.action]} — {state}", wrap=True)
            if commitment.is_open and commitment.is_overdue(now):
                label.setStyleSheet(f"color: {RISK_COLORS[RiskLevel.STOP][1]};")
            row.addWidget(label, 1)
            if commitment.is_open:
                _button("Resolve…", lambda _=False, c=commitment: self._ops.resolve(c), row)
            self._layout.addLayout(row)

        actions = QGridLayout()
        buttons: list[tuple[str, Callable[[], object]]] = []
        if intro.status in (IntroStatus.MADE, IntroStatus.CONNECTED):
            buttons.append(("Add commitment…", lambda: self._ops.add_commitment(intro)))
        if intro.status is IntroStatus.MADE:
            buttons.append(("Mark connected", lambda: self._ops.mark_connected(intro)))
        if intro.made_at is not None:
            buttons.append(("Messages…", lambda: self.messages_requested.emit(intro.id)))
        if intro.status is not IntroStatus.CLOSED:
            buttons.append(("Close…", lambda: self._ops.close(intro)))
        for number, (text, slot) in enumerate(buttons):
            button = QPushButton(text)
            button.setAccessibleName(text)
            button.clicked.connect(slot)
            actions.addWidget(button, number // 2, number % 2)
        self._layout.addLayout(actions)

        add(heading("Timeline"))
        for event in self._desk.timeline(intro_id=intro.id, limit=30):
            add(plain_label(f"{local_time(event.at)} — {event.summary}", wrap=True))

    def _consent_row(self, intro: IntroRecord, side: str, consent: ConsentRecord,
                     name: str) -> None:
        row = QHBoxLayout()
        when = consent.answered_at or consent.asked_at
        text = f"Side {side} · {name}: {consent.state.value.replace('_', ' ')}"
        row.addWidget(plain_label(text + (f" ({local_time(when)})" if when else ""), wrap=True), 1)
        pid = consent.person_id
        open_intro = intro.status in (IntroStatus.DRAFT, IntroStatus.ASKING)
        if pid is not None and open_intro:
            if consent.state is ConsentState.NOT_ASKED:
                _button("Asked", lambda: self._ops.ask(intro, pid), row)
            if consent.state in (ConsentState.NOT_ASKED, ConsentState.ASKED):
                _button("Agreed", lambda: self._ops.answer(intro, pid, True), row)
                _button("Declined", lambda: self._ops.answer(intro, pid, False), row)
        self._layout.addLayout(row)

