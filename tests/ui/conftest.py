"""UI fixtures: real widgets over a real database file, offscreen."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from introdesk.core.clock import utc_now
from introdesk.services import Desk, Expectation
from introdesk.ui import MainWindow


def made_and_resolved(desk: Desk, a: int, b: int, made_at: datetime, resolution: str | None) -> int:
    """An intro from a to b made at `made_at`, a's call due 2 days later, resolved as given."""
    intro = desk.record_intro(a, b, consents={a: "agreed", b: "agreed"}, make=True, at=made_at,
                              expectations=[Expectation(a, b, "call", made_at + timedelta(days=2))])
    if resolution:
        desk.resolve(intro.commitments[0].id, resolution, at=made_at + timedelta(days=3))
    return intro.commitments[0].id


@pytest.fixture
def people_desk(db_path: Path) -> Iterator[tuple[Desk, dict[str, int]]]:
    """Dana (recipient), Jordan (ghosted 60 days ago), Priya (ghosted 3 years ago, kept since),
    Clara (clean, kept), Sam (an open call)."""
    now = utc_now()
    with Desk.open(db_path) as desk:
        ids = {name: desk.add_person(name, organization=org).id for name, org in (
            ("Dana Ortiz", "Acme Analytics"), ("Jordan Blake", None), ("Priya Raman", None),
            ("Clara Stone", "Juniper Labs"), ("Sam Okafor", None))}
        made_and_resolved(desk, ids["Jordan Blake"], ids["Dana Ortiz"],
                          now - timedelta(days=63), "ghosted")
        made_and_resolved(desk, ids["Priya Raman"], ids["Dana Ortiz"],
                          now - timedelta(days=3 * 365 + 3), "ghosted")
        for days in (200, 100, 30):
            made_and_resolved(desk, ids["Priya Raman"], ids["Clara Stone"],
                              now - timedelta(days=days), "kept")
        made_and_resolved(desk, ids["Clara Stone"], ids["Dana Ortiz"],
                          now - timedelta(days=40), "kept")
        ids["open_commitment"] = made_and_resolved(desk, ids["Sam Okafor"], ids["Clara Stone"],
                                                   now - timedelta(hours=1), None)
        yield desk, ids


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Window settings of this test alone (geometry, last view, recent databases)."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, people_desk, settings: QSettings) -> MainWindow:
    desk, _ids = people_desk
    main = MainWindow(desk, settings=settings)
    qtbot.addWidget(main)
    main.resize(1200, 760)
    main.show()
    qtbot.waitExposed(main)
    return main
