"""Edit › Trash: the people deleted from the contacts, to restore or to forget for good."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from introdesk.ui.actions import DeskActions
from introdesk.ui.hub import Change
from introdesk.ui.look import plain_label


def _confirm_empty(parent: QWidget, count: int) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, "Empty trash",
                      f"Forget the {count} {'person' if count == 1 else 'people'} in the trash?"
                      "\n\nEvery trace of them is erased; this cannot be undone (a verified "
                      "backup is made first).", QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    forget = box.addButton("Empty trash", QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is forget


class TrashDialog(QDialog):
    def __init__(self, actions: DeskActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trashDialog")
        self.setWindowTitle("Trash")
        self._actions = actions
        # Injected in tests: the confirmation is a modal box.
        self.confirm: Callable[[QWidget, int], bool] = _confirm_empty
        self.explanation = plain_label(
            "People deleted from the contacts stay here, with their history, until the trash "
            "is emptied. Restore brings them back as they were.", wrap=True)
        self.list = QListWidget()
        self.list.setObjectName("trashList")
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.restore_button = QPushButton("&Restore")
        self.restore_button.setObjectName("restoreButton")
        self.empty_button = QPushButton("&Empty trash…")
        self.empty_button.setObjectName("emptyTrashButton")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.empty_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)
        self.empty_button.clicked.connect(self.empty)
        self.list.itemSelectionChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        self.resize(460, 380)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for person in self._actions.desk.trashed_people():
            detail = f" — {person.organization}" if person.organization else ""
            item = QListWidgetItem(person.name + detail)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.list.addItem(item)
        if self.list.count() == 0:
            self.list.addItem(QListWidgetItem("The trash is empty."))
            self.list.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        self._enable()

    def _ids(self) -> list[int]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()
                if item.data(Qt.ItemDataRole.UserRole) is not None]

    def _enable(self) -> None:
        self.restore_button.setEnabled(bool(self._ids()))
        self.empty_button.setEnabled(bool(self._actions.desk.trashed_people()))

    def restore_selected(self) -> None:
        ids = self._ids()
        if ids and self._actions.run(lambda d: d.restore_people(ids),
                                     Change.of(people=ids, membership=True), self) is not None:
            self.refresh()

    def empty(self) -> None:
        count = len(self._actions.desk.trashed_people())
        if count and self.confirm(self, count):
            if self._actions.run(lambda d: d.empty_trash(), Change(everything=True),
                                 self) is not None:
                # Commands on the undo stack may name people who no longer exist.
                self._actions.undo_stack.clear()
                self.refresh()
