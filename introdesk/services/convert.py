"""ORM rows to frozen records, inside the session that loaded them."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from introdesk.core.vocabulary import ConsentState, Side
from introdesk.services.records import (
    FORGOTTEN,
    CommitmentRecord,
    ConsentRecord,
    IntroRecord,
    PersonRecord,
    PhoneRecord,
)
from introdesk.store.models import Commitment, Consent, Introduction, Person


def person_record(person: Person) -> PersonRecord:
    return PersonRecord(
        id=person.id,
        name=person.name,
        organization=person.organization.name if person.organization else None,
        organization_id=person.organization_id,
        title=person.title,
        emails=tuple(email.address for email in person.emails),
        phones=tuple(PhoneRecord(phone.number, phone.label) for phone in person.phones),
        tags=tuple(tag.name for tag in person.tags),
        linkedin_url=person.linkedin_url,
        notes=person.notes,
        created_at=person.created_at,
        updated_at=person.updated_at,
    )


class NameBook:
    """Names by person id, loaded in one query for a batch of records (no query per row)."""

    def __init__(self, session: Session, ids: Iterable[int | None]) -> None:
        wanted = {i for i in ids if i is not None}
        self._names: dict[int, str] = {}
        if wanted:
            rows = session.execute(select(Person.id, Person.name).where(Person.id.in_(wanted)))
            self._names = {row.id: row.name for row in rows}

    def __call__(self, person_id: int | None) -> str:
        if person_id is None:
            return FORGOTTEN
        return self._names.get(person_id, FORGOTTEN)


def commitment_record(commitment: Commitment, names: NameBook) -> CommitmentRecord:
    return CommitmentRecord(
        id=commitment.id,
        intro_id=commitment.intro_id,
        owed_by_id=commitment.owed_by_id,
        owed_by_name=names(commitment.owed_by_id),
        owed_to_id=commitment.owed_to_id,
        owed_to_name=names(commitment.owed_to_id),
        action=commitment.action,
        due_at=commitment.due_at,
        created_at=commitment.created_at,
        resolution=commitment.resolution,
        resolved_at=commitment.resolved_at,
        note=commitment.note,
    )


def commitment_records(session: Session, commitments: Iterable[Commitment]) -> list[CommitmentRecord]:
    rows = list(commitments)
    names = NameBook(session, [c.owed_by_id for c in rows] + [c.owed_to_id for c in rows])
    return [commitment_record(c, names) for c in rows]


def _consent_record(consents: list[Consent], side: Side, person_id: int | None) -> ConsentRecord:
    for consent in consents:
        if consent.side is side:
            return ConsentRecord(
                side=side, person_id=consent.person_id, state=consent.state,
                asked_at=consent.asked_at, answered_at=consent.answered_at,
            )
    return ConsentRecord(side, person_id, ConsentState.NOT_ASKED, None, None)


def intro_records(session: Session, intros: Iterable[Introduction]) -> list[IntroRecord]:
    rows = list(intros)
    ids: list[int | None] = []
    for intro in rows:
        ids += [intro.side_a_id, intro.side_b_id]
        ids += [c.owed_by_id for c in intro.commitments] + [c.owed_to_id for c in intro.commitments]
    names = NameBook(session, ids)
    return [_intro_record(intro, names) for intro in rows]


def intro_record(session: Session, intro: Introduction) -> IntroRecord:
    return intro_records(session, [intro])[0]


def _intro_record(intro: Introduction, names: NameBook) -> IntroRecord:
    return IntroRecord(
        id=intro.id,
        connector_id=intro.connector_id,
        side_a_id=intro.side_a_id,
        side_a_name=names(intro.side_a_id),
        side_b_id=intro.side_b_id,
        side_b_name=names(intro.side_b_id),
        purpose=intro.purpose,
        context=intro.context,
        blurb=intro.blurb,
        organization=intro.organization.name if intro.organization else None,
        status=intro.status,
        outcome=intro.outcome,
        consent_a=_consent_record(intro.consents, Side.A, intro.side_a_id),
        consent_b=_consent_record(intro.consents, Side.B, intro.side_b_id),
        commitments=tuple(commitment_record(c, names) for c in intro.commitments),
        consent_override_reason=intro.consent_override_reason,
        created_at=intro.created_at,
        made_at=intro.made_at,
        connected_at=intro.connected_at,
        closed_at=intro.closed_at,
    )
