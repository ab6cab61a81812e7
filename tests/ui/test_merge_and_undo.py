"""Merging two people from the contacts view, and Edit › Undo / Redo."""

from __future__ import annotations

import pytest

from introdesk.core.errors import NotFoundError
from introdesk.ui.contacts.merge_dialog import MergeDialog


def _select(view, *ids: int) -> None:
    view.table.clearSelection()
    for pid in ids:
        row = view.model.row_of(pid)
        assert row is not None
        index = view.model.index(row, 0)
        view.table.selectionModel().select(
            index, view.table.selectionModel().SelectionFlag.Select
            | view.table.selectionModel().SelectionFlag.Rows)


def test_merge_from_the_menu_with_a_chosen_field_then_undo_and_redo(
        qtbot, window, people_desk) -> None:
    desk, ids = people_desk
    dup = desk.add_person("Dana O.", organization="Globex", email="dana@example.org",
                          tags=["hiring"])
    window.hub.announce(__import__("introdesk.ui.hub", fromlist=["Change"]).Change(
        everything=True))
    view = window.contacts
    _select(view, ids["Dana Ortiz"], dup.id)
    seen: list[MergeDialog] = []

    def answer(dialog) -> bool:
        seen.append(dialog)
        if dialog.keep.id != ids["Dana Ortiz"]:
            dialog.swap()
        assert [c.field for c in dialog.conflicts] == ["name", "organization"]
        dialog.findChild(type(dialog.groups["organization"].button(1)),
                         "merge_organization_other").setChecked(True)
        return True

    view.run_dialog = answer
    window.findChild(type(window.menuBar().actions()[0]), "mergeAction").trigger()
    assert seen and "Dana O. will be merged into Dana Ortiz" in seen[0].intro.text()
    merged = desk.get_person(ids["Dana Ortiz"])
    assert (merged.name, merged.organization, merged.emails, merged.tags) == (
        "Dana Ortiz", "Globex", ("dana@example.org",), ("hiring",))
    with pytest.raises(NotFoundError):
        desk.get_person(dup.id)
    assert view.model.row_of(dup.id) is None
    stack = window.desk_actions.undo_stack
    assert stack.undoText() == "Merge Dana O. into Dana Ortiz"
    undo = window.findChild(type(window.menuBar().actions()[0]), "undoAction")
    undo.trigger()
    assert desk.get_person(dup.id).organization == "Globex"
    assert desk.get_person(ids["Dana Ortiz"]).organization == "Acme Analytics"
    assert view.model.row_of(dup.id) is not None
    window.findChild(type(undo), "redoAction").trigger()
    with pytest.raises(NotFoundError):
        desk.get_person(dup.id)
    assert desk.get_person(ids["Dana Ortiz"]).organization == "Globex"


def test_merge_needs_two_selected_people(window, people_desk) -> None:
    _desk, ids = people_desk
    said: list[str] = []
    window.desk_actions.error_sink = lambda parent, message: said.append(message)
    _select(window.contacts, ids["Clara Stone"])
    window.contacts.merge_selected()
    assert said == ["Select exactly two people to merge: click one, then Ctrl+click the other."]


def test_a_refused_merge_is_not_put_on_the_undo_stack(window, people_desk) -> None:
    _desk, ids = people_desk
    said: list[str] = []
    window.desk_actions.error_sink = lambda parent, message: said.append(message)
    _select(window.contacts, ids["Jordan Blake"], ids["Dana Ortiz"])  # two sides of one intro
    window.contacts.run_dialog = lambda dialog: True
    window.contacts.merge_selected()
    assert said and "cannot be merged" in said[0]
    assert window.desk_actions.undo_stack.count() == 0


def test_an_edit_can_be_undone(window, people_desk) -> None:
    desk, ids = people_desk
    view = window.contacts

    def change_title(dialog) -> bool:
        dialog.title_edit.setText("Head of Data")
        dialog.accept()
        return dialog.saved is not None

    view.run_dialog = change_title
    view.edit_person(ids["Clara Stone"])
    assert desk.get_person(ids["Clara Stone"]).title == "Head of Data"
    stack = window.desk_actions.undo_stack
    assert stack.undoText() == "Edit Clara Stone"
    stack.undo()
    person = desk.get_person(ids["Clara Stone"])
    assert (person.title, person.organization) == (None, "Juniper Labs")
    stack.redo()
    assert desk.get_person(ids["Clara Stone"]).title == "Head of Data"


def test_merge_dialog_look(qtbot, people_desk, tmp_path) -> None:
    desk, ids = people_desk
    dup = desk.add_person("Dana O.", organization="Globex", title="Head of Data & Analytics")
    from introdesk.ui.actions import DeskActions
    from introdesk.ui.hub import ChangeHub

    dialog = MergeDialog(DeskActions(desk, ChangeHub()), desk.get_person(ids["Dana Ortiz"]),
                         desk.get_person(dup.id))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.findChild(type(dialog.merge_button), "merge_title_keep") is None
    assert [c.field for c in dialog.conflicts] == ["name", "organization"]
    dialog.swap()
    assert dialog.keep.id == dup.id and dialog.choices() == {"name": "Dana O.",
                                                             "organization": "Globex"}


def test_delete_moves_to_the_trash_undo_and_the_trash_dialog(qtbot, window, people_desk) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    desk, ids = people_desk
    view = window.contacts
    _select(view, ids["Clara Stone"], ids["Sam Okafor"])
    view.table.setFocus()
    QTest.keyClick(view.table, Qt.Key.Key_Delete)
    assert view.model.row_of(ids["Clara Stone"]) is None
    assert {p.name for p in desk.trashed_people()} == {"Clara Stone", "Sam Okafor"}
    assert "Edit › Undo (Ctrl+Z) brings them back" in window.statusBar().currentMessage()
    stack = window.desk_actions.undo_stack
    assert stack.undoText() == "Move 2 people to the trash"
    stack.undo()
    assert desk.trashed_people() == [] and view.model.row_of(ids["Clara Stone"]) is not None
    stack.redo()
    dialog = window.open_trash()
    assert dialog.list.count() == 2 and not dialog.restore_button.isEnabled()
    dialog.list.item(0).setSelected(True)
    dialog.restore_button.click()
    assert len(desk.trashed_people()) == 1 and dialog.list.count() == 1
    asked: list[int] = []
    dialog.confirm = lambda parent, count: asked.append(count) or True
    dialog.empty_button.click()
    assert asked == [1] and desk.trashed_people() == []
    assert dialog.list.item(0).text() == "The trash is empty."
    assert stack.count() == 0  # nothing left to undo into people who no longer exist


def test_a_verdict_can_be_undone(qtbot, window, people_desk) -> None:
    from introdesk.ui.intros.operations import IntroOperations

    desk, ids = people_desk
    ops = IntroOperations(window.desk_actions, window)
    commitment = next(c for i in desk.list_intros(person_id=ids["Sam Okafor"])
                      for c in i.commitments if c.id == ids["open_commitment"])

    def ghosted(dialog) -> bool:
        dialog.resolution.setCurrentIndex(dialog.resolution.findData("ghosted"))
        return True

    ops.exec_dialog = ghosted
    assert ops.resolve(commitment)
    assert desk.assess_risk(ids["Sam Okafor"]).level.value == "stop"
    stack = window.desk_actions.undo_stack
    assert stack.undoText() == "Record Sam Okafor: ghosted"
    stack.undo()
    assert desk.assess_risk(ids["Sam Okafor"]).level.value == "clear"
    stack.redo()
    assert desk.assess_risk(ids["Sam Okafor"]).level.value == "stop"
