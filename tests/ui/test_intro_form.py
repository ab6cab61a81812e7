"""The introduction form: drops fill slots, the warning shows at once, the override is recorded
and a cancel writes nothing."""

from __future__ import annotations

import sqlite3

from PySide6.QtWidgets import QLabel

from introdesk.core.vocabulary import EventKind, IntroStatus, RiskLevel
from introdesk.ui.intros.confirm import Override
from introdesk.ui.mime import people_mime
from tests.ui.helpers import drop, table_mime


def _stop_form(window, ids):
    """The form with Jordan (ghosted 60 days ago) on side A, Clara on side B, both agreed."""
    form = window.open_intro_form()
    form.fill([ids["Jordan Blake"], ids["Clara Stone"]])
    for side in ("A", "B"):
        form.consent[side].setCurrentIndex(form.consent[side].findData("agreed"))
    return form


def _dump(path) -> str:
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())


def test_a_dropped_contact_shows_its_warning_in_the_slot(qtbot, window, people_desk) -> None:
    _desk, ids = people_desk
    form = window.open_intro_form()
    qtbot.addWidget(form)
    slot_a = form.findChild(type(form.slot_a), "introSlotA")
    banner_a = form.findChild(type(form.slot_a.banner), "riskBannerA")
    assert drop(slot_a, table_mime(window.contacts, [ids["Jordan Blake"]]))
    assert form.slot_a.person.id == ids["Jordan Blake"]
    assert banner_a.isVisibleTo(form) and banner_a.level is RiskLevel.STOP
    assert "red" not in banner_a.styleSheet() and "#c62828" in banner_a.styleSheet()
    reason = banner_a.reason_texts()[0]
    assert "Dana Ortiz" in reason and "never called" in reason and "intro #" in reason
    assert "2 months ago" in reason

    assert drop(slot_a, table_mime(window.contacts, [ids["Priya Raman"]]))
    assert banner_a.isVisibleTo(form) and banner_a.level is RiskLevel.CAUTION
    assert "#e09100" in banner_a.styleSheet()
    assert "years ago" in banner_a.reason_texts()[0]

    assert drop(slot_a, table_mime(window.contacts, [ids["Clara Stone"]]))
    assert banner_a.level is RiskLevel.CLEAR and not banner_a.isVisibleTo(form)


def test_two_contacts_dropped_on_the_form_fill_both_slots(qtbot, window, people_desk) -> None:
    _desk, ids = people_desk
    form = window.open_intro_form()
    qtbot.addWidget(form)
    assert drop(form, table_mime(window.contacts, [ids["Clara Stone"], ids["Dana Ortiz"]]))
    assert (form.slot_a.person.id, form.slot_b.person.id) == (ids["Clara Stone"], ids["Dana Ortiz"])
    assert form.slot_a.track_record.text() == (
        "Your referrals to Dana Ortiz: 3 made, 1 followed through, 2 ghosted")
    # Dropping something that is not a contact is refused.
    from PySide6.QtCore import QMimeData

    text = QMimeData()
    text.setText("hello")
    assert not drop(form.slot_a, text)


def test_the_keyboard_picker_fills_a_slot(qtbot, window, people_desk) -> None:
    _desk, ids = people_desk
    form = window.open_intro_form()
    qtbot.addWidget(form)
    qtbot.keyClicks(form.slot_b.picker, "dana")
    qtbot.keyClick(form.slot_b.picker, "\r")
    assert form.slot_b.person.id == ids["Dana Ortiz"]


def test_an_empty_side_or_the_same_person_twice_is_refused(qtbot, window, people_desk, db_path) -> None:
    _desk, ids = people_desk
    form = window.open_intro_form()
    qtbot.addWidget(form)
    before = _dump(db_path)
    form.fill([ids["Clara Stone"]])
    form.make_button.click()
    error = form.findChild(QLabel, "introFormError")
    assert error.isVisibleTo(form) and "Choose a person for side B" in error.text()
    form.slot_b.set_person(ids["Clara Stone"])
    form.make_button.click()
    assert "same person cannot be on both sides" in error.text()
    assert _dump(db_path) == before


