"""Plain facts the pure rules reason about, filled in by the services from the database."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from introdesk.core.vocabulary import Action, IntroStatus, Outcome, Purpose, Resolution


@dataclass(frozen=True)
class CommitmentFact:
    """One promise a person owed, with enough context to explain it in words."""

    commitment_id: int
    intro_id: int
    purpose: Purpose
    action: Action
    owed_to_name: str
    due: datetime
    resolution: Resolution | None = None
    resolved_at: datetime | None = None

    @property
    def is_open(self) -> bool:
        return self.resolution is None


@dataclass(frozen=True)
class ReferralFact:
    """One introduction the connector made towards a recipient, seen from that recipient."""

    intro_id: int
    status: IntroStatus
    outcome: Outcome | None
    was_made: bool
    # How each commitment the referred person owed in this intro ended (None: still open).
    resolutions: tuple[Resolution | None, ...]
