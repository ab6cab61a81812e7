"""Forget a person: erase them and every trace of them, keep everyone else's history whole."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, or_, select, update
from sqlalchemy.orm import Session

from introdesk.core.clock import aware_or_now
from introdesk.core.errors import ValidationError
from introdesk.core.vocabulary import EventKind
from introdesk.services.base import DeskBase
from introdesk.store import backup
from introdesk.store.models import Commitment, Consent, Event, Introduction, Person


@dataclass(frozen=True)
class Forgotten:
    name: str
    backups_holding: tuple[Path, ...]


class ForgetOps(DeskBase):
    def forget(self, person_id: int, *, at: datetime | None = None) -> Forgotten:
        """Erase the person, their emails, phones, consents, the commitments they owed, and the
        events about them. Intros with someone else keep that side (shown as "a forgotten
        person"), so the other side's reliability is unchanged. Deleted pages are zeroed
        (secure_delete) and the WAL is checkpointed, so the files keep no copy of them.

        A verified backup is made first (a mistaken forget can be undone from it); the result
        lists the backups that still hold the person, for `purge_backups`.
        """
        when = aware_or_now(at)
        with self._read() as session:
            person = self._get(session, Person, person_id)
            traces = [person.name, *(e.address for e in person.emails)]
        if self.location.path is not None:
            backup.make_backup(self.location)
        with self._write() as session:
            person = self._get(session, Person, person_id)
            erase(session, person)
            self._event(session, EventKind.PERSON_FORGOTTEN, when)
        self._checkpoint()
        holding: tuple[Path, ...] = ()
        if self.location.path is not None:
            needles = [t.encode() for t in traces if t]
            holding = tuple(b.path for b in backup.list_backups(backup.backup_folder(self.location))
                            if any(n in b.path.read_bytes() for n in needles))
        return Forgotten(name=traces[0], backups_holding=holding)

    def purge_backups(self, paths: Iterable[Path]) -> int:
        """Delete these backup files (after a forget, those that still hold the person)."""
        folder = backup.backup_folder(self.location).resolve()
        removed = 0
        for path in paths:
            if path.resolve().parent != folder:
                raise ValidationError(f"{path} is not one of this database's backups.")
            if path.exists():
                path.unlink()
                removed += 1
        return removed

    def _checkpoint(self) -> None:
        if self._engine.dialect.name != "sqlite":
            return
        with self._engine.connect() as connection:
            raw = connection.connection.dbapi_connection
            assert raw is not None
            # TRUNCATE empties the WAL, which would otherwise still hold the old pages.
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()


def erase(session: Session, person: Person) -> None:
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
