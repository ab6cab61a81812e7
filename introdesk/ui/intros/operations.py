"""Acting on introductions from any view: each opens its dialog, writes through DeskActions
(which announces the change) and returns whether something was written."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QWidget

from introdesk.core.vocabulary import Resolution
from introdesk.services import CommitmentRecord, IntroRecord
from introdesk.ui.actions import DeskActions
from introdesk.ui.hub import Change
from introdesk.ui.intros.dialogs import AddCommitmentDialog, CloseDialog, ResolveDialog
from introdesk.ui.undo import ResolveCommand


def _exec(dialog: QDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


def _people(intro: IntroRecord) -> list[int]:
    return [pid for pid in (intro.side_a_id, intro.side_b_id) if pid is not None]


class IntroOperations:
    def __init__(self, actions: DeskActions, parent: QWidget) -> None:
        self.actions = actions
        self.parent = parent
        # Injected so tests can fill a real dialog and accept it without a modal loop.
        self.exec_dialog: Callable[[QDialog], bool] = _exec

    def resolve(self, commitment: CommitmentRecord, preset: Resolution | None = None) -> bool:
        dialog = ResolveDialog(commitment, self.parent, preset)
        if not self.exec_dialog(dialog):
            return False
        resolution, when, note = dialog.values()
        people = [commitment.owed_by_id] + ([commitment.owed_to_id] if commitment.owed_to_id else [])
        done = self.actions.run(
            lambda d: d.resolve(commitment.id, resolution, at=when, note=note),
            Change.of(people=people, intros=commitment.intro_id), self.parent)
        if done is None:
            return False
        self.actions.push(ResolveCommand(
            self.actions, commitment.id, people, commitment.intro_id, resolution.value, when, note,
            f"Record {commitment.owed_by_name}: {resolution.value}"))
        return True

    def close(self, intro: IntroRecord) -> bool:
        dialog = CloseDialog(intro, self.parent)
        if not self.exec_dialog(dialog):
            return False
        outcome, when, note = dialog.values()
        return self.actions.run(lambda d: d.close_intro(intro.id, outcome, at=when, note=note),
                                Change.of(people=_people(intro), intros=intro.id),
                                self.parent) is not None

    def add_commitment(self, intro: IntroRecord) -> bool:
        window = self.actions.desk.settings().default_window_days
        dialog = AddCommitmentDialog(intro, window, self.parent)
        if not self.exec_dialog(dialog):
            return False
        owed_by, owed_to, action, due = dialog.values()
        return self.actions.run(lambda d: d.add_commitment(intro.id, owed_by, owed_to, action, due=due),
                                Change.of(people=_people(intro), intros=intro.id),
                                self.parent) is not None

    def mark_connected(self, intro: IntroRecord) -> bool:
        return self.actions.run(lambda d: d.mark_connected(intro.id),
                                Change.of(people=_people(intro), intros=intro.id),
                                self.parent) is not None

    def ask(self, intro: IntroRecord, person_id: int) -> bool:
        return self.actions.run(lambda d: d.ask_consent(intro.id, person_id),
                                Change.of(people=_people(intro), intros=intro.id),
                                self.parent) is not None

    def answer(self, intro: IntroRecord, person_id: int, agreed: bool) -> bool:
        return self.actions.run(lambda d: d.record_consent(intro.id, person_id, agreed=agreed),
                                Change.of(people=_people(intro), intros=intro.id,
                                          membership=not agreed),
                                self.parent) is not None
