"""Reliability per person (DESIGN.md, "Reliability: the model").

Each resolved commitment a person owed gives success/failure weights, discounted by its age
(half-life), added to a Beta(2, 1) prior; the score is the posterior mean, the band its 10th and
90th percentiles, and the tier the first matching rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import Protocol

from introdesk.core.beta import beta_quantile, regularized_incomplete_beta
from introdesk.core.clock import require_aware
from introdesk.core.errors import ValidationError
from introdesk.core.vocabulary import Resolution, Tier

#: Success and failure weight per resolution; the ghost failure weight is a setting (params).
WEIGHTS: Mapping[Resolution, tuple[float, float] | None] = {
    Resolution.KEPT: (1.0, 0.0),
    Resolution.LATE: (0.5, 0.5),
    Resolution.WITHDREW: (0.5, 0.5),
    Resolution.GHOSTED: (0.0, 1.5),
    Resolution.EXCUSED: None,  # outside their control: not counted at all
}

UNRELIABLE_BELOW = 0.5
NEW_BELOW_N_EFF = 1.5
RELIABLE_P10_AT_LEAST = 0.5


@dataclass(frozen=True)
class ReliabilityParams:
    prior_success: float = 2.0
    prior_failure: float = 1.0
    half_life_days: float = 365.0
    ghost_weight: float = 1.5

    def __post_init__(self) -> None:
        for name in ("prior_success", "prior_failure", "half_life_days", "ghost_weight"):
            value = getattr(self, name)
            if not isinstance(value, int | float) or not value > 0:
                raise ValidationError(f"The reliability setting {name} must be above zero "
                                      f"(got {value!r}).")

    def weights(self, resolution: Resolution) -> tuple[float, float] | None:
        if resolution is Resolution.GHOSTED:
            return (0.0, self.ghost_weight)
        return WEIGHTS[resolution]


DEFAULT_PARAMS = ReliabilityParams()


class OutcomeLike(Protocol):
    """Anything with a due time and a resolution (None while still open)."""

    @property
    def due(self) -> datetime: ...

    @property
    def resolution(self) -> Resolution | None: ...


@dataclass(frozen=True)
class OutcomeFact:
    due: datetime
    resolution: Resolution | None
    resolved_at: datetime | None = None


@dataclass(frozen=True)
class Reliability:
    score: float
    p10: float
    p90: float
    n_eff: float
    r: float
    s: float
    tier: Tier

    @property
    def percent(self) -> int:
        return round(self.score * 100)


@dataclass(frozen=True)
class Standing:
    """Score and tier, with the percentile band worked out only when asked for: lists of
    thousands of people show the tier and the score, and the band only in a tooltip."""

    score: float
    n_eff: float
    r: float
    s: float
    tier: Tier
    params: ReliabilityParams

    @property
    def percent(self) -> int:
        return round(self.score * 100)

    def band(self) -> tuple[float, float]:
        alpha, beta = self.params.prior_success + self.r, self.params.prior_failure + self.s
        return beta_quantile(alpha, beta, 0.1), beta_quantile(alpha, beta, 0.9)


def standing_from_sums(r: float, s: float,
                       params: ReliabilityParams = DEFAULT_PARAMS) -> Standing:
    alpha, beta = params.prior_success + r, params.prior_failure + s
    return Standing(score=alpha / (alpha + beta), n_eff=r + s, r=r, s=s,
                    tier=classify(r, s, params), params=params)


@dataclass(frozen=True)
class ReliabilityPoint:
    at: datetime
    reliability: Reliability


def _decay(due: datetime, now: datetime, half_life_days: float) -> float:
    return _decay_seconds(due.timestamp(), now.timestamp(), half_life_days)


def _decay_seconds(due: float, now: float, half_life_days: float) -> float:
    # A commitment due after `now` (kept early) weighs as fresh, never more.
    age = max(0.0, (now - due) / 86400.0)
    return float(2.0 ** (-age / half_life_days))


def classify(r: float, s: float, params: ReliabilityParams = DEFAULT_PARAMS) -> Tier:
    """The tier from the discounted sums alone. "The 10th percentile is at least 0.5" is asked
    as "at most 10% of the posterior lies below 0.5": one incomplete-beta value instead of a
    quantile search, which is what makes a tier filter over 100,000 people affordable."""
    alpha, beta = params.prior_success + r, params.prior_failure + s
    if alpha / (alpha + beta) < UNRELIABLE_BELOW:
        return Tier.UNRELIABLE
    if r + s < NEW_BELOW_N_EFF:
        return Tier.NEW
    below = regularized_incomplete_beta(alpha, beta, RELIABLE_P10_AT_LEAST)
    return Tier.RELIABLE if below <= 0.1 else Tier.MIXED


def sums(
    outcomes: Iterable[OutcomeLike], *, now: datetime, params: ReliabilityParams = DEFAULT_PARAMS
) -> tuple[float, float]:
    """(r, s): the age-discounted success and failure weights of the resolved outcomes."""
    now = require_aware(now, "time of the score")
    return sums_from_seconds(
        ((require_aware(o.due, "due time").timestamp(), o.resolution) for o in outcomes),
        now=now.timestamp(), params=params)


@lru_cache(maxsize=8)
def weight_table(params: ReliabilityParams) -> dict[str, tuple[float, float] | None]:
    # Made once per set of settings, not once per person (100,000 people on a large network).
    return {str(resolution.value): params.weights(resolution) for resolution in Resolution}


def sums_from_seconds(
    outcomes: Iterable[tuple[float, Resolution | str | None]], *, now: float,
    params: ReliabilityParams = DEFAULT_PARAMS,
) -> tuple[float, float]:
    """`sums` over (due as POSIX seconds, resolution) pairs: the form a bulk read gives
    cheaply (reliability of 100,000 people reads 400,000 of them)."""
    weights = weight_table(params)
    r = s = 0.0
    for due, resolution in outcomes:
        if resolution is None:
            continue
        weight = weights[str(resolution)]
        if weight is None:
            continue
        d = _decay_seconds(due, now, params.half_life_days)
        r += d * weight[0]
        s += d * weight[1]
    return r, s


def score(
    outcomes: Iterable[OutcomeLike], *, now: datetime, params: ReliabilityParams = DEFAULT_PARAMS
) -> Reliability:
    """The reliability at `now` from every resolved outcome given (open ones are skipped)."""
    r, s = sums(outcomes, now=now, params=params)
    alpha, beta = params.prior_success + r, params.prior_failure + s
    mean = alpha / (alpha + beta)
    p10 = beta_quantile(alpha, beta, 0.1)
    p90 = beta_quantile(alpha, beta, 0.9)
    n_eff = r + s
    return Reliability(score=mean, p10=p10, p90=p90, n_eff=n_eff, r=r, s=s,
                       tier=classify(r, s, params))


def _counted_by(outcome: OutcomeLike, instant: datetime) -> bool:
    if require_aware(outcome.due, "due time") <= instant:
        return True
    resolved_at: datetime | None = getattr(outcome, "resolved_at", None)
    return resolved_at is not None and require_aware(resolved_at, "resolution time") <= instant


def score_at(
    outcomes: Iterable[OutcomeLike], *, at: datetime, params: ReliabilityParams = DEFAULT_PARAMS
) -> Reliability:
    """The score as it stood at `at`: only what was due (or resolved) by then counts."""
    at = require_aware(at, "time")
    return score([o for o in outcomes if _counted_by(o, at)], now=at, params=params)


def history(
    outcomes: Iterable[OutcomeLike], *, now: datetime, params: ReliabilityParams = DEFAULT_PARAMS
) -> list[ReliabilityPoint]:
    """The score at each resolved outcome's due time up to `now`, then at `now` (for charts)."""
    now = require_aware(now, "time")
    resolved = [o for o in outcomes if o.resolution is not None]
    instants = sorted({require_aware(o.due, "due time") for o in resolved} | {now})
    return [ReliabilityPoint(at=t, reliability=score_at(resolved, at=t, params=params))
            for t in instants if t <= now]
