"""The Contacts view: search as you type, filter by tier and tag, the table, the person pane."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QItemSelection, QPoint, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from introdesk.core.vocabulary import Tier
from introdesk.services import PersonRecord
from introdesk.ui.actions import DeskActions
from introdesk.ui.contacts.merge_dialog import MergeDialog
from introdesk.ui.contacts.model import TIER_ROLE, Column, ContactsModel
from introdesk.ui.contacts.person_dialog import PersonDialog
from introdesk.ui.contacts.person_pane import PersonPane
from introdesk.ui.contacts.tier_badge import TierBadgeDelegate
from introdesk.ui.hub import Change
from introdesk.ui.undo import EditPersonCommand, MergeCommand, TrashCommand

ALL = "__all__"


class ContactsView(QWidget):
    intro_requested = Signal(int)
    """The user asked to open an introduction (its id), from the person's chart."""
    status_message = Signal(str)
    """A line for the status bar."""
    export_requested = Signal(str, list)
    """Export these people: "vcf" or "csv" (the selection), "ics" (one person's follow-ups)."""

    def __init__(self, actions: DeskActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("contactsView")
        self._actions = actions
        desk = actions.desk
        # Injected so tests can answer the confirmation without a modal loop.
        self.confirm = _ask_yes_no
        self.run_dialog = _run_modal

        self.search = QLineEdit()
        self.search.setObjectName("contactSearch")
        self.search.setAccessibleName("Search contacts")
        self.search.setPlaceholderText("Search name, organization, email or tag   (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.tier_filter = QComboBox()
        self.tier_filter.setObjectName("tierFilter")
        self.tier_filter.setAccessibleName("Filter by reliability tier")
        self.tier_filter.addItem("All tiers", ALL)
        for tier in (Tier.RELIABLE, Tier.MIXED, Tier.UNRELIABLE, Tier.NEW):
            self.tier_filter.addItem(tier.value.capitalize(), tier.value)
        self.tag_filter = QComboBox()
        self.tag_filter.setObjectName("tagFilter")
        self.tag_filter.setAccessibleName("Filter by tag")
        self.add_button = QPushButton("Add person")
        self.add_button.setObjectName("addPersonButton")
        self.add_button.setAccessibleName("Add person")
        self.add_button.setToolTip("Add a person (Ctrl+N)")
        self._fill_tags()

        self.model = ContactsModel(desk, self)
        self.table = QTableView()
        self.table.setObjectName("contactsTable")
        self.table.setAccessibleName("Contacts")
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(Column.RELIABILITY,
                                            TierBadgeDelegate(TIER_ROLE, self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for column, width in ((Column.NAME, 170), (Column.ORGANIZATION, 160), (Column.TITLE, 190),
                              (Column.RELIABILITY, 110), (Column.OPEN, 60)):
            self.table.setColumnWidth(column, width)
        self.pane = PersonPane(desk)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.tier_filter)
        top.addWidget(self.tag_filter)
        top.addWidget(self.add_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.pane)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(self._apply_filter)
        self.tier_filter.currentIndexChanged.connect(self._apply_filter)
        self.tag_filter.currentIndexChanged.connect(self._apply_filter)
        self.add_button.clicked.connect(self.add_person)
        self.table.selectionModel().selectionChanged.connect(self.on_table_selection_changed)
        self.table.doubleClicked.connect(lambda index: self.edit_person(
            self.model.person_id(index.row())))
        self.pane.edit_requested.connect(self.edit_person)
        self.pane.forget_requested.connect(self.forget_person)
        self.pane.intro_requested.connect(self.intro_requested)
        actions.hub.changed.connect(self.on_hub_changed)
        QShortcut(QKeySequence.StandardKey.Find, self, self.focus_search)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table, self.trash_selected)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def _fill_tags(self) -> None:
        current = self.tag_filter.currentData()
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem("All tags", ALL)
        for tag in self._actions.desk.tag_names():
            self.tag_filter.addItem(tag, tag)
        index = self.tag_filter.findData(current) if current else 0
        self.tag_filter.setCurrentIndex(max(index, 0))
        self.tag_filter.blockSignals(False)

    def _apply_filter(self) -> None:
        tier = self.tier_filter.currentData()
        tag = self.tag_filter.currentData()
        self.model.set_filter(self.search.text(), None if tier == ALL else Tier(tier),
                              None if tag in (ALL, None) else tag)

    def on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.table.selectionModel().selectedRows()
        self.pane.show_person(self.model.person_id(rows[0].row()) if len(rows) == 1 else None)

    def on_hub_changed(self, change: Change) -> None:
        selected = self.selected_ids()
        self.model.on_hub_changed(change)
        if selected and not self.selected_ids():  # the model was reset: keep the selection
            row = self.model.row_of(selected[0])
            if row is not None:
                self.table.selectRow(row)
        self.pane.on_hub_changed(change)
        if change.membership or change.everything:
            self._fill_tags()

    def selected_ids(self) -> list[int]:
        return [self.model.person_id(i.row()) for i in self.table.selectionModel().selectedRows()]

    def select_person(self, person_id: int) -> None:
        row = self.model.row_of(person_id)
        if row is None:
            self.search.clear()
            self.tier_filter.setCurrentIndex(0)
            self.tag_filter.setCurrentIndex(0)
            row = self.model.row_of(person_id)
        if row is not None:
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))

    def add_person(self) -> None:
        dialog = PersonDialog(self._actions.desk, parent=self)
        if dialog.exec() and dialog.saved is not None:
            self._actions.hub.announce(Change.of(people=dialog.saved.id, membership=True))
            self.select_person(dialog.saved.id)

    def edit_person(self, person_id: int) -> None:
        before = self._actions.desk.get_person(person_id)
        dialog = PersonDialog(self._actions.desk, before, self)
        if self.run_dialog(dialog) and dialog.saved is not None:
            self._actions.hub.announce(Change.of(people=person_id, membership=True))
            if _editable(before) != _editable(dialog.saved):
                self._actions.push(EditPersonCommand(self._actions, person_id, before.name,
                                                     _editable(before), _editable(dialog.saved)))

    def merge_selected(self) -> None:
        """Merge the two selected people (Edit › Merge, Ctrl+M, or the context menu)."""
        ids = self.selected_ids()
        if len(ids) != 2:
            self._actions.error_sink(self, "Select exactly two people to merge: click one, then "
                                           "Ctrl+click the other.")
            return
        desk = self._actions.desk
        dialog = MergeDialog(self._actions, desk.get_person(ids[0]), desk.get_person(ids[1]), self)
        if not self.run_dialog(dialog):
            return
        keep, other, choices = dialog.keep, dialog.other, dialog.choices()
        merged = self._actions.run(
            lambda d: d.merge_people(keep.id, other.id, choices=choices),
            Change.of(people=[keep.id, other.id], membership=True), self)
        if merged is not None:
            self._actions.push(MergeCommand(self._actions, keep, other, choices))
            self.select_person(merged.id)

    def _context_menu(self, position: QPoint) -> None:
        ids = self.selected_ids()
        menu = QMenu(self)
        if len(ids) == 1:
            menu.addAction("Edit…", lambda: self.edit_person(ids[0]))
        merge = menu.addAction("Merge the two selected…", self.merge_selected)
        merge.setEnabled(len(ids) == 2)
        menu.addSeparator()
        if ids:
            menu.addAction("Export selected as vCard…",
                           lambda: self.export_requested.emit("vcf", ids))
            menu.addAction("Export selected as CSV…",
                           lambda: self.export_requested.emit("csv", ids))
        if len(ids) == 1:
            menu.addAction("Their open follow-ups to a calendar…",
                           lambda: self.export_requested.emit("ics", ids))
        if ids:
            menu.addSeparator()
            menu.addAction("Move to trash\tDelete", self.trash_selected)
        if len(ids) == 1:
            menu.addAction("Forget (erase every trace)…", lambda: self.forget_person(ids[0]))
        menu.popup(self.table.viewport().mapToGlobal(position))

    def trash_selected(self) -> None:
        """Delete: the selected people go to the trash (Edit › Undo, or Edit › Trash, brings
        them back)."""
        ids = self.selected_ids()
        if not ids:
            return
        desk = self._actions.desk
        people = [desk.get_person(pid) for pid in ids]
        trashed = self._actions.run(lambda d: d.trash_people(ids),
                                    Change.of(people=ids, membership=True), self)
        if trashed is not None:
            command = TrashCommand(self._actions, people)
            self._actions.push(command)
            self.status_message.emit(f"{command.text()}. Edit › Undo (Ctrl+Z) brings "
                                     f"{'them' if len(ids) > 1 else 'the person'} back.")

    def forget_person(self, person_id: int) -> None:
        person = self._actions.desk.get_person(person_id)
        question = (f"Forget {person.name}?\n\nThis erases them and every trace of them: their "
                    "details, the promises they owed and the events about them. Introductions "
                    "with others keep the other side's history. This cannot be undone.")
        if not self.confirm(self, "Forget person", question):
            return
        result = self._actions.run(lambda d: d.forget(person_id),
                                   Change.of(people=person_id, membership=True), self)
        if result is None or not result.backups_holding:
            return
        count = len(result.backups_holding)
        holds = "backup still holds" if count == 1 else "backups still hold"
        purge = (f"{count} {holds} {result.name} (one was "
                 "made just before, in case this was a mistake). Delete them too? Without them, "
                 "no copy of this person remains; with them, a restore brings them back.")
        if self.confirm(self, "Delete backups", purge):
            self._actions.desk.purge_backups(result.backups_holding)


def _editable(person: PersonRecord) -> dict[str, Any]:
    """What the person dialog can change, as edit_person takes it."""
    return {"name": person.name, "emails": list(person.emails),
            "phones": [p.number for p in person.phones], "organization": person.organization,
            "title": person.title, "tags": list(person.tags), "notes": person.notes,
            "linkedin_url": person.linkedin_url}


def _run_modal(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def _ask_yes_no(parent: QWidget, title: str, question: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, title, question,
                      QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    # The destructive button says what it does: "Forget person" -> Forget, "Delete backups" ->
    # Delete.
    forget = box.addButton(title.split()[0], QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is forget
