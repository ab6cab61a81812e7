"""Settings: the reliability model's numbers and the expectation message templates."""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from introdesk.core.errors import IntrodeskError
from introdesk.core.vocabulary import Side
from introdesk.resources import read_text
from introdesk.services import DeskSettings
from introdesk.services.messages import PLACEHOLDERS, validate_template
from introdesk.ui.actions import DeskActions
from introdesk.ui.hub import Change
from introdesk.ui.look import error_label, local_time, plain_label

LABELS = {
    "prior_success": ("Prior successes", "Benefit of the doubt a new person starts with"),
    "prior_failure": ("Prior failures", ""),
    "half_life_days": ("Half-life (days)", "How fast an old outcome fades"),
    "ghost_weight": ("Weight of a ghost", "A ghost counts this many failures"),
    "default_window_days": ("Default window (days)", "A promise without a time is due after"),
    "stop_window_days": ("Stop window (days)", "A ghost this recent is a red stop"),
    "due_soon_days": ("Due soon (days)", "Needs attention looks this far ahead"),
    "stale_consent_days": ("Consent waiting (days)", "An unanswered ask shows after"),
}


def _confirm_restore(parent: QWidget, which: str) -> bool:
    box = QMessageBox(QMessageBox.Icon.Warning, "Restore a backup",
                      f"Replace the database with the backup from {which}? Changes made since "
                      "then are set aside with the current file (*.before-restore), not deleted.",
                      QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    restore = box.addButton("Restore", QMessageBox.ButtonRole.AcceptRole)
    box.exec()
    return box.clickedButton() is restore


class SettingsDialog(QDialog):
    restore_requested = Signal(str)
    """The user confirmed restoring this backup (its path)."""

    def __init__(self, actions: DeskActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle("Settings")
        self._actions = actions
        desk = actions.desk
        current = desk.settings()
        self.numbers: dict[str, QDoubleSpinBox] = {}
        numbers = QWidget()
        form = QFormLayout(numbers)
        for item in fields(DeskSettings):
            label, tip = LABELS[item.name]
            box = QDoubleSpinBox()
            box.setAccessibleName(label)
            box.setToolTip(tip)
            box.setDecimals(0 if item.name == "stop_window_days" else 2)
            box.setRange(0 if item.name == "stop_window_days" else 0.01, 100_000)
            box.setValue(float(getattr(current, item.name)))
            form.addRow(label, box)
            self.numbers[item.name] = box
        self.templates: dict[Side, QPlainTextEdit] = {}
        messages = QWidget()
        layout = QVBoxLayout(messages)
        layout.addWidget(plain_label(
            "The first line may be 'Subject: …'. Placeholders: "
            + ", ".join(f"${p}" for p in PLACEHOLDERS), wrap=True))
        for side, title in ((Side.A, "To side A (who is introduced)"),
                            (Side.B, "To side B (to whom)")):
            editor = QPlainTextEdit(desk.message_template(side))
            editor.setAccessibleName(f"Message template {title}")
            reset = QPushButton("Reset to the default")
            reset.setAccessibleName(f"Reset the template {title}")
            reset.clicked.connect(lambda _=False, s=side: self._reset(s))
            row = QHBoxLayout()
            row.addWidget(plain_label(title))
            row.addStretch()
            row.addWidget(reset)
            layout.addLayout(row)
            layout.addWidget(editor, 1)
            self.templates[side] = editor
        tabs = QTabWidget()
        tabs.addTab(numbers, "Reliability and reminders")
        tabs.addTab(messages, "Messages")
        tabs.addTab(self._backups_page(), "Backups")
        self.error = error_label("settingsError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        main = QVBoxLayout(self)
        main.addWidget(tabs, 1)
        main.addWidget(self.error)
        main.addWidget(buttons)
        self.resize(640, 560)

    def _backups_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        desk = self._actions.desk
        if desk.location.path is None:
            layout.addWidget(plain_label(
                "This database lives on a server; back it up with the server's own tools.",
                wrap=True))
            layout.addStretch()
            return page
        layout.addWidget(plain_label(
            "introdesk backs up automatically: when you close it, and every 30 minutes while "
            "something changed. Each backup is checked before it is kept. It keeps everything "
            "from the last 2 days, then one a day for 12 days, one a week for 10 weeks and one "
            "a month for 9 months.", wrap=True))
        layout.addWidget(plain_label(f"Folder: {desk.backup_folder()}", wrap=True,
                                     selectable=True))
        self.backup_status = plain_label("", wrap=True)
        self.backup_status.setObjectName("backupStatus")
        self.backup_now = QPushButton("Back up now")
        self.backup_now.setObjectName("backupNowButton")
        self.backup_now.setAccessibleName("Back up now")
        self.backup_now.clicked.connect(self.on_backup_now_clicked)
        layout.addWidget(self.backup_status)
        layout.addWidget(self.backup_now, 0, Qt.AlignmentFlag.AlignLeft)
        self.backup_choice = QComboBox()
        self.backup_choice.setObjectName("backupChoice")
        self.backup_choice.setAccessibleName("Backup to restore")
        self.restore_button = QPushButton("Restore this backup…")
        self.restore_button.setObjectName("restoreBackupButton")
        self.restore_button.setAccessibleName("Restore this backup")
        self.restore_button.clicked.connect(self.on_restore_clicked)
        row = QHBoxLayout()
        row.addWidget(self.backup_choice, 1)
        row.addWidget(self.restore_button)
        layout.addWidget(plain_label("Restore: the current file is kept aside (renamed "
                                     "*.before-restore), then the chosen backup is checked and "
                                     "put in its place.", wrap=True))
        layout.addLayout(row)
        layout.addStretch()
        # Injected so tests can answer without a modal loop.
        self.confirm_restore = _confirm_restore
        self._show_backups()
        return page

    def on_restore_clicked(self) -> None:
        path = self.backup_choice.currentData()
        if path and self.confirm_restore(self, self.backup_choice.currentText()):
            self.restore_requested.emit(path)
            self.reject()  # unsaved edits in the other tabs belong to the file being replaced

    def _show_backups(self) -> None:
        kept = self._actions.desk.backups()
        self.backup_choice.clear()
        for backup in kept:
            self.backup_choice.addItem(f"{local_time(backup.at)} — {backup.size // 1024} KB",
                                       str(backup.path))
        self.restore_button.setEnabled(bool(kept))
        if kept:
            self.backup_status.setText(
                f"{len(kept)} backup{'' if len(kept) == 1 else 's'} kept; the newest from "
                f"{local_time(kept[0].at)}.")
        else:
            self.backup_status.setText("No backup yet.")

    def on_backup_now_clicked(self) -> None:
        try:
            made = self._actions.desk.backup()
        except IntrodeskError as exc:
            self.backup_status.setText(exc.message)
            return
        self._show_backups()
        self.backup_status.setText(self.backup_status.text() + f" Just made {made.path.name}.")

    def _reset(self, side: Side) -> None:
        self.templates[side].setPlainText(read_text("templates", f"side_{side.value}.txt"))

    def accept(self) -> None:  # QDialog override: save, and stay open on a mistake
        desk = self._actions.desk
        changes = {}
        for name, box in self.numbers.items():
            value = box.value()
            changes[name] = int(value) if name == "stop_window_days" else value
        try:
            # Refuse the whole set before writing any of it.
            DeskSettings().with_changes(**changes)
            for editor in self.templates.values():
                validate_template(editor.toPlainText())
            for side, editor in self.templates.items():
                desk.set_message_template(side, editor.toPlainText())
            desk.update_settings(**changes)
        except IntrodeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self._actions.hub.announce(Change(everything=True))
        super().accept()
