"""Forget a person: erase them and every trace of them, keep everyone else's history whole."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from introdesk.core.clock import aware_or_now
from introdesk.core.vocabulary import EventKind
from introdesk.services.base import DeskBase
from introdesk.store.models import Commitment, Consent, Event, Introduction, Person


class ForgetOps(DeskBase):
    def forget(self, person_id: int, *, at: datetime | None = None) -> None:
        """Erase the person, their emails, phones, consents, the commitments they owed, and the
        events about them. Intros with someone else keep that side (shown as "a forgotten
        person"), so the other side's reliability is unchanged. Deleted pages are zeroed
        (secure_delete) and the WAL is checkpointed, so the files keep no copy of them.
        """
        when = aware_or_now(at)
        with self._write() as session:
            person = self._get(session, Person, person_id)
            _erase(session, person)
            self._event(session, EventKind.PERSON_FORGOTTEN, when)
        self._checkpoint()

    def _checkpoint(self) -> None:
        if self._engine.dialect.name != "sqlite":
            return
        with self._engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            # TRUNCATE empties the WAL, which would otherwise still hold the old pages.
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def _erase(session: Session, person: Person) -> None:
    pid = person.id
    owed = select(Commitment.id).where(Commitment.owed_by_id == pid).scalar_subquery()
    session.execute(delete(Event).where(or_(
        Event.person_id == pid, Event.other_person_id == pid, Event.commitment_id.in_(owed),
    )))
    session.execute(delete(Commitment).where(Commitment.owed_by_id == pid))
    session.execute(update(Commitment).where(Commitment.owed_to_id == pid).values(owed_to_id=None))
    session.execute(delete(Consent).where(Consent.person_id == pid))
    session.execute(update(Introduction).where(Introduction.side_a_id == pid).values(side_a_id=None))
    session.execute(update(Introduction).where(Introduction.side_b_id == pid).values(side_b_id=None))
    # An intro with no side left is nobody's history any more.
    orphans = list(session.scalars(select(Introduction.id).where(
        Introduction.side_a_id.is_(None), Introduction.side_b_id.is_(None))))
    if orphans:
        session.execute(delete(Event).where(Event.intro_id.in_(orphans)))
        session.execute(delete(Commitment).where(Commitment.intro_id.in_(orphans)))
        session.execute(delete(Consent).where(Consent.intro_id.in_(orphans)))
        session.execute(delete(Introduction).where(Introduction.id.in_(orphans)))
    session.delete(person)
    session.flush()
