"""How the people a connector sent to one recipient followed through (DESIGN.md, "track record")."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from introdesk.core.facts import ReferralFact
from introdesk.core.vocabulary import IntroStatus, Outcome, Resolution


class ReferralResult(StrEnum):
    FOLLOWED_THROUGH = "followed_through"
    GHOSTED = "ghosted"
    WITHDREW = "withdrew"
    EXCUSED = "excused"
    PENDING = "pending"


_SUCCESS_OUTCOMES = frozenset({Outcome.HIRED, Outcome.MET})


def classify(fact: ReferralFact) -> ReferralResult:
    """One referral's result: the worst thing the referred person did in it decides."""
    resolutions = fact.resolutions
    if Resolution.GHOSTED in resolutions:
        return ReferralResult.GHOSTED
    if Resolution.WITHDREW in resolutions:
        return ReferralResult.WITHDREW
    if None in resolutions:
        return ReferralResult.PENDING
    if Resolution.KEPT in resolutions or Resolution.LATE in resolutions:
        return ReferralResult.FOLLOWED_THROUGH
    if resolutions:  # every commitment excused
        return ReferralResult.EXCUSED
    # No promise was recorded: the intro's own ending is the only evidence.
    if fact.status is IntroStatus.CONNECTED or fact.outcome in _SUCCESS_OUTCOMES:
        return ReferralResult.FOLLOWED_THROUGH
    return ReferralResult.PENDING


@dataclass(frozen=True)
class TrackRecord:
    recipient_name: str
    made: int
    followed_through: int
    ghosted: int
    withdrew: int
    excused: int
    pending: int

    @property
    def summary(self) -> str:
        """'your referrals to Dana: 5 made, 4 followed through, 1 ghosted'."""
        if self.made == 0:
            return f"no referrals to {self.recipient_name} yet"
        parts = [f"{self.made} made"]
        for count, words in (
            (self.followed_through, "followed through"),
            (self.ghosted, "ghosted"),
            (self.withdrew, "withdrew"),
            (self.excused, "excused"),
            (self.pending, "pending"),
        ):
            if count:
                parts.append(f"{count} {words}")
        return f"your referrals to {self.recipient_name}: " + ", ".join(parts)


def track_record(recipient_name: str, referrals: Iterable[ReferralFact]) -> TrackRecord:
    """Count the intros that were made (drafts, asks and declines are not referrals yet)."""
    counts = dict.fromkeys(ReferralResult, 0)
    made = 0
    for fact in referrals:
        if not fact.was_made:
            continue
        made += 1
        counts[classify(fact)] += 1
    return TrackRecord(
        recipient_name=recipient_name,
        made=made,
        followed_through=counts[ReferralResult.FOLLOWED_THROUGH],
        ghosted=counts[ReferralResult.GHOSTED],
        withdrew=counts[ReferralResult.WITHDREW],
        excused=counts[ReferralResult.EXCUSED],
        pending=counts[ReferralResult.PENDING],
    )
