"""The plain, frozen records the services return. Views and scripts never see ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from introdesk.core.vocabulary import (
    Action,
    ConsentState,
    EventKind,
    IntroStatus,
    Outcome,
    Purpose,
    Resolution,
    Side,
)

FORGOTTEN = "a forgotten person"


@dataclass(frozen=True)
class Expectation:
    """What the connector asks of one side when making an intro: `owed_by` will `action` `owed_to`.

    `due` defaults to the intro's making time plus the default window (2 days).
    """

    owed_by: int
    owed_to: int
    action: Action | str = Action.CALL
    due: datetime | None = None


@dataclass(frozen=True)
class OrganizationRecord:
    id: int
    name: str
    people: int = 0


@dataclass(frozen=True)
class PhoneRecord:
    number: str
    label: str | None = None


@dataclass(frozen=True)
class PersonRecord:
    id: int
    name: str
    organization: str | None
    organization_id: int | None
    title: str | None
    emails: tuple[str, ...]
    phones: tuple[PhoneRecord, ...]
    tags: tuple[str, ...]
    linkedin_url: str | None
    notes: str | None
    created_at: datetime
    updated_at: datetime

    @property
    def email(self) -> str | None:
        return self.emails[0] if self.emails else None


@dataclass(frozen=True)
class ConsentRecord:
    side: Side
    person_id: int | None
    state: ConsentState
    asked_at: datetime | None
    answered_at: datetime | None


@dataclass(frozen=True)
class CommitmentRecord:
    id: int
    intro_id: int
    owed_by_id: int
    owed_by_name: str
    owed_to_id: int | None
    owed_to_name: str
    action: Action
    due_at: datetime
    created_at: datetime
    resolution: Resolution | None
    resolved_at: datetime | None
    note: str | None

    @property
    def is_open(self) -> bool:
        return self.resolution is None

    def is_overdue(self, now: datetime) -> bool:
        """Derived, never stored (DESIGN.md): open and past its due time."""
        return self.resolution is None and self.due_at < now


@dataclass(frozen=True)
class IntroRecord:
    id: int
    connector_id: int
    side_a_id: int | None
    side_a_name: str
    side_b_id: int | None
    side_b_name: str
    purpose: Purpose
    context: str
    blurb: str
    organization: str | None
    status: IntroStatus
    outcome: Outcome | None
    consent_a: ConsentRecord
    consent_b: ConsentRecord
    commitments: tuple[CommitmentRecord, ...]
    consent_override_reason: str | None
    created_at: datetime
    made_at: datetime | None
    connected_at: datetime | None
    closed_at: datetime | None

    def consent_of(self, person_id: int) -> ConsentRecord:
        for consent in (self.consent_a, self.consent_b):
            if consent.person_id == person_id:
                return consent
        raise KeyError(person_id)


@dataclass(frozen=True)
class EventRecord:
    id: int
    at: datetime
    kind: EventKind
    summary: str
    person_id: int | None
    other_person_id: int | None
    intro_id: int | None
    commitment_id: int | None
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class StaleConsent:
    intro_id: int
    person_id: int
    person_name: str
    other_name: str
    asked_at: datetime


@dataclass(frozen=True)
class Attention:
    """The morning list: what is overdue, what falls due soon, whose answer is long awaited."""

    overdue: tuple[CommitmentRecord, ...]
    due_soon: tuple[CommitmentRecord, ...]
    stale_consents: tuple[StaleConsent, ...]

    @property
    def count(self) -> int:
        return len(self.overdue) + len(self.due_soon) + len(self.stale_consents)