def test_refer_anyway_records_the_override(qtbot, window, people_desk) -> None:
    desk, ids = people_desk
    form = _stop_form(window, ids)
    qtbot.addWidget(form)
    shown = []
    form.ask_refer_anyway = lambda parent, warnings: shown.append(warnings) or Override("Knows the team")
    form.make_button.click()
    assert shown and shown[0][0][0] == "Jordan Blake"
    assert form.saved is not None and form.saved.status is IntroStatus.MADE
    events = desk.timeline(person_id=ids["Jordan Blake"], kinds=[EventKind.RISK_OVERRIDDEN])
    assert len(events) == 1 and "Knows the team" in events[0].summary
    assert events[0].intro_id == form.saved.id


def test_cancelling_refer_anyway_writes_nothing(qtbot, window, people_desk, db_path) -> None:
    _desk, ids = people_desk
    form = _stop_form(window, ids)
    qtbot.addWidget(form)
    form.ask_refer_anyway = lambda parent, warnings: None
    before = _dump(db_path)
    form.make_button.click()
    assert form.saved is None and form.isVisible()
    assert _dump(db_path) == before


def test_the_real_refer_anyway_dialog_needs_its_button(qtbot, window, people_desk, db_path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from introdesk.ui.intros.confirm import ReferAnywayDialog

    desk, ids = people_desk
    form = _stop_form(window, ids)
    qtbot.addWidget(form)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, ReferAnywayDialog)
        dialog.reason.setText("Second chance")
        dialog.refer_button.click()

    QTimer.singleShot(0, answer)
    form.make_button.click()
    assert form.saved is not None
    (event,) = desk.timeline(intro_id=form.saved.id, kinds=["risk_overridden"])
    assert "Second chance" in event.summary


def test_making_without_both_oks_asks_for_a_reason(qtbot, window, people_desk) -> None:
    desk, ids = people_desk
    form = window.open_intro_form()
    qtbot.addWidget(form)
    form.fill([ids["Clara Stone"], ids["Dana Ortiz"]])
    asked = []
    form.ask_consent_override = lambda parent, waiting: asked.append(waiting) or Override("Old friends")
    form.make_button.click()
    assert asked == ["Side a is not asked and side b is not asked"]
    assert form.saved.consent_override_reason == "Old friends"
    kinds = {e.kind for e in desk.timeline(intro_id=form.saved.id)}
    assert EventKind.CONSENT_OVERRIDDEN in kinds


def test_save_as_draft_records_the_consents(qtbot, window, people_desk) -> None:
    _desk, ids = people_desk
    form = window.open_intro_form()
    qtbot.addWidget(form)
    form.fill([ids["Clara Stone"], ids["Dana Ortiz"]])
    form.consent["A"].setCurrentIndex(form.consent["A"].findData("agreed"))
    form.consent["B"].setCurrentIndex(form.consent["B"].findData("asked"))
    form.save_button.click()
    assert form.saved.status is IntroStatus.ASKING
    assert form.saved.consent_a.state == "agreed" and form.saved.consent_b.state == "asked"


def test_names_in_the_slot_are_plain_text(qtbot, window, people_desk) -> None:
    desk, _ids = people_desk
    hostile = desk.add_person('<b>x</b><img src="file:///etc/hostname">')
    form = window.open_intro_form()
    qtbot.addWidget(form)
    assert drop(form.slot_a, people_mime([hostile.id], [hostile.name]))
    assert form.slot_a.name.text() == hostile.name
    showing = [label for label in form.findChildren(QLabel) if "<b>x</b>" in label.text()]
    assert showing and form.owed_by.itemText(0) == hostile.name
    assert all(label.textFormat().name == "PlainText" for label in showing)
    assert form.slot_a.name.sizeHint().height() < 200


def test_filling_a_slot_again_keeps_its_look(qtbot, window, people_desk) -> None:
    _desk, ids = people_desk
    form = window.open_intro_form()
    qtbot.addWidget(form)
    form.slot_a.set_person(ids["Clara Stone"])
    size = form.slot_a.name.font().pointSizeF()
    for _ in range(3):
        form.slot_a.set_person(ids["Dana Ortiz"])
    assert form.slot_a.name.font().pointSizeF() == size
