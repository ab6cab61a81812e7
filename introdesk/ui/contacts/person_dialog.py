"""Add or edit a person. Mistakes are shown in the dialog, which stays open with what was typed."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from introdesk.core.errors import IntrodeskError
from introdesk.services import Desk, PersonRecord
from introdesk.ui.look import error_label


def _split(text: str) -> list[str]:
    return [part.strip() for part in text.replace(";", ",").split(",") if part.strip()]


class PersonDialog(QDialog):
    def __init__(self, desk: Desk, person: PersonRecord | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("personDialog")
        self.setWindowTitle("Edit person" if person else "Add person")
        self._desk = desk
        self._person = person
        self.saved: PersonRecord | None = None

        self.name = QLineEdit(person.name if person else "")
        self.organization = QLineEdit(person.organization or "" if person else "")
        self.title_edit = QLineEdit(person.title or "" if person else "")
        self.emails = QLineEdit(", ".join(person.emails) if person else "")
        self.phones = QLineEdit(", ".join(p.number for p in person.phones) if person else "")
        self.tags = QLineEdit(", ".join(person.tags) if person else "")
        self.linkedin = QLineEdit(person.linkedin_url or "" if person else "")
        self.notes = QPlainTextEdit(person.notes or "" if person else "")
        self.notes.setFixedHeight(80)
        self.name.setPlaceholderText("Required")
        self.emails.setPlaceholderText("name@example.org, another@example.org")
        self.tags.setPlaceholderText("hiring manager, alumni")
        form = QFormLayout()
        for label, widget, accessible in (
            ("&Name", self.name, "Name"), ("&Organization", self.organization, "Organization"),
            ("&Title", self.title_edit, "Title"), ("&Emails", self.emails, "Emails"),
            ("&Phones", self.phones, "Phones"), ("Ta&gs", self.tags, "Tags"),
            ("&LinkedIn", self.linkedin, "LinkedIn URL"), ("N&otes", self.notes, "Notes"),
        ):
            widget.setAccessibleName(accessible)
            form.addRow(label, widget)
        self.error = error_label("personDialogError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, self.sizeHint().height())

    def accept(self) -> None:  # QDialog override: save first, close only if it worked
        values: dict[str, Any] = dict(
            emails=_split(self.emails.text()), phones=_split(self.phones.text()),
            organization=self.organization.text().strip() or None,
            title=self.title_edit.text().strip() or None, tags=_split(self.tags.text()),
            notes=self.notes.toPlainText().strip() or None,
            linkedin_url=self.linkedin.text().strip() or None,
        )
        try:
            if self._person is None:
                self.saved = self._desk.add_person(self.name.text(), **values)
            else:
                self.saved = self._desk.edit_person(self._person.id, name=self.name.text(), **values)
        except IntrodeskError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        super().accept()
