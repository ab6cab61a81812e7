"""The pre-referral warning: stop, caution, clear, with reasons a person can read."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from introdesk.core.errors import ValidationError
from introdesk.core.facts import CommitmentFact
from introdesk.core.reliability import OutcomeFact, score
from introdesk.core.risk import ReasonKind, assess
from introdesk.core.vocabulary import Action, Purpose, Resolution, RiskLevel, Tier
from introdesk.core.words import DONE_PHRASES

NOW = datetime(2026, 6, 1, 12, tzinfo=UTC)


def owed(days_ago: float, resolution: Resolution | None, *, action: Action = Action.CALL,
         intro: int = 7, seconds: float = 0) -> CommitmentFact:
    return CommitmentFact(commitment_id=intro * 10, intro_id=intro, purpose=Purpose.JOB_REFERRAL,
                          action=action, owed_to_name="Dana Ortiz",
                          due=NOW - timedelta(days=days_ago, seconds=seconds),
                          resolution=resolution)


def judge(*facts: CommitmentFact, window: int = 548):
    outcomes = [OutcomeFact(f.due, f.resolution) for f in facts if f.resolution]
    return assess("Jordan Blake", facts, score(outcomes, now=NOW), now=NOW, stop_window_days=window)


def test_nobody_and_kept_only_are_clear() -> None:
    assert judge().level is RiskLevel.CLEAR and judge().reasons == ()
    assert judge(owed(10, Resolution.KEPT), owed(40, Resolution.LATE)).level is RiskLevel.CLEAR


def test_a_ghost_60_days_ago_is_stop_and_says_what_when_where_and_to_whom() -> None:
    result = judge(owed(60, Resolution.GHOSTED, intro=12))
    assert result.level is RiskLevel.STOP
    (reason,) = [r for r in result.reasons if r.kind is ReasonKind.RECENT_GHOST]
    assert reason.text == ("Jordan Blake ghosted Dana Ortiz: never called them, due 2 Apr 2026 "
                           "(2 months ago), in intro #12 (job referral).")
    assert (reason.commitment_id, reason.intro_id) == (120, 12)


def test_a_ghost_three_years_ago_is_caution() -> None:
    result = judge(owed(3 * 365, Resolution.GHOSTED), owed(30, Resolution.KEPT),
                   owed(60, Resolution.KEPT))
    assert result.level is RiskLevel.CAUTION
    assert result.reasons[0].kind is ReasonKind.OLD_GHOST and "3 years ago" in result.reasons[0].text


@pytest.mark.parametrize(("window", "days"), [(548, 548), (30, 30), (0, 0)])
def test_the_stop_window_is_inclusive(window: int, days: int) -> None:
    assert judge(owed(days, Resolution.GHOSTED), window=window).level is RiskLevel.STOP
    later = judge(owed(days, Resolution.GHOSTED, seconds=1), window=window)
    assert later.reasons[0].kind is ReasonKind.OLD_GHOST


def test_an_open_overdue_commitment_is_caution() -> None:
    result = judge(owed(3, None, intro=4))
    assert result.level is RiskLevel.CAUTION
    (reason,) = result.reasons
    assert reason.kind is ReasonKind.OVERDUE
    assert reason.text.startswith("Jordan Blake hasn't called Dana Ortiz yet — due 29 May 2026 "
                                  "(3 days ago), in intro #4")


def test_an_open_commitment_not_yet_due_is_nothing() -> None:
    assert judge(owed(-2, None)).level is RiskLevel.CLEAR


def test_an_unreliable_tier_is_caution() -> None:
    facts = [owed(d, Resolution.GHOSTED) for d in (600, 620, 640)]  # all older than 18 months
    result = judge(*facts)
    assert {r.kind for r in result.reasons} == {ReasonKind.OLD_GHOST, ReasonKind.UNRELIABLE}
    assert result.level is RiskLevel.CAUTION
    outcomes = [OutcomeFact(f.due, f.resolution) for f in facts]
    assert score(outcomes, now=NOW).tier is Tier.UNRELIABLE


def test_level_is_the_worst_reason_and_reasons_come_most_serious_first() -> None:
    result = judge(owed(3, None), owed(900, Resolution.GHOSTED), owed(20, Resolution.GHOSTED),
                   owed(100, Resolution.GHOSTED))
    assert result.level is RiskLevel.STOP
    levels = [r.level.rank for r in result.reasons]
    assert levels == sorted(levels, reverse=True)
    stops = [r for r in result.reasons if r.level is RiskLevel.STOP]
    assert [r.due for r in stops] == sorted((r.due for r in stops), reverse=True)


def test_every_action_reads_as_a_sentence() -> None:
    for action in Action:
        assert DONE_PHRASES[action]
        text = judge(owed(5, Resolution.GHOSTED, action=action)).reasons[0].text
        assert f"never {DONE_PHRASES[action]} them" in text


def test_dates_use_english_months_whatever_the_locale() -> None:
    import locale

    saved = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("de_DE.UTF-8", "fr_FR.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
                break
            except locale.Error:
                continue
        assert "2 Apr 2026" in judge(owed(60, Resolution.GHOSTED)).reasons[0].text
    finally:
        locale.setlocale(locale.LC_TIME, saved)


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValidationError):
        assess("X", [], score([], now=NOW), now=datetime(2026, 1, 1))
