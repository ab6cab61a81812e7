"""Choose a person by typing: matches appear as you type; Enter takes the first one."""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QLineEdit, QWidget

from introdesk.services import Desk, PersonRecord

PICKER_LIMIT = 15


def choice_text(person: PersonRecord) -> str:
    extra = person.organization or (person.emails[0] if person.emails else "")
    return f"{person.name} — {extra}" if extra else person.name


class PersonPicker(QLineEdit):
    picked = Signal(int)
    """A person was chosen (their id)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self.setPlaceholderText("Type a name, organization or email…")
        self.setClearButtonEnabled(True)
        self._matches: list[PersonRecord] = []
        self._model = QStringListModel(self)
        self.completer_ = QCompleter(self._model, self)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompleter(self.completer_)
        self.textEdited.connect(self.on_text_edited)
        self.completer_.activated[str].connect(self.on_completer_activated)  # type: ignore[index]
        self.returnPressed.connect(self.on_return_pressed)

    def on_text_edited(self, text: str) -> None:
        self._matches = self._desk.find_people(text, limit=PICKER_LIMIT) if text.strip() else []
        self._model.setStringList([choice_text(p) for p in self._matches])
        if self._matches:
            self.completer_.complete()

    def on_completer_activated(self, text: str) -> None:
        for person in self._matches:
            if choice_text(person) == text:
                self.picked.emit(person.id)
                return

    def on_return_pressed(self) -> None:
        if self._matches and self.text().strip():
            self.picked.emit(self._matches[0].id)
