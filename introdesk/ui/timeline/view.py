"""The Timeline view: filter by person, intro, kind and period; double-click opens what an
event is about."""

from __future__ import annotations

from datetime import UTC, datetime, time

from PySide6.QtCore import QDate, QModelIndex, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QSpinBox,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from introdesk.core.vocabulary import EventKind
from introdesk.services import EventRecord
from introdesk.ui.actions import DeskActions
from introdesk.ui.hub import Change
from introdesk.ui.look import plain_label
from introdesk.ui.person_picker import PersonPicker
from introdesk.ui.timeline.model import EVENT_ROLE, Column, TimelineModel

ALL = "__all__"


class TimelineView(QWidget):
    person_requested = Signal(int)
    """Double-click on an event about a person (their id)."""
    intro_requested = Signal(int)
    """Double-click on an event about an introduction (its id)."""

    def __init__(self, actions: DeskActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._desk = actions.desk
        self.person_id: int | None = None

        self.person = PersonPicker(self._desk)
        self.person.setObjectName("timelinePerson")
        self.person.setAccessibleName("Only events about this person")
        self.person.setPlaceholderText("Any person — type a name")
        self.person_chip = plain_label("")
        self.clear_person = QToolButton()
        self.clear_person.setText("×")
        self.clear_person.setAccessibleName("Show events about anyone")
        self.clear_person.hide()
        self.intro = QSpinBox()
        self.intro.setObjectName("timelineIntro")
        self.intro.setAccessibleName("Only events of this introduction (0: any)")
        self.intro.setRange(0, 10_000_000)
        self.intro.setPrefix("intro #")
        self.intro.setSpecialValueText("any intro")
        self.kind = QComboBox()
        self.kind.setObjectName("timelineKind")
        self.kind.setAccessibleName("Only events of this kind")
        self.kind.addItem("Every kind", ALL)
        for kind in EventKind:
            self.kind.addItem(kind.value.replace("_", " ").capitalize(), kind.value)
        self.period = QCheckBox("From")
        self.period.setAccessibleName("Limit to a period")
        today = QDate.currentDate()
        self.since = QDateEdit(today.addMonths(-1))
        self.until = QDateEdit(today)
        for edit, name in ((self.since, "Period start"), (self.until, "Period end")):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setAccessibleName(name)
            edit.setEnabled(False)

        self.model = TimelineModel(self._desk, self, active=False)  # loads when first shown
        self.table = QTableView()
        self.table.setObjectName("timelineTable")
        self.table.setAccessibleName("Timeline")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        self.table.setColumnWidth(Column.DAY, 110)
        self.table.setColumnWidth(Column.TIME, 60)
        self.table.horizontalHeader().setSectionResizeMode(Column.WHAT, QHeaderView.ResizeMode.Stretch)

        filters = QHBoxLayout()
        filters.addWidget(self.person, 2)
        filters.addWidget(self.person_chip)
        filters.addWidget(self.clear_person)
        filters.addWidget(self.intro)
        filters.addWidget(self.kind)
        filters.addWidget(self.period)
        filters.addWidget(self.since)
        filters.addWidget(plain_label("to"))
        filters.addWidget(self.until)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)

        self.person.picked.connect(self.set_person)
        self.clear_person.clicked.connect(lambda: self.set_person(None))
        for signal in (self.intro.valueChanged, self.kind.currentIndexChanged,
                       self.since.dateChanged, self.until.dateChanged):
            signal.connect(self._apply_filter)
        self.period.toggled.connect(self._on_period_toggled)
        self.table.doubleClicked.connect(self.on_table_double_clicked)
        actions.hub.changed.connect(self.on_hub_changed)

    def showEvent(self, event: QShowEvent) -> None:  # QWidget override: load when first seen
        self.model.activate()
        super().showEvent(event)

    def set_person(self, person_id: int | None) -> None:
        self.person_id = person_id
        self.person.clear()
        if person_id is None:
            self.person_chip.setText("")
            self.clear_person.hide()
            self.person.show()
        else:
            self.person_chip.setText(f"About {self._desk.get_person(person_id).name}")
            self.clear_person.show()
            self.person.hide()
        self._apply_filter()

    def _on_period_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self._apply_filter()

    def _apply_filter(self) -> None:
        kind = self.kind.currentData()
        since = until = None
        if self.period.isChecked():
            since = _local_midnight(self.since.date(), time.min)
            until = _local_midnight(self.until.date(), time.max)
        self.model.set_filter(person_id=self.person_id, intro_id=self.intro.value() or None,
                              kinds=None if kind == ALL else (kind,), since=since, until=until)

    def on_hub_changed(self, change: Change) -> None:
        if self.person_id is not None and change.membership:
            try:
                self._desk.get_person(self.person_id)
            except Exception:  # the person was forgotten: show everyone again
                self.set_person(None)
                return
        self.model.on_hub_changed(change)

    def on_table_double_clicked(self, index: QModelIndex) -> None:
        event: EventRecord | None = index.data(EVENT_ROLE)
        if event is None:
            return
        if event.intro_id is not None:
            self.intro_requested.emit(event.intro_id)
        elif event.person_id is not None:
            self.person_requested.emit(event.person_id)


def _local_midnight(day: QDate, at: time) -> datetime:
    local = datetime.combine(day.toPython(), at).astimezone()  # type: ignore[arg-type]
    return local.astimezone(UTC)
