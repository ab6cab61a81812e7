"""The dashboard over a real database: the numbers each chart will draw."""

from __future__ import annotations

from datetime import timedelta

from introdesk.core.vocabulary import RiskLevel
from introdesk.services import Desk, Expectation
from tests.conftest import T0


def test_dashboard_numbers_for_a_known_network(desk: Desk) -> None:
    dana, mark = desk.add_person("Dana Ortiz"), desk.add_person("Mark Ruiz")
    seekers = [desk.add_person(f"Seeker {i}") for i in range(4)]
    results = ["kept", "late", "ghosted", None]
    for seeker, result in zip(seekers, results, strict=True):
        made = desk.record_intro(seeker.id, dana.id, make=True, at=T0,
                                 consents={seeker.id: "agreed", dana.id: "agreed"},
                                 expectations=[Expectation(seeker.id, dana.id, "call",
                                                           T0 + timedelta(days=2))])
        if result:
            desk.resolve(made.commitments[0].id, result, at=T0 + timedelta(days=3))
    other = desk.record_intro(seekers[0].id, mark.id, make=True, at=T0 + timedelta(days=40),
                              consents={seekers[0].id: "agreed"}, override_reason="known")
    desk.close_intro(other.id, "hired", at=T0 + timedelta(days=60))
    desk.propose_intro(mark.id, dana.id, at=T0)

    board = desk.dashboard(now=T0 + timedelta(days=61), recipients=5)
    assert board.funnel.stages() == [("Proposed", 6), ("Both agreed", 4), ("Made", 5),
                                     ("Connected", 1), ("Succeeded", 1)]
    assert board.intros_per_month.months == ("2026-03", "2026-04")
    assert board.intros_per_month.series["open"] == (4, 0)
    assert board.intros_per_month.series["hired"] == (0, 1)
    (march,) = [p for p in board.follow_through if p.month == "2026-03"]
    assert (march.followed_through, march.counted) == (2, 3)
    assert [r.record.summary for r in board.recipients] == [
        "your referrals to Dana Ortiz: 4 made, 2 followed through, 1 ghosted, 1 pending",
        "your referrals to Mark Ruiz: 1 made, 1 pending",
    ]
    # Seeker 2 ghosted 58 days ago (stop); seeker 0 never called Mark (overdue since day 42)
    # and seeker 3 never called Dana (overdue since day 2): cautions, most recent first.
    assert [(w.name, w.assessment.level) for w in board.watch] == [
        ("Seeker 2", RiskLevel.STOP), ("Seeker 0", RiskLevel.CAUTION),
        ("Seeker 3", RiskLevel.CAUTION)]
    assert board.distribution.total == 3  # three seekers have a resolved commitment
