"""Reliability sums that stay true as time passes, so they can be kept instead of recomputed.

The weight of an outcome due at `due` is `2 ** (-(now - due) / half_life)` once it is due, which
is `2 ** (-(anchor - due) / half_life)` times `2 ** (-(now - anchor) / half_life)` for any anchor
between the two. Summing the first factor once, at an anchor, gives the sums at every later
`now` with one multiplication. Outcomes due after the anchor weigh as fresh until they are due,
so they are kept apart and weighed at `now` one by one (there are few: promises kept early).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from introdesk.core.reliability import (
    DEFAULT_PARAMS,
    ReliabilityParams,
    weight_table,
)
from introdesk.core.vocabulary import Resolution

SECONDS_PER_DAY = 86400.0


@dataclass(frozen=True)
class AnchoredSums:
    """One person's resolved outcomes, summed as they weighed at `anchor` (POSIX seconds)."""

    anchor: float
    r: float
    s: float
    # (due, success weight, failure weight) of the outcomes due after the anchor.
    later: tuple[tuple[float, float, float], ...] = ()


def anchor_sums(
    outcomes: Iterable[tuple[float, Resolution | str | None]], *, anchor: float,
    params: ReliabilityParams = DEFAULT_PARAMS,
) -> AnchoredSums:
    """Sum (due as POSIX seconds, resolution) pairs at `anchor`; open ones are skipped."""
    summed = anchor_each(((0, due, resolution) for due, resolution in outcomes),
                         anchor=anchor, params=params)
    return summed.get(0, AnchoredSums(anchor, 0.0, 0.0))


def anchor_each(
    rows: Iterable[tuple[int, float, Resolution | str | None]], *, anchor: float,
    params: ReliabilityParams = DEFAULT_PARAMS,
) -> dict[int, AnchoredSums]:
    """`anchor_sums` per person over (person, due, resolution) rows in any order, in one pass:
    a large network has 400,000 of them. People without a counted outcome are left out."""
    weights = weight_table(params)
    per_second = -1.0 / (params.half_life_days * SECONDS_PER_DAY)
    # One tuple per person replaced as it grows: fewer steps per row than lists updated in
    # place (this loop is most of the time everyone's reliability takes).
    totals: dict[int, tuple[float, float]] = {}
    later: dict[int, list[tuple[float, float, float]]] = {}
    total_of = totals.get
    for person, due, resolution in rows:
        if resolution is None:
            continue
        weight = weights[resolution]
        if weight is None:
            continue
        if due > anchor:
            later.setdefault(person, []).append((due, weight[0], weight[1]))
            totals.setdefault(person, (0.0, 0.0))
            continue
        d: float = 2.0 ** ((anchor - due) * per_second)
        so_far = total_of(person)
        totals[person] = ((d * weight[0], d * weight[1]) if so_far is None else
                          (so_far[0] + d * weight[0], so_far[1] + d * weight[1]))
    return {person: AnchoredSums(anchor, r, s, tuple(later.get(person, ())))
            for person, (r, s) in totals.items()}


def sums_at(sums: AnchoredSums, *, now: float,
            params: ReliabilityParams = DEFAULT_PARAMS) -> tuple[float, float]:
    """(r, s) at `now`, which must not be before the anchor (the outcomes due between an
    earlier `now` and the anchor would weigh too little)."""
    if now < sums.anchor:
        raise ValueError("anchored sums answer for their anchor and later only")
    half_life = params.half_life_days * SECONDS_PER_DAY
    factor = float(2.0 ** (-(now - sums.anchor) / half_life))
    r, s = sums.r * factor, sums.s * factor
    for due, success, failure in sums.later:
        d = float(2.0 ** (-max(0.0, now - due) / half_life))
        r += d * success
        s += d * failure
    return r, s
