"""The numbers behind each dashboard chart, for a network small enough to count by hand."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from introdesk.core.reliability import OutcomeFact, score
from introdesk.core.stats import (
    IntroFact,
    busiest,
    follow_through_by_month,
    funnel,
    intros_per_month,
    month_range,
    score_distribution,
)
from introdesk.core.vocabulary import ConsentState, Outcome, Resolution, Tier

NOW = datetime(2026, 6, 15, 12, tzinfo=UTC)
A, D, N = ConsentState.AGREED, ConsentState.DECLINED, ConsentState.NOT_ASKED


def intro(month: int | None, outcome: Outcome | None = None, consents=(A, A),
          connected: bool = False, created_month: int = 1) -> IntroFact:
    made = datetime(2026, month, 10, tzinfo=UTC) if month else None
    return IntroFact(created_at=datetime(2026, created_month, 1, tzinfo=UTC), made_at=made,
                     connected_at=made + timedelta(days=2) if connected and made else None,
                     outcome=outcome, consent_a=consents[0], consent_b=consents[1])


NETWORK = [
    intro(1, Outcome.HIRED, connected=True),
    intro(1, Outcome.MET),
    intro(3, None, connected=True),
    intro(3, Outcome.FIZZLED),
    intro(4, None, consents=(A, N)),  # made with an override
    intro(None, Outcome.DECLINED, consents=(A, D)),
    intro(None, None, consents=(N, N)),
]


def test_funnel_counts_each_stage() -> None:
    result = funnel(NETWORK)
    assert result.stages() == [("Proposed", 7), ("Both agreed", 4), ("Made", 5),
                               ("Connected", 3), ("Succeeded", 2)]


def test_intros_per_month_fill_gaps_and_stack_by_outcome() -> None:
    series = intros_per_month(NETWORK)
    assert series.months == ("2026-01", "2026-02", "2026-03", "2026-04")
    assert series.series == {"open": (0, 0, 1, 1), "hired": (1, 0, 0, 0),
                             "met": (1, 0, 0, 0), "fizzled": (0, 0, 1, 0)}
    assert intros_per_month([]).months == ()


def test_follow_through_rate_per_month_leaves_excused_out() -> None:
    def due(month: int) -> datetime:
        return datetime(2026, month, 5, tzinfo=UTC)

    points = follow_through_by_month([
        (due(1), Resolution.KEPT), (due(1), Resolution.GHOSTED), (due(1), Resolution.EXCUSED),
        (due(3), Resolution.LATE), (due(3), Resolution.KEPT), (due(3), Resolution.WITHDREW),
    ])
    assert [(p.month, p.followed_through, p.counted) for p in points] == [
        ("2026-01", 1, 2), ("2026-02", 0, 0), ("2026-03", 2, 3)]
    assert [p.rate for p in points] == [0.5, None, 2 / 3]


def test_score_distribution_by_tier_skips_people_without_history() -> None:
    def ago(days: float, resolution: Resolution) -> OutcomeFact:
        return OutcomeFact(NOW - timedelta(days=days), resolution)

    people = [
        score([], now=NOW),  # no history: not counted
        score([ago(10, Resolution.KEPT)], now=NOW),  # 0.75 new
        score([ago(10, Resolution.GHOSTED)], now=NOW),  # 0.45 unreliable
        score([ago(d, Resolution.KEPT) for d in (5, 10, 20, 30, 40)], now=NOW),  # 0.87 reliable
    ]
    result = score_distribution(people, bins=10)
    assert result.total == 3
    assert result.counts[Tier.NEW][7] == 1
    assert result.counts[Tier.UNRELIABLE][4] == 1
    assert result.counts[Tier.RELIABLE][8] == 1
    assert len(result.edges) == 11


def test_helpers() -> None:
    assert month_range("2025-11", "2026-02") == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert busiest({7: 2, 3: 5, 9: 2, 1: 1}, 3) == [3, 7, 9]
