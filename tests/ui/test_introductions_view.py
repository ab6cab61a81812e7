"""The Introductions view: list by status, detail actions, Needs attention acted on in place."""

from __future__ import annotations

from datetime import timedelta

from introdesk.core.clock import utc_now
from introdesk.core.vocabulary import IntroStatus, Resolution
from introdesk.ui.contacts.model import TIER_ROLE
from introdesk.ui.hub import Change
from introdesk.ui.intros.attention import AttentionModel
from introdesk.ui.intros.dialogs import CloseDialog, ResolveDialog
from introdesk.ui.intros.model import Column, IntrosModel


def test_models_pass_the_model_tester(qtmodeltester, people_desk) -> None:
    desk, _ids = people_desk
    qtmodeltester.check(IntrosModel(desk), force_py=True)
    qtmodeltester.check(AttentionModel(desk), force_py=True)


def test_needs_attention_is_read_when_its_view_is_first_shown(window, people_desk) -> None:
    """Start-up does not read every due commitment for a page that is not on screen."""
    panel = window.introductions.attention
    assert window.current_view() is window.contacts
    assert not panel.model.loaded and panel.model.rowCount() == 0
    assert panel.title.text() == "Needs attention"
    window.show_view(1)
    assert panel.model.loaded and panel.model.rowCount() >= 1
    assert panel.title.text() == f"Needs attention ({panel.model.rowCount()})"


def test_status_filter_and_search(window, people_desk) -> None:
    desk, ids = people_desk
    view = window.introductions
    window.show_view(1)  # the list loads when first shown
    total = view.model.rowCount()
    assert total == 7
    draft = desk.propose_intro(ids["Clara Stone"], ids["Sam Okafor"])
    window.hub.announce(Change.of(intros=draft.id, membership=True))
    assert view.model.rowCount() == total + 1
    view.status_filter.setCurrentIndex(view.status_filter.findData("draft"))
    assert [view.model.index(r, Column.ID).data() for r in range(view.model.rowCount())] == [
        str(draft.id)]
    view.status_filter.setCurrentIndex(0)
    view.search.setText("Jordan")
    assert view.model.rowCount() == 1
    assert view.model.index(0, Column.SIDE_A).data() == "Jordan Blake"


def test_overdue_commitments_are_marked(window, people_desk) -> None:
    desk, ids = people_desk
    window.show_view(1)
    made = desk.record_intro(ids["Sam Okafor"], ids["Dana Ortiz"], make=True,
                             consents={ids["Sam Okafor"]: "agreed", ids["Dana Ortiz"]: "agreed"},
                             at=utc_now() - timedelta(days=5))
    window.hub.announce(Change.of(people=[ids["Sam Okafor"], ids["Dana Ortiz"]], intros=made.id,
                                  membership=True))
    row = window.introductions.model.row_of(made.id)
    assert window.introductions.model.index(row, Column.NEXT_DUE).data().endswith("(overdue)")
    attention = window.introductions.attention
    assert any(e.kind == "overdue" and e.intro_id == made.id
               for e in (attention.model.entry(r) for r in range(attention.model.rowCount())))


def test_resolving_from_needs_attention_updates_every_view(window, people_desk) -> None:
    desk, ids = people_desk
    window.show_view(1)
    panel = window.introductions.attention
    rows = [r for r in range(panel.model.rowCount())
            if panel.model.entry(r).commitment and panel.model.entry(r).commitment.owed_by_id
            == ids["Sam Okafor"]]
    assert rows, "Sam's open call is due soon"
    panel.list.setCurrentIndex(panel.model.index(rows[0], 0))
    seen = []

    def accept(dialog) -> bool:
        assert isinstance(dialog, ResolveDialog)
        seen.append(dialog.resolution.currentData())
        dialog.note.setText("No call, no message")
        return True

    window.introductions.operations.exec_dialog = accept
    panel.buttons["ghosted"].click()
    assert seen == ["ghosted"]
    (commitment,) = desk.commitments_owed_by(ids["Sam Okafor"])
    assert commitment.resolution is Resolution.GHOSTED and commitment.note == "No call, no message"
    assert all(panel.model.entry(r).commitment is None or panel.model.entry(r).commitment.id
               != commitment.id for r in range(panel.model.rowCount()))
    contacts = window.contacts.model
    assert contacts.index(contacts.row_of(ids["Sam Okafor"]), 0).data(TIER_ROLE) == "unreliable"


def test_stale_consent_answered_in_place(window, people_desk) -> None:
    desk, ids = people_desk
    asked = desk.propose_intro(ids["Clara Stone"], ids["Dana Ortiz"], at=utc_now() - timedelta(days=9))
    desk.ask_consent(asked.id, ids["Dana Ortiz"], at=utc_now() - timedelta(days=9))
    window.show_view(1)
    window.introductions.attention.on_hub_changed(None)
    panel = window.introductions.attention
    row = next(r for r in range(panel.model.rowCount()) if panel.model.entry(r).consent)
    panel.list.setCurrentIndex(panel.model.index(row, 0))
    assert not panel.buttons["ghosted"].isEnabled() and panel.buttons["agreed"].isEnabled()
    panel.buttons["agreed"].click()
    assert desk.get_intro(asked.id).consent_b.state == "agreed"


def test_detail_pane_closes_an_intro(window, people_desk) -> None:
    desk, ids = people_desk
    view = window.introductions
    intro_id = desk.list_intros(person_id=ids["Clara Stone"], status="made")[0].id
    view.select_intro(intro_id)
    assert view.detail.intro_id == intro_id

    def choose_hired(dialog) -> bool:
        assert isinstance(dialog, CloseDialog)
        assert dialog.outcome.findData("declined") == -1  # made intros cannot close declined
        dialog.outcome.setCurrentIndex(dialog.outcome.findData("hired"))
        return True

    view.operations.exec_dialog = choose_hired
    (close,) = [b for b in view.detail.widget().findChildren(type(view.new_button))
                if b.text() == "Close…"]
    close.click()
    record = desk.get_intro(intro_id)
    assert record.status is IntroStatus.CLOSED and record.outcome == "hired"
    assert view.detail.intro_id == intro_id  # still shown, now closed
    row = view.model.row_of(intro_id)
    assert view.model.index(row, Column.STATUS).data() == "closed · hired"
