"""The contacts view: the lazy model, search as you type, filters, the pane, plain text."""

from __future__ import annotations

from PySide6.QtCore import Qt

from introdesk.core.clock import utc_now
from introdesk.ui.contacts.model import TIER_ROLE, Column, ContactsModel
from introdesk.ui.hub import Change
from introdesk.ui.mime import PERSON_IDS_MIME, person_ids_from


def _names(model: ContactsModel) -> list[str]:
    return [model.index(r, Column.NAME).data() for r in range(model.rowCount())]


def test_the_contacts_model_passes_the_model_tester(qtmodeltester, people_desk) -> None:
    desk, _ids = people_desk
    model = ContactsModel(desk)
    qtmodeltester.check(model, force_py=True)
    model.set_filter("a")
    qtmodeltester.check(model, force_py=True)


def test_rows_show_reliability_and_open_commitments(people_desk) -> None:
    desk, ids = people_desk
    model = ContactsModel(desk)
    row = model.row_of(ids["Jordan Blake"])
    assert model.index(row, Column.RELIABILITY).data().startswith(("Unreliable", "Mixed", "New"))
    sam = model.row_of(ids["Sam Okafor"])
    assert model.index(sam, Column.OPEN).data() == "1"
    assert model.index(model.row_of(ids["Dana Ortiz"]), Column.ORGANIZATION).data() == "Acme Analytics"


def test_search_narrows_the_table_while_typing(qtbot, window) -> None:
    view = window.contacts
    assert view.model.rowCount() == 5
    qtbot.keyClicks(view.search, "o")
    assert _names(view.model) == ["Clara Stone", "Dana Ortiz", "Jordan Blake", "Sam Okafor"]
    qtbot.keyClicks(view.search, "k")
    assert _names(view.model) == ["Sam Okafor"]
    view.search.clear()
    assert view.model.rowCount() == 5


def test_tier_and_tag_filters(qtbot, window, people_desk) -> None:
    desk, ids = people_desk
    desk.edit_person(ids["Clara Stone"], tags=["mentor"])
    window.hub.announce(Change(everything=True))
    view = window.contacts
    view.tag_filter.setCurrentIndex(view.tag_filter.findData("mentor"))
    assert _names(view.model) == ["Clara Stone"]
    view.tag_filter.setCurrentIndex(0)
    view.tier_filter.setCurrentIndex(view.tier_filter.findData("new"))
    tiers = {view.model.index(r, 0).data(TIER_ROLE) for r in range(view.model.rowCount())}
    assert tiers == {"new"} and view.model.rowCount() >= 1


def test_rows_drag_several_people(window, people_desk) -> None:
    _desk, ids = people_desk
    view = window.contacts
    assert view.model.flags(view.model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    rows = [view.model.row_of(ids["Dana Ortiz"]), view.model.row_of(ids["Clara Stone"])]
    mime = view.model.mimeData([view.model.index(r, c) for r in rows for c in range(3)])
    assert mime.hasFormat(PERSON_IDS_MIME)
    assert sorted(person_ids_from(mime)) == sorted([ids["Dana Ortiz"], ids["Clara Stone"]])
    assert "Dana Ortiz" in mime.text()


def test_resolving_as_ghosted_changes_the_tier_without_a_restart(window, people_desk) -> None:
    desk, ids = people_desk
    view = window.contacts
    sam_row = view.model.row_of(ids["Sam Okafor"])
    assert view.model.index(sam_row, Column.RELIABILITY).data().startswith("New")
    window.desk_actions.run(lambda d: d.resolve(ids["open_commitment"], "ghosted", at=utc_now()),
                       Change.of(people=[ids["Sam Okafor"], ids["Clara Stone"]]))
    assert view.model.index(sam_row, Column.RELIABILITY).data().startswith("Unreliable")
    assert view.model.index(sam_row, 0).data(TIER_ROLE) == "unreliable"


def test_selecting_a_person_fills_the_pane(qtbot, window, people_desk) -> None:
    _desk, ids = people_desk
    window.contacts.select_person(ids["Jordan Blake"])
    pane = window.contacts.pane
    assert pane.person_id == ids["Jordan Blake"]
    from introdesk.ui.risk_banner import RiskBanner

    (risk,) = [b for b in pane.widget().findChildren(RiskBanner) if b.isVisibleTo(pane)]
    assert risk.level.value == "stop"
    assert any("Dana Ortiz" in text for text in risk.reason_texts())


def test_user_text_is_shown_as_plain_text(qtbot, window, people_desk) -> None:
    from PySide6.QtWidgets import QLabel

    desk, _ids = people_desk
    hostile = '<b>x</b><img src="file:///etc/hostname">'
    person = desk.add_person(hostile, title="<i>title</i>")
    window.hub.announce(Change.of(people=person.id, membership=True))
    view = window.contacts
    assert view.model.index(view.model.row_of(person.id), 0).data() == hostile
    view.select_person(person.id)
    assert view.pane.person_id == person.id, view.selected_ids()
    qtbot.wait(20)  # new labels in a visible layout are shown by a queued call
    labels = [label for label in view.pane.widget().findChildren(QLabel)
              if label.isVisibleTo(view.pane) and "<b>x</b>" in label.text()]
    assert [label.text() for label in labels][0] == hostile
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)
    assert labels[0].sizeHint().height() < 200
