"""The numbers behind the dashboard charts, from plain facts (tested for a known network)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from introdesk.core.vocabulary import ConsentState, Outcome, Resolution, Tier

SUCCESS_OUTCOMES = frozenset({Outcome.HIRED, Outcome.MET})
TIER_ORDER = (Tier.RELIABLE, Tier.MIXED, Tier.UNRELIABLE, Tier.NEW)


@dataclass(frozen=True)
class IntroFact:
    """One introduction as the dashboard counts it."""

    created_at: datetime
    made_at: datetime | None
    connected_at: datetime | None
    outcome: Outcome | None
    consent_a: ConsentState
    consent_b: ConsentState


@dataclass(frozen=True)
class Distribution:
    """How many people (with any history) fall in each score bin, per tier."""

    edges: tuple[float, ...]  # bin edges from 0 to 1, len(bins) + 1
    counts: dict[Tier, tuple[int, ...]]

    @property
    def total(self) -> int:
        return sum(sum(row) for row in self.counts.values())


class Scored(Protocol):
    """A full reliability or a standing: the distribution needs no band."""

    @property
    def score(self) -> float: ...

    @property
    def n_eff(self) -> float: ...

    @property
    def tier(self) -> Tier: ...


def score_distribution(reliabilities: Iterable[Scored], bins: int = 10) -> Distribution:
    edges = tuple(i / bins for i in range(bins + 1))
    counts = {tier: [0] * bins for tier in TIER_ORDER}
    for reliability in reliabilities:
        if reliability.n_eff <= 0:
            continue  # nothing resolved yet: not a data point, only the prior
        index = min(int(reliability.score * bins), bins - 1)
        counts[reliability.tier][index] += 1
    return Distribution(edges=edges, counts={t: tuple(c) for t, c in counts.items()})


def month_of(moment: datetime) -> str:
    """'2026-03' in the moment's own zone (callers pass local times for display)."""
    return f"{moment.year:04d}-{moment.month:02d}"


def month_range(first: str, last: str) -> list[str]:
    """Every month from first to last inclusive, so a chart shows gaps as zeros."""
    year, month = (int(x) for x in first.split("-"))
    end_year, end_month = (int(x) for x in last.split("-"))
    months = []
    while (year, month) <= (end_year, end_month):
        months.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@dataclass(frozen=True)
class MonthlySeries:
    months: tuple[str, ...]
    series: dict[str, tuple[int, ...]]  # category -> count per month


def intros_per_month(intros: Iterable[IntroFact]) -> MonthlySeries:
    """Introductions made per month, by how they stand: an outcome, or still open."""
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    for intro in intros:
        if intro.made_at is None:
            continue
        category = intro.outcome.value if intro.outcome else "open"
        counts[month_of(intro.made_at)][category] += 1
    if not counts:
        return MonthlySeries(months=(), series={})
    months = month_range(min(counts), max(counts))
    categories = ["open"] + [o.value for o in Outcome if any(o.value in c for c in counts.values())]
    categories = [c for c in categories if any(c in counts[m] for m in months)]
    return MonthlySeries(months=tuple(months),
                         series={c: tuple(counts[m][c] for m in months) for c in categories})


@dataclass(frozen=True)
class Funnel:
    proposed: int
    both_agreed: int
    made: int
    connected: int
    succeeded: int

    def stages(self) -> list[tuple[str, int]]:
        return [("Proposed", self.proposed), ("Both agreed", self.both_agreed),
                ("Made", self.made), ("Connected", self.connected),
                ("Succeeded", self.succeeded)]


def funnel(intros: Iterable[IntroFact]) -> Funnel:
    """Each stage counts the intros that reached it (a later stage implies the earlier ones,
    except 'both agreed', which an override can skip)."""
    proposed = both = made = connected = succeeded = 0
    for intro in intros:
        proposed += 1
        both += intro.consent_a is ConsentState.AGREED and intro.consent_b is ConsentState.AGREED
        made += intro.made_at is not None
        is_success = intro.outcome in SUCCESS_OUTCOMES
        connected += intro.connected_at is not None or is_success
        succeeded += is_success
    return Funnel(proposed, both, made, connected, succeeded)


@dataclass(frozen=True)
class RatePoint:
    month: str
    followed_through: int  # kept or late
    counted: int  # kept, late, withdrew, ghosted (excused is not counted)

    @property
    def rate(self) -> float | None:
        return self.followed_through / self.counted if self.counted else None


def follow_through_by_month(
    resolved: Iterable[tuple[datetime, Resolution]],
) -> list[RatePoint]:
    """Per month of the due date: the share of resolved commitments that were kept or late."""
    done: Counter[str] = Counter()
    counted: Counter[str] = Counter()
    for due, resolution in resolved:
        if resolution is Resolution.EXCUSED:
            continue
        month = month_of(due)
        counted[month] += 1
        done[month] += resolution in (Resolution.KEPT, Resolution.LATE)
    if not counted:
        return []
    return [RatePoint(m, done[m], counted[m]) for m in month_range(min(counted), max(counted))]


def busiest(counts: dict[int, int], limit: int) -> Sequence[int]:
    """The ids with the highest counts, ties broken by id (stable for tests and charts)."""
    return [i for i, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit]]
