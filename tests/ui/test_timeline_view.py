"""The Timeline view: newest first, grouped by day, filters, double-click opens the subject."""

from __future__ import annotations

from introdesk.ui.timeline.model import EVENT_ROLE, Column, TimelineModel


def test_the_timeline_model_passes_the_model_tester(qtmodeltester, people_desk) -> None:
    desk, _ids = people_desk
    qtmodeltester.check(TimelineModel(desk), force_py=True)


def test_events_newest_first_grouped_by_day(window) -> None:
    window.show_view(2)  # the timeline loads when first shown
    model = window.timeline.model
    events = [model.index(r, 0).data(EVENT_ROLE) for r in range(model.rowCount())]
    assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
    days = [model.index(r, Column.DAY).data() for r in range(model.rowCount())]
    assert days[0]
    for row in range(1, len(events)):
        same_day = events[row].at.astimezone().date() == events[row - 1].at.astimezone().date()
        assert (days[row] == "") == same_day


def test_filters_by_person_kind_and_intro(window, people_desk) -> None:
    desk, ids = people_desk
    view = window.timeline
    window.show_view(2)
    everything = view.model.rowCount()
    view.set_person(ids["Jordan Blake"])
    about = [view.model.index(r, 0).data(EVENT_ROLE) for r in range(view.model.rowCount())]
    assert 0 < len(about) < everything
    assert all(ids["Jordan Blake"] in (e.person_id, e.other_person_id) for e in about)
    view.kind.setCurrentIndex(view.kind.findData("commitment_resolved"))
    (resolved,) = [view.model.index(r, 0).data(EVENT_ROLE) for r in range(view.model.rowCount())]
    assert "ghosted" in resolved.summary
    view.set_person(None)
    view.kind.setCurrentIndex(0)
    view.intro.setValue(resolved.intro_id)
    assert {view.model.index(r, 0).data(EVENT_ROLE).intro_id
            for r in range(view.model.rowCount())} == {resolved.intro_id}
    view.intro.setValue(0)
    view.period.setChecked(True)
    view.since.setDate(view.until.date().addDays(-30))
    recent = view.model.rowCount()
    assert 0 < recent < everything


def test_double_click_opens_the_intro(qtbot, window, people_desk) -> None:
    view = window.timeline
    window.show_view(2)
    index = next(view.model.index(r, Column.WHAT) for r in range(view.model.rowCount())
                 if view.model.index(r, 0).data(EVENT_ROLE).intro_id)
    event = index.data(EVENT_ROLE)
    view.on_table_double_clicked(index)
    assert window.current_view() is window.introductions
    assert window.introductions.detail.intro_id == event.intro_id


def test_the_timeline_loads_nothing_until_shown(window, people_desk) -> None:
    desk, ids = people_desk
    assert window.timeline.model.rowCount() == 0  # not shown yet: no million ids read
    window.show_view(2)
    assert window.timeline.model.rowCount() == len(desk.event_ids())
