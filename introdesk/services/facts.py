"""Queries that turn stored history into the core's plain facts."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from introdesk.core.facts import CommitmentFact, ReferralFact
from introdesk.core.reliability import OutcomeFact
from introdesk.services.records import FORGOTTEN
from introdesk.store.models import Commitment, Introduction, Person


def owed_facts(session: Session, person_id: int) -> list[CommitmentFact]:
    """Every commitment the person owed, with the name of whom it was owed to."""
    owed_to = aliased(Person)
    rows = session.execute(
        select(Commitment, Introduction.purpose, owed_to.name)
        .join(Introduction, Introduction.id == Commitment.intro_id)
        .outerjoin(owed_to, owed_to.id == Commitment.owed_to_id)
        .where(Commitment.owed_by_id == person_id)
        .order_by(Commitment.due_at, Commitment.id)
    )
    return [
        CommitmentFact(
            commitment_id=c.id, intro_id=c.intro_id, purpose=purpose, action=c.action,
            owed_to_name=name or FORGOTTEN, due=c.due_at, resolution=c.resolution,
            resolved_at=c.resolved_at,
        )
        for c, purpose, name in rows
    ]


def outcome_facts(session: Session, person_id: int) -> list[OutcomeFact]:
    rows = session.execute(
        select(Commitment.due_at, Commitment.resolution, Commitment.resolved_at)
        .where(Commitment.owed_by_id == person_id, Commitment.resolution.is_not(None))
    )
    return [OutcomeFact(due=due, resolution=res, resolved_at=at) for due, res, at in rows]


def referral_facts(session: Session, recipient_id: int, connector_id: int) -> list[ReferralFact]:
    """The intros this connector made towards the recipient (side B), with side A's results."""
    intros = session.scalars(
        select(Introduction).where(
            Introduction.side_b_id == recipient_id, Introduction.connector_id == connector_id
        ).order_by(Introduction.id)
    ).unique()
    facts = []
    for intro in intros:
        resolutions = tuple(
            c.resolution for c in intro.commitments
            if intro.side_a_id is not None and c.owed_by_id == intro.side_a_id
        )
        facts.append(ReferralFact(
            intro_id=intro.id, status=intro.status, outcome=intro.outcome,
            was_made=intro.made_at is not None, resolutions=resolutions,
        ))
    return facts
