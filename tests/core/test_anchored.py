"""Sums kept at an anchor give, at any later time, what summing afresh gives."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from introdesk.core.anchored import anchor_sums, sums_at
from introdesk.core.reliability import ReliabilityParams, sums_from_seconds
from introdesk.core.vocabulary import Resolution

YEAR = 365 * 86400.0
outcomes = st.lists(st.tuples(st.floats(-5 * YEAR, 5 * YEAR),
                              st.sampled_from([*Resolution, None])), max_size=40)


@given(outcomes, st.floats(-2 * YEAR, 2 * YEAR), st.floats(0, 3 * YEAR),
       st.sampled_from([1.0, 30.0, 365.0, 2000.0]), st.sampled_from([1.0, 1.5, 4.0]))
def test_anchored_sums_equal_fresh_sums_at_any_later_time(
        pairs: list[tuple[float, Resolution | None]], anchor: float, later: float,
        half_life: float, ghost: float) -> None:
    params = ReliabilityParams(half_life_days=half_life, ghost_weight=ghost)
    now = anchor + later
    kept = sums_at(anchor_sums(pairs, anchor=anchor, params=params), now=now, params=params)
    fresh = sums_from_seconds(pairs, now=now, params=params)
    assert kept == pytest.approx(fresh, rel=1e-9, abs=1e-300)


def test_outcomes_due_after_the_anchor_weigh_as_fresh_until_due() -> None:
    params = ReliabilityParams(half_life_days=1.0)
    sums = anchor_sums([(10 * 86400.0, Resolution.KEPT)], anchor=0.0, params=params)
    assert sums.r == 0 and len(sums.later) == 1
    assert sums_at(sums, now=5 * 86400.0, params=params) == (1.0, 0.0)
    assert sums_at(sums, now=11 * 86400.0, params=params) == pytest.approx((0.5, 0.0))


def test_a_time_before_the_anchor_is_refused() -> None:
    with pytest.raises(ValueError, match="anchor"):
        sums_at(anchor_sums([], anchor=100.0), now=99.0)
