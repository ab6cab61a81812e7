"""Adding, editing and forgetting people from the contacts view; the override in a person's
history."""

from __future__ import annotations

import sqlite3

from introdesk.ui.contacts.person_dialog import PersonDialog
from introdesk.ui.intros.confirm import Override


def _dump(path) -> str:
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())


def test_the_person_dialog_requires_a_name_and_checks_emails(qtbot, people_desk, db_path) -> None:
    desk, _ids = people_desk
    dialog = PersonDialog(desk)
    qtbot.addWidget(dialog)
    before = _dump(db_path)
    dialog.accept()
    assert dialog.error.isVisibleTo(dialog) and "name is required" in dialog.error.text()
    dialog.name.setText("Nora Quinn")
    dialog.emails.setText("nora@example.org, not-an-email")
    dialog.accept()
    assert "'not-an-email' is not an email address" in dialog.error.text()
    assert dialog.result() == 0 and _dump(db_path) == before
    dialog.emails.setText("nora@example.org; nora.q@example.org")
    dialog.tags.setText("alumni, mentor")
    dialog.organization.setText("Harbor Credit Union")
    dialog.accept()
    assert dialog.saved is not None and dialog.result() == 1
    assert dialog.saved.emails == ("nora@example.org", "nora.q@example.org")
    assert dialog.saved.tags == ("alumni", "mentor")


def test_editing_keeps_what_was_not_changed(qtbot, people_desk) -> None:
    desk, ids = people_desk
    dialog = PersonDialog(desk, desk.get_person(ids["Dana Ortiz"]))
    qtbot.addWidget(dialog)
    assert dialog.organization.text() == "Acme Analytics"
    dialog.title_edit.setText("Head of Data")
    dialog.accept()
    person = desk.get_person(ids["Dana Ortiz"])
    assert (person.title, person.organization) == ("Head of Data", "Acme Analytics")


def test_forget_asks_first_and_cancel_keeps_the_person(window, people_desk, db_path) -> None:
    desk, ids = people_desk
    view = window.contacts
    before = _dump(db_path)
    asked = []
    view.confirm = lambda parent, title, question: asked.append(question) or False
    view.forget_person(ids["Clara Stone"])
    assert "Forget Clara Stone?" in asked[0] and _dump(db_path) == before
    asked.clear()
    view.confirm = lambda parent, title, question: asked.append(question) or True
    view.forget_person(ids["Clara Stone"])
    assert view.model.row_of(ids["Clara Stone"]) is None
    assert "1 backup still holds Clara Stone" in asked[1]  # the one made just before
    assert desk.backups() == []  # purged, as answered
    assert view.model.rowCount() == 4
    assert [e.kind.value for e in desk.timeline(limit=1)] == ["person_forgotten"]


def test_an_override_shows_in_the_persons_history(qtbot, window, people_desk) -> None:
    desk, ids = people_desk
    form = window.open_intro_form()
    form.fill([ids["Jordan Blake"], ids["Clara Stone"]])
    for side in ("A", "B"):
        form.consent[side].setCurrentIndex(form.consent[side].findData("agreed"))
    form.ask_refer_anyway = lambda parent, warnings: Override("He apologised")
    form.make_button.click()
    window.messages_dialog.close()
    window.show_person(ids["Jordan Blake"])
    qtbot.wait(20)
    from PySide6.QtWidgets import QLabel

    texts = [label.text() for label in window.contacts.pane.widget().findChildren(QLabel)
             if label.isVisibleTo(window.contacts.pane)]
    assert any("Referred Jordan Blake anyway despite a stop warning" in t and "He apologised" in t
               for t in texts)
