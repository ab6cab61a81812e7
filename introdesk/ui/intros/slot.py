"""One side of the introduction form: drop a contact or pick one by keyboard; the risk
assessment and the track record appear the moment a person lands here."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QFrame, QToolButton, QVBoxLayout, QWidget

from introdesk.core.clock import utc_now
from introdesk.core.errors import NotFoundError
from introdesk.core.risk import RiskAssessment
from introdesk.services import Desk, PersonRecord
from introdesk.ui.look import plain_label
from introdesk.ui.mime import person_ids_from
from introdesk.ui.person_picker import PersonPicker
from introdesk.ui.risk_banner import RiskBanner


class IntroSlot(QFrame):
    person_changed = Signal(object)
    """The person in this slot changed (their id, or None when emptied)."""
    people_dropped = Signal(list)
    """More than one person was dropped here; the form decides where they go."""

    def __init__(self, desk: Desk, side: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"introSlot{side}")
        self.setAccessibleName(f"Side {side}: {caption}")
        self.setAcceptDrops(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setMinimumWidth(330)
        self._desk = desk
        self.side = side
        self.person: PersonRecord | None = None
        self.assessment: RiskAssessment | None = None

        self.caption = plain_label(f"Side {side} — {caption}")
        font = self.caption.font()
        font.setBold(True)
        self.caption.setFont(font)
        self.name = plain_label("Drop a contact here, or type a name below", wrap=True)
        self.name.setObjectName(f"introSlotName{side}")
        font = self.name.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.name.setFont(font)
        self.name.setMinimumHeight(44)
        self.details = plain_label("", wrap=True)
        self.clear_button = QToolButton()
        self.clear_button.setText("Clear")
        self.clear_button.setAccessibleName(f"Clear side {side}")
        self.clear_button.clicked.connect(lambda: self.set_person(None))
        self.clear_button.hide()

        self.picker = PersonPicker(desk)
        self.picker.setObjectName(f"introPicker{side}")
        self.picker.setAccessibleName(f"Choose the person for side {side}")
        self.picker.picked.connect(self.set_person)

        self.banner = RiskBanner()
        self.banner.setObjectName(f"riskBanner{side}")
        self.track_record = plain_label("", wrap=True)
        self.track_record.setObjectName(f"trackRecord{side}")
        self.track_record.setStyleSheet("color: palette(dark);")

        layout = QVBoxLayout(self)
        layout.addWidget(self.caption)
        layout.addWidget(self.name)
        layout.addWidget(self.details)
        layout.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.picker)
        layout.addWidget(self.banner)
        layout.addWidget(self.track_record)
        layout.addStretch()
        self._paint_drop_hint(False)

    # Filling the slot

    def set_person(self, person_id: int | None) -> None:
        if person_id is None:
            self.person = None
            self.assessment = None
            self.name.setText("Drop a contact here, or type a name below")
            self.details.setText("")
            self.banner.set_assessment(None)
            self.track_record.setText("")
            self.clear_button.hide()
        else:
            try:
                self.person = self._desk.get_person(person_id)
            except NotFoundError:
                return
            self.name.setText(self.person.name)
            self.details.setText(" · ".join(x for x in (self.person.title,
                                                         self.person.organization) if x))
            self.assessment = self._desk.assess_risk(person_id, now=utc_now())
            self.banner.set_assessment(self.assessment)
            self.clear_button.show()
        self.picker.clear()
        self._paint_drop_hint(False)
        self.person_changed.emit(person_id)

    def show_track_record(self, recipient_id: int | None) -> None:
        """The connector's referrals to the other side, shown with this side's warning."""
        if recipient_id is None or self.person is None:
            self.track_record.setText("")
            return
        summary = self._desk.track_record(recipient_id).summary
        self.track_record.setText(summary[0].upper() + summary[1:])

    # Drops (QWidget overrides)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if person_ids_from(event.mimeData()):
            event.acceptProposedAction()
            self._paint_drop_hint(True)
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if person_ids_from(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragLeaveEvent(self, event: object) -> None:
        self._paint_drop_hint(False)

    def dropEvent(self, event: QDropEvent) -> None:
        self._paint_drop_hint(False)
        ids = person_ids_from(event.mimeData())
        if not ids:
            event.ignore()
            return
        event.acceptProposedAction()
        if len(ids) == 1:
            self.set_person(ids[0])
        else:
            self.people_dropped.emit(ids)

    def _paint_drop_hint(self, active: bool) -> None:
        border = "palette(highlight)" if active else "palette(mid)"
        style = "dashed" if self.person is None else "solid"
        self.setStyleSheet(f"IntroSlot {{ border: 2px {style} {border}; border-radius: 6px; }}")

