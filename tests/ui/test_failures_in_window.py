"""A failed write in the window (here: the disk is full) shows a plain message and the window
keeps working."""

from __future__ import annotations

from introdesk.ui.hub import Change
from tests.safety.test_disk_errors import NOTE, _limit_pages


def test_the_window_shows_the_failure_and_keeps_working(qtbot, window, people_desk) -> None:
    desk, ids = people_desk
    said: list[str] = []
    window.desk_actions.error_sink = lambda parent, message: said.append(message)
    _limit_pages(desk, 0)
    result = window.desk_actions.run(lambda d: d.add_person("Nora Quinn", notes=NOTE * 2),
                                     Change(membership=True), window)
    assert result is None
    assert said == ["The disk is full; nothing was saved. Free some space and try again."]
    window.show_view(1)
    window.show_view(0)
    window.show_person(ids["Clara Stone"])
    assert window.contacts.selected_ids() == [ids["Clara Stone"]]
    assert desk.find_people("Nora") == []
