"""The warning shown the moment a person is put into an introduction (DESIGN.md, "Risk assessment").

stop: a ghosted commitment due within the last `stop_window_days` (inclusive);
caution: an older ghost, tier unreliable, or an open overdue commitment; clear otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum

from introdesk.core.clock import describe_age, require_aware
from introdesk.core.errors import ValidationError
from introdesk.core.facts import CommitmentFact
from introdesk.core.reliability import Reliability
from introdesk.core.vocabulary import Resolution, RiskLevel, Tier
from introdesk.core.words import DONE_PHRASES, format_date, intro_label

DEFAULT_STOP_WINDOW_DAYS = 548  # 18 months


class ReasonKind(StrEnum):
    RECENT_GHOST = "recent_ghost"
    OLD_GHOST = "old_ghost"
    UNRELIABLE = "unreliable"
    OVERDUE = "overdue"


@dataclass(frozen=True)
class RiskReason:
    level: RiskLevel
    kind: ReasonKind
    text: str
    commitment_id: int | None = None
    intro_id: int | None = None
    due: datetime | None = None


@dataclass(frozen=True)
class RiskAssessment:
    level: RiskLevel
    reasons: tuple[RiskReason, ...]

    @property
    def is_clear(self) -> bool:
        return self.level is RiskLevel.CLEAR


def assess(
    name: str,
    owed: Iterable[CommitmentFact],
    reliability: Reliability,
    *,
    now: datetime,
    stop_window_days: int = DEFAULT_STOP_WINDOW_DAYS,
    display_tz: tzinfo = UTC,
) -> RiskAssessment:
    """Assess `name` from the commitments they owed; reasons come most serious first."""
    now = require_aware(now, "assessment time")
    if stop_window_days < 0:
        raise ValidationError("The stop window must be zero or more days.")
    window = timedelta(days=stop_window_days)
    reasons: list[RiskReason] = []
    for fact in owed:
        due = require_aware(fact.due, "due time")
        where = intro_label(fact.intro_id, fact.purpose)
        when = f"due {format_date(due, display_tz)} ({describe_age(due, now)})"
        done = DONE_PHRASES[fact.action]
        if fact.resolution is Resolution.GHOSTED:
            recent = now - due <= window
            reasons.append(RiskReason(
                level=RiskLevel.STOP if recent else RiskLevel.CAUTION,
                kind=ReasonKind.RECENT_GHOST if recent else ReasonKind.OLD_GHOST,
                text=f"{name} ghosted {fact.owed_to_name}: never {done} them, {when}, in {where}.",
                commitment_id=fact.commitment_id, intro_id=fact.intro_id, due=due,
            ))
        elif fact.resolution is None and due < now:
            reasons.append(RiskReason(
                level=RiskLevel.CAUTION, kind=ReasonKind.OVERDUE,
                text=f"{name} hasn't {done} {fact.owed_to_name} yet — {when}, in {where}.",
                commitment_id=fact.commitment_id, intro_id=fact.intro_id, due=due,
            ))
    if reliability.tier is Tier.UNRELIABLE:
        reasons.append(RiskReason(
            level=RiskLevel.CAUTION, kind=ReasonKind.UNRELIABLE,
            text=(
                f"{name} is rated unreliable: score {reliability.percent}/100, "
                "more of their past promises broken than kept."
            ),
        ))
    # Most serious first; within a kind, the most recent first.
    reasons.sort(key=lambda r: (-r.level.rank, _reason_order(r), -(r.due or now).timestamp()))
    level = max((r.level for r in reasons), key=lambda lv: lv.rank, default=RiskLevel.CLEAR)
    return RiskAssessment(level=level, reasons=tuple(reasons))


def _reason_order(reason: RiskReason) -> int:
    return list(ReasonKind).index(reason.kind)
