"""Everything about one person before vouching for them: profile, warning, reliability and the
commitments behind it, their intros, the track record of referrals to them, their timeline."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QWidget,
)

from introdesk.core.clock import utc_now
from introdesk.core.words import ACTION_NOUNS
from introdesk.services import Desk
from introdesk.ui.charts.person_chart import PersonChart
from introdesk.ui.hub import Change
from introdesk.ui.layouts import RecordPane, heading
from introdesk.ui.look import local_time, plain_label, tier_color
from introdesk.ui.risk_banner import RiskBanner

RESOLUTION_WORDS = {"kept": "kept", "late": "late", "withdrew": "withdrew",
                    "ghosted": "ghosted", "excused": "excused"}


class PersonPane(RecordPane):
    edit_requested = Signal(int)
    """The user asked to edit the person shown (their id)."""
    forget_requested = Signal(int)
    """The user asked to erase the person shown (their id)."""
    intro_requested = Signal(int)
    """A marker of the reliability chart was clicked (the intro's id)."""

    hint = "Select a person to see their history and reliability."

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personPane")
        self._desk = desk
        # One chart for the pane's whole life: rebuilding the pane keeps its canvas.
        self.chart = PersonChart(self._body)
        self.chart.setMinimumHeight(250)
        self.chart.intro_requested.connect(self.intro_requested)
        self.chart.hide()
        self.show_person(None)

    @property
    def person_id(self) -> int | None:
        return self.item_id

    def on_hub_changed(self, change: Change) -> None:
        if self.item_id is not None and (change.everything or change.membership
                                         or self.item_id in change.people):
            self.show_person(self.item_id)

    def show_person(self, person_id: int | None) -> None:
        self._layout.removeWidget(self.chart)  # keep it out of the clearing
        self.chart.hide()
        self.show_item(person_id)

    def build(self, person_id: int) -> None:
        self._build(person_id)

    def _build(self, person_id: int) -> None:
        desk, now = self._desk, utc_now()
        person = desk.get_person(person_id)
        add = self._layout.addWidget

        name = plain_label(person.name, selectable=True)
        font = name.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        name.setFont(font)
        add(name)
        role = " · ".join(x for x in (person.title, person.organization) if x)
        if role:
            add(plain_label(role, wrap=True, selectable=True))
        details = [*person.emails, *(p.number for p in person.phones)]
        if details:
            add(plain_label("   ".join(details), wrap=True, selectable=True))
        if person.tags:
            add(plain_label("Tags: " + ", ".join(person.tags), wrap=True))
        if person.notes:
            add(plain_label(person.notes, wrap=True, selectable=True))

        buttons = QHBoxLayout()
        edit = QPushButton("Edit…")
        edit.setAccessibleName("Edit person")
        edit.clicked.connect(lambda: self.edit_requested.emit(person_id))
        forget = QPushButton("Forget…")
        forget.setAccessibleName("Forget person")
        forget.clicked.connect(lambda: self.forget_requested.emit(person_id))
        buttons.addWidget(edit)
        buttons.addWidget(forget)
        buttons.addStretch()
        self._layout.addLayout(buttons)

        banner = RiskBanner()
        banner.setObjectName("personRiskBanner")
        add(banner)  # into the layout before it may show(), or it would open as a window
        banner.set_assessment(desk.assess_risk(person_id, now=now))

        reliability = desk.reliability(person_id, now=now)
        owed = desk.commitments_owed_by(person_id)
        resolved = [c for c in owed if c.resolution is not None]
        add(heading("Reliability"))
        score = plain_label(
            f"{reliability.tier.value.capitalize()} · {reliability.percent}/100 "
            f"(likely between {round(reliability.p10 * 100)} and {round(reliability.p90 * 100)})",
            wrap=True)
        score.setStyleSheet(f"color: {tier_color(reliability.tier).name()}; font-weight: bold;")
        add(score)
        add(self.chart)
        self.chart.show()
        self.chart.show_history(desk.reliability_history(person_id, now=now), owed)
        add(plain_label(
            f"From {len(resolved)} resolved commitment{'s' if len(resolved) != 1 else ''}; "
            "recent ones count most, excused ones not at all." if resolved else
            "No resolved commitments yet: new people start with mild benefit of the doubt.",
            wrap=True))
        for c in reversed(owed):
            state = RESOLUTION_WORDS.get(c.resolution.value, "") if c.resolution else (
                "overdue" if c.is_overdue(now) else "open")
            add(plain_label(
                f"{state:>8} · {ACTION_NOUNS[c.action]} to {c.owed_to_name} · due "
                f"{local_time(c.due_at, with_time=False)} · intro #{c.intro_id}", wrap=True))

        intros = desk.list_intros(person_id=person_id)
        add(heading(f"Introductions ({len(intros)})"))
        for intro in intros[:30]:
            state = intro.status.value + (f" ({intro.outcome.value.replace('_', ' ')})"
                                          if intro.outcome else "")
            add(plain_label(f"#{intro.id} {intro.side_a_name} → {intro.side_b_name} · "
                            f"{intro.purpose.value.replace('_', ' ')} · {state}", wrap=True))
        if not intros:
            add(plain_label("Not in any introduction yet."))

        record = desk.track_record(person_id)
        add(heading("Referrals to them"))
        add(plain_label(record.summary[0].upper() + record.summary[1:], wrap=True))

        events = desk.timeline(person_id=person_id, limit=25)
        add(heading("Timeline"))
        for event in events:
            add(plain_label(f"{local_time(event.at)} — {event.summary}", wrap=True))

