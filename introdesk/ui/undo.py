"""Undo and redo (Edit menu, Ctrl+Z / Ctrl+Shift+Z) for changes the Desk can take back.

A command is pushed only after its first run succeeded, so a refused change never lands on the
stack. If undoing or redoing is refused later (the data moved on), the user is told why and the
stack is cleared rather than left pointing at a state that no longer exists.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from PySide6.QtGui import QUndoCommand

from introdesk.core.errors import IntrodeskError
from introdesk.core.vocabulary import EventKind
from introdesk.services import PersonRecord
from introdesk.ui.actions import DeskActions
from introdesk.ui.hub import Change


class _DeskCommand(QUndoCommand):
    def __init__(self, actions: DeskActions, text: str) -> None:
        super().__init__(text)
        self._actions = actions
        self._first = True

    def redo(self) -> None:
        if self._first:  # already done by the caller before pushing
            self._first = False
            return
        self._guarded(self._do)

    def undo(self) -> None:
        self._guarded(self._undo)

    def _guarded(self, step: Any) -> None:
        try:
            change = step()
        except IntrodeskError as exc:
            self._actions.error_sink(None, f"Cannot {self.text().lower()}: {exc.message}")
            self._actions.undo_stack_failed()
            return
        self._actions.hub.announce(change)

    def _do(self) -> Change:
        raise NotImplementedError

    def _undo(self) -> Change:
        raise NotImplementedError


class MergeCommand(_DeskCommand):
    def __init__(self, actions: DeskActions, keep: PersonRecord, other: PersonRecord,
                 choices: Mapping[str, Any]) -> None:
        super().__init__(actions, f"Merge {other.name} into {keep.name}")
        self.keep_id, self.other_id = keep.id, other.id
        self.choices = dict(choices)
        self._merge_event_id = self._latest_merge()

    def _latest_merge(self) -> int:
        events = self._actions.desk.timeline(person_id=self.keep_id,
                                             kinds=[EventKind.PERSON_MERGED], limit=1)
        return events[0].id

    def _do(self) -> Change:
        self._actions.desk.merge_people(self.keep_id, self.other_id, choices=self.choices)
        self._merge_event_id = self._latest_merge()
        return Change.of(people=[self.keep_id, self.other_id], membership=True)

    def _undo(self) -> Change:
        restored = self._actions.desk.undo_merge(self._merge_event_id)
        self.other_id = restored.id
        return Change.of(people=[self.keep_id, restored.id], membership=True)


class ResolveCommand(_DeskCommand):
    """A verdict on a promise; undo takes it back (the promise is open again)."""

    def __init__(self, actions: DeskActions, commitment_id: int, people: list[int], intro_id: int,
                 resolution: str, at: datetime, note: str | None, text: str) -> None:
        super().__init__(actions, text)
        self.commitment_id, self.people, self.intro_id = commitment_id, people, intro_id
        self.resolution, self.at, self.note = resolution, at, note

    def _change(self) -> Change:
        return Change.of(people=self.people, intros=self.intro_id)

    def _do(self) -> Change:
        self._actions.desk.resolve(self.commitment_id, self.resolution, at=self.at, note=self.note)
        return self._change()

    def _undo(self) -> Change:
        self._actions.desk.reopen_commitment(self.commitment_id)
        return self._change()


class TrashCommand(_DeskCommand):
    """People moved to the trash; undo restores them."""

    def __init__(self, actions: DeskActions, people: list[PersonRecord]) -> None:
        names = people[0].name if len(people) == 1 else f"{len(people)} people"
        super().__init__(actions, f"Move {names} to the trash")
        self.ids = [p.id for p in people]

    def _do(self) -> Change:
        self._actions.desk.trash_people(self.ids)
        return Change.of(people=self.ids, membership=True)

    def _undo(self) -> Change:
        self._actions.desk.restore_people(self.ids)
        return Change.of(people=self.ids, membership=True)


class EditPersonCommand(_DeskCommand):
    """An edit made in the person dialog; undo writes the earlier values back."""

    def __init__(self, actions: DeskActions, person_id: int, name: str,
                 before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
        super().__init__(actions, f"Edit {name}")
        self.person_id = person_id
        self.before, self.after = dict(before), dict(after)

    def _do(self) -> Change:
        self._actions.desk.edit_person(self.person_id, **self.after)
        return Change.of(people=self.person_id, membership=True)

    def _undo(self) -> Change:
        self._actions.desk.edit_person(self.person_id, **self.before)
        return Change.of(people=self.person_id, membership=True)

