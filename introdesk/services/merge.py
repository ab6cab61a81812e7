"""Merge two records of one person, and undo a merge.

Everything the merged record took part in (intros, consents, commitments owed by or to them,
events about them) moves to the survivor, so reliability follows the merged history. The merge
event keeps a snapshot of the merged record and of what moved, which is what undo puts back.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from introdesk.core.clock import aware_or_now
from introdesk.core.errors import NotFoundError, TransitionError, ValidationError
from introdesk.core.vocabulary import EventKind
from introdesk.services import validate
from introdesk.services.convert import person_record
from introdesk.services.people import PeopleOps
from introdesk.services.records import PersonRecord
from introdesk.store import backup
from introdesk.store.models import (
    Commitment,
    Consent,
    Event,
    Introduction,
    Person,
    PersonEmail,
    PersonPhone,
)

T = TypeVar("T")

MERGE_FIELDS = ("name", "organization", "title", "linkedin_url", "notes")
"""The single-valued fields; emails, phones and tags are always combined."""

# Every column that can point at a person, by a stable name kept in the merge event.
_REFERENCES: dict[str, Any] = {
    "introduction.side_a_id": Introduction.__table__.c.side_a_id,
    "introduction.side_b_id": Introduction.__table__.c.side_b_id,
    "consent.person_id": Consent.__table__.c.person_id,
    "commitment.owed_by_id": Commitment.__table__.c.owed_by_id,
    "commitment.owed_to_id": Commitment.__table__.c.owed_to_id,
    "event.person_id": Event.__table__.c.person_id,
    "event.other_person_id": Event.__table__.c.other_person_id,
}


@dataclass(frozen=True)
class FieldConflict:
    """A field both records fill differently: the user picks one."""

    field: str
    keep_value: str
    merge_value: str


class MergeOps(PeopleOps):
    def merge_conflicts(self, keep_id: int, merge_id: int) -> list[FieldConflict]:
        """The single-valued fields where the two records disagree (both filled, different)."""
        with self._read() as session:
            keep = _fields(self._get(session, Person, keep_id))
            other = _fields(self._get(session, Person, merge_id))
        return [FieldConflict(f, keep[f], other[f]) for f in MERGE_FIELDS
                if keep[f] and other[f] and keep[f] != other[f]]

    def merge_people(self, keep_id: int, merge_id: int, *,
                     choices: Mapping[str, Any] | None = None,
                     at: datetime | None = None) -> PersonRecord:
        """Merge `merge_id` into `keep_id`; returns the survivor.

        `choices` sets any of the single-valued fields (MERGE_FIELDS) to the value the user
        picked; a field not chosen keeps the survivor's value, or takes the other's when the
        survivor's is empty (notes are joined). A verified backup is made first.
        """
        when = aware_or_now(at)
        chosen = dict(choices or {})
        unknown = sorted(set(chosen) - set(MERGE_FIELDS))
        if unknown:
            raise ValidationError(f"Cannot choose {', '.join(unknown)} in a merge; "
                                  f"the choices are {', '.join(MERGE_FIELDS)}.")
        if keep_id == merge_id:
            raise ValidationError("A person cannot be merged with themselves.")
        with self._read() as session:
            self._get(session, Person, keep_id)
            self._get(session, Person, merge_id)
        if self.location.path is not None:
            backup.make_backup(self.location)
        with self._write() as session:
            keep = self._get(session, Person, keep_id)
            other = self._get(session, Person, merge_id)
            _refuse_shared_intro(session, keep, other)
            snapshot = {"merged": _snapshot(other), "survivor_before": _snapshot(keep),
                        "moved": _move_references(session, merge_id, keep_id)}
            self._combine(session, keep, other, chosen, when)
            session.delete(other)
            session.flush()
            self._event(session, EventKind.PERSON_MERGED, when, person_id=keep.id, data=snapshot)
            return person_record(keep)

    def undo_merge(self, merge_event_id: int, *, at: datetime | None = None) -> PersonRecord:
        """Put a merged record back as it was, with what it took part in; returns it.

        It gets its old id back unless that id was taken since.
        """
        when = aware_or_now(at)
        with self._write() as session:
            event = session.get(Event, merge_event_id)
            if event is None or event.kind is not EventKind.PERSON_MERGED:
                raise NotFoundError(f"There is no merge with event id {merge_event_id}.")
            undone = session.scalar(select(Event.id).where(
                Event.kind == EventKind.PERSON_UNMERGED,
                Event.person_id == event.person_id).order_by(Event.id.desc()))
            if undone is not None and undone > event.id:
                raise TransitionError("This merge was already undone.")
            keep = session.get(Person, event.person_id) if event.person_id else None
            if keep is None:
                raise TransitionError("The person this merge kept no longer exists.")
            data = event.data
            merged = data["merged"]
            taken = session.get(Person, merged["id"]) is not None
            person = Person(created_at=datetime.fromisoformat(merged["created_at"]),
                            updated_at=when, **({} if taken else {"id": merged["id"]}))
            self._restore(session, person, merged, when)
            session.add(person)
            session.flush()
            self._restore(session, keep, data["survivor_before"], when)
            for name, ids in data["moved"].items():
                column = _REFERENCES[name]
                if ids:
                    session.execute(update(column.table).where(
                        column.table.c.id.in_(ids), column == keep.id).values({column: person.id}))
            session.flush()
            session.expire_all()
            self._event(session, EventKind.PERSON_UNMERGED, when, person_id=keep.id,
                        other_person_id=person.id, data={"merge_event": event.id})
            return person_record(session.get_one(Person, person.id))

    def _combine(self, session: Session, keep: Person, other: Person,
                 chosen: dict[str, Any], when: datetime) -> None:
        mine, theirs = _fields(keep), _fields(other)
        for field in MERGE_FIELDS:
            if field in chosen:
                value = chosen[field]
            elif field == "notes" and mine["notes"] and theirs["notes"] \
                    and mine["notes"] != theirs["notes"]:
                value = f"{mine['notes']}\n\n{theirs['notes']}"
            else:
                value = mine[field] or theirs[field] or None
            self._set_field(session, keep, field, value, when)
        emails = validate.emails([*(e.address for e in keep.emails),
                                  *(e.address for e in other.emails)])
        phones = _unique([(p.number, p.label) for p in [*keep.phones, *other.phones]])
        tags = _unique([t.name for t in [*keep.tags, *other.tags]], key=str.lower)
        other.emails, other.phones, other.tags = [], [], []
        session.flush()
        keep.emails = [PersonEmail(address=a, position=i) for i, a in enumerate(emails)]
        keep.phones = [PersonPhone(number=n, label=lbl, position=i)
                       for i, (n, lbl) in enumerate(phones)]
        keep.tags = self._tags_named(session, sorted(tags, key=str.lower))
        keep.updated_at = when

    def _restore(self, session: Session, person: Person, snap: dict[str, Any],
                 when: datetime) -> None:
        for field in MERGE_FIELDS:
            self._set_field(session, person, field, snap[field], when)
        person.emails = [PersonEmail(address=a, position=i) for i, a in enumerate(snap["emails"])]
        person.phones = [PersonPhone(number=n, label=lbl, position=i)
                         for i, (n, lbl) in enumerate(snap["phones"])]
        person.tags = self._tags_named(session, sorted(snap["tags"], key=str.lower))
        person.updated_at = when

    def _set_field(self, session: Session, person: Person, field: str, value: Any,
                   when: datetime) -> None:
        if field == "name":
            person.name = validate.name(value)
        elif field == "organization":
            person.organization = self._organization_named(session, value, when)
        elif field == "title":
            person.title = validate.optional_text(value, "title", validate.MAX_NAME)
        elif field == "linkedin_url":
            person.linkedin_url = validate.optional_text(value, "LinkedIn URL", 500)
        else:
            person.notes = validate.optional_text(value, "notes")


def _fields(person: Person) -> dict[str, str]:
    return {"name": person.name,
            "organization": person.organization.name if person.organization else "",
            "title": person.title or "", "linkedin_url": person.linkedin_url or "",
            "notes": person.notes or ""}


def _snapshot(person: Person) -> dict[str, Any]:
    return {**_fields(person), "id": person.id, "created_at": person.created_at.isoformat(),
            "emails": [e.address for e in person.emails],
            "phones": [[p.number, p.label] for p in person.phones],
            "tags": [t.name for t in person.tags]}


def _move_references(session: Session, from_id: int, to_id: int) -> dict[str, list[int]]:
    moved: dict[str, list[int]] = {}
    for name, column in _REFERENCES.items():
        table = column.table
        ids = list(session.scalars(select(table.c.id).where(column == from_id)))
        if ids:
            session.execute(update(table).where(table.c.id.in_(ids)).values({column: to_id}))
        moved[name] = ids
    session.expire_all()
    return moved


def _refuse_shared_intro(session: Session, keep: Person, other: Person) -> None:
    shared = session.scalar(select(Introduction.id).where(or_(
        (Introduction.side_a_id == keep.id) & (Introduction.side_b_id == other.id),
        (Introduction.side_a_id == other.id) & (Introduction.side_b_id == keep.id),
    )).limit(1))
    if shared is not None:
        raise ValidationError(
            f"{keep.name} and {other.name} are the two sides of intro #{shared}; one person "
            "cannot be on both sides, so these two records cannot be merged.")


def _unique(items: list[T], key: Any = None) -> list[T]:
    seen: set[Any] = set()
    result = []
    for item in items:
        marker = key(item) if key else item
        if marker not in seen:
            seen.add(marker)
            result.append(item)
    return result
