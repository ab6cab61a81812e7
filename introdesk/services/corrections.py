"""Taking things back: a verdict on a promise, and people moved to the trash.

Forgetting erases at once and for good (privacy); the trash is the everyday delete: the person
disappears from lists and searches, keeps their history, and comes back on restore. Emptying the
trash forgets everyone in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import select

from introdesk.core.clock import aware_or_now
from introdesk.core.errors import TransitionError
from introdesk.core.vocabulary import EventKind
from introdesk.services.convert import commitment_records, person_record
from introdesk.services.forget import ForgetOps, erase
from introdesk.services.records import CommitmentRecord, PersonRecord
from introdesk.store import backup
from introdesk.store.models import Commitment, Person


class CorrectionOps(ForgetOps):
    def reopen_commitment(self, commitment_id: int, *,
                          at: datetime | None = None) -> CommitmentRecord:
        """Take back how a commitment ended: it is open again, and reliability forgets the
        verdict. The timeline keeps both the verdict and its withdrawal."""
        when = aware_or_now(at)
        with self._write() as session:
            commitment = self._get(session, Commitment, commitment_id)
            if commitment.resolution is None:
                raise TransitionError("This commitment is open; there is no verdict to take back.")
            was = commitment.resolution.value
            commitment.resolution = None
            commitment.resolved_at = None
            commitment.note = None
            self._event(session, EventKind.COMMITMENT_REOPENED, when,
                        person_id=commitment.owed_by_id, other_person_id=commitment.owed_to_id,
                        intro_id=commitment.intro_id, commitment_id=commitment.id,
                        data={"was": was})
            return commitment_records(session, [commitment])[0]

    def trash_person(self, person_id: int, *, at: datetime | None = None) -> PersonRecord:
        """Move a person to the trash: out of lists and searches, history kept."""
        return self.trash_people([person_id], at=at)[0]

    def trash_people(self, person_ids: Sequence[int], *,
                     at: datetime | None = None) -> list[PersonRecord]:
        """Move several people to the trash in one transaction (all or none)."""
        return self._set_trashed(person_ids, aware_or_now(at))

    def restore_person(self, person_id: int, *, at: datetime | None = None) -> PersonRecord:
        return self.restore_people([person_id], at=at)[0]

    def restore_people(self, person_ids: Sequence[int], *,
                       at: datetime | None = None) -> list[PersonRecord]:
        return self._set_trashed(person_ids, None, at=aware_or_now(at))

    def _set_trashed(self, person_ids: Sequence[int], trashed_at: datetime | None, *,
                     at: datetime | None = None) -> list[PersonRecord]:
        when = trashed_at or aware_or_now(at)
        kind = EventKind.PERSON_TRASHED if trashed_at else EventKind.PERSON_RESTORED
        with self._write() as session:
            records = []
            for person_id in person_ids:
                person = self._get(session, Person, person_id)
                if (person.trashed_at is None) == (trashed_at is None):
                    where = "in the trash already" if trashed_at else "not in the trash"
                    raise TransitionError(f"{person.name} is {where}.")
                person.trashed_at = trashed_at
                self._event(session, kind, when, person_id=person.id)
                records.append(person_record(person))
            return records

    def trashed_people(self) -> list[PersonRecord]:
        """The trash, most recently deleted first."""
        with self._read() as session:
            return [person_record(p) for p in session.scalars(
                select(Person).where(Person.trashed_at.is_not(None))
                .order_by(Person.trashed_at.desc(), Person.id)).unique()]

    def empty_trash(self, *, at: datetime | None = None) -> int:
        """Forget everyone in the trash (after one verified backup); returns how many."""
        people = self.trashed_people()
        if not people:
            return 0
        if self.location.path is not None:
            backup.make_backup(self.location)
        when = aware_or_now(at)
        with self._write() as session:
            for record in people:
                erase(session, self._get(session, Person, record.id))
                self._event(session, EventKind.PERSON_FORGOTTEN, when)
        self._checkpoint()
        return len(people)

