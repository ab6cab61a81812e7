"""The Introductions view: Needs attention on top, the list by status, the detail pane."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from introdesk.core.vocabulary import IntroStatus
from introdesk.ui.actions import DeskActions
from introdesk.ui.hub import Change
from introdesk.ui.intros.attention import AttentionPanel
from introdesk.ui.intros.detail import IntroDetail
from introdesk.ui.intros.model import Column, IntrosModel
from introdesk.ui.intros.operations import IntroOperations

ALL = "__all__"


class IntroductionsView(QWidget):
    new_intro_requested = Signal()
    """The user asked for the introduction form."""
    person_requested = Signal(int)
    """The user asked to see a person (their id)."""

    def __init__(self, actions: DeskActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("introductionsView")
        desk = actions.desk
        self.operations = IntroOperations(actions, self)
        self.attention = AttentionPanel(desk, self.operations)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("introStatusFilter")
        self.status_filter.setAccessibleName("Filter by status")
        self.status_filter.addItem("All statuses", ALL)
        for status in IntroStatus:
            self.status_filter.addItem(status.value.capitalize(), status.value)
        self.search = QLineEdit()
        self.search.setObjectName("introSearch")
        self.search.setAccessibleName("Search introductions by name")
        self.search.setPlaceholderText("Search by either side's name, organization or email")
        self.search.setClearButtonEnabled(True)
        self.new_button = QPushButton("New introduction")
        self.new_button.setObjectName("newIntroButton")
        self.new_button.setAccessibleName("New introduction")
        self.new_button.setToolTip("New introduction (Ctrl+I)")

        self.model = IntrosModel(desk, self, active=False)  # loads when first shown
        self.table = QTableView()
        self.table.setObjectName("introsTable")
        self.table.setAccessibleName("Introductions")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setWordWrap(False)
        for column, width in ((Column.ID, 40), (Column.SIDE_A, 135), (Column.SIDE_B, 135),
                              (Column.PURPOSE, 95), (Column.STATUS, 110)):
            self.table.setColumnWidth(column, width)
        self.detail = IntroDetail(desk, self.operations)

        top = QHBoxLayout()
        top.addWidget(self.status_filter)
        top.addWidget(self.search, 1)
        top.addWidget(self.new_button)
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.attention)
        left.addWidget(self.table)
        left.setStretchFactor(0, 1)
        left.setStretchFactor(1, 3)
        left.setSizes([170, 510])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.detail)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([640, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)

        self.status_filter.currentIndexChanged.connect(self._apply_filter)
        self.search.textChanged.connect(self._apply_filter)
        self.new_button.clicked.connect(self.new_intro_requested)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.attention.intro_requested.connect(self.select_intro)
        self.detail.person_requested.connect(self.person_requested)
        actions.hub.changed.connect(self.on_hub_changed)

    def _apply_filter(self) -> None:
        status = self.status_filter.currentData()
        self.model.set_filter(None if status == ALL else IntroStatus(status), self.search.text())

    def on_table_selection_changed(self, _selected: QItemSelection,
                                   _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.detail.show_intro(self.model.intro_id(rows[0].row()) if rows else None)

    def on_hub_changed(self, change: Change) -> None:
        shown = self.detail.intro_id
        self.model.on_hub_changed(change)
        if shown is not None and not self.table.selectionModel().selectedRows():
            row = self.model.row_of(shown)  # the model was reset: keep the selection
            if row is not None:
                self.table.selectRow(row)
        self.detail.on_hub_changed(change)
        self.attention.on_hub_changed(change)

    def showEvent(self, event: QShowEvent) -> None:  # QWidget override: load when first seen
        self.model.activate()
        self.attention.activate()
        super().showEvent(event)

    def select_intro(self, intro_id: int) -> None:
        self.model.activate()
        self.attention.activate()
        row = self.model.row_of(intro_id)
        if row is None:
            self.status_filter.setCurrentIndex(0)
            self.search.clear()
            row = self.model.row_of(intro_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
