"""Bring contacts in: read files into a plan, then apply the plan in one transaction.

Adds are written in bulk (a maxed-out LinkedIn network is 30,000 rows); merges fill what the
existing person lacks and never overwrite what the connector typed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from introdesk.core.bulk import collector_paused
from introdesk.core.clock import aware_or_now
from introdesk.core.errors import OperationCancelled
from introdesk.core.vocabulary import EventKind
from introdesk.interchange.column_map import ColumnMapping, Role
from introdesk.interchange.drafts import ContactDraft, Problem
from introdesk.interchange.readers import read_contacts
from introdesk.services import driver, validate
from introdesk.services.import_plan import (
    Decision,
    ExistingPeople,
    ImportPlan,
    PlanItem,
    make_plan,
)
from introdesk.services.people import PeopleOps
from introdesk.store import backup
from introdesk.store.models import (
    Base,
    Organization,
    Person,
    PersonEmail,
    PersonPhone,
    person_tag,
)

CHUNK = 500
"""Rows per bulk statement, and how often progress is reported and cancel is looked at."""

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


@dataclass(frozen=True)
class ImportSummary:
    source: str
    format: str
    added: int
    merged: int
    skipped: int
    problems: tuple[Problem, ...]

    def describe(self) -> str:
        text = (f"Imported {self.source}: {self.added} added, {self.merged} merged, "
                f"{self.skipped} skipped")
        if self.problems:
            text += f", {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"
        return text + "."


@dataclass(frozen=True)
class ReadFiles:
    """What the files held, before matching: the preview's first step."""

    source: str
    format: str
    drafts: tuple[ContactDraft, ...]
    problems: tuple[Problem, ...]
    # A CSV of no known shape: the columns as proposed, for the user to confirm or correct.
    mapping: ColumnMapping | None = None
    needs_mapping: bool = False
    samples: tuple[tuple[str, ...], ...] = ()


class ImportOps(PeopleOps):
    @collector_paused()
    def read_import_files(self, paths: Sequence[str | os.PathLike[str]], *,
                          mapping: ColumnMapping | None = None) -> ReadFiles:
        """Read contact files (vCard, LinkedIn/Google/Outlook/other CSV); nothing is written.

        Raises UnreadableFileError for a file that cannot be read at all.
        """
        drafts: list[ContactDraft] = []
        problems: list[Problem] = []
        formats: list[str] = []
        proposed: ColumnMapping | None = None
        needs_mapping = False
        samples: tuple[tuple[str, ...], ...] = ()
        names = [Path(p).name for p in paths]
        for path, name in zip(paths, names, strict=True):
            result = read_contacts(Path(path), mapping=mapping)
            formats.append(result.format)
            if result.needs_mapping and mapping is None:
                needs_mapping = True
                if proposed is None:
                    proposed = result.mapping or ColumnMapping(
                        result.headers, tuple(Role.IGNORE for _ in result.headers))
                    samples = result.samples
            prefix = f"{name}, " if len(paths) > 1 else ""
            if prefix:
                drafts.extend(d._replace(where=prefix + d.where) for d in result.drafts)
            else:
                drafts.extend(result.drafts)
            problems.extend(Problem(prefix + p.where, p.what) for p in result.problems)
        return ReadFiles(", ".join(names), ", ".join(dict.fromkeys(formats)),
                         tuple(drafts), tuple(problems), proposed, needs_mapping, samples)

    @collector_paused()
    def plan_import(self, read: ReadFiles, *, merge_on_name: bool = True) -> ImportPlan:
        """Match every draft against the people here. Email and LinkedIn matches are merged by
        default; name-and-organization matches only when `merge_on_name`."""
        with self._read() as session:
            existing = ExistingPeople(session)
        return make_plan(existing, read.drafts, read.problems, merge_on_name=merge_on_name)

    @collector_paused()
    def apply_import(self, plan: ImportPlan, *, source: str, format: str,
                     progress: Progress | None = None, cancelled: Cancelled | None = None,
                     at: datetime | None = None) -> ImportSummary:
        """Write the plan in one transaction after a verified backup; a cancel (or any error)
        writes nothing. Records one `imported` event with the source and the counts."""
        when = aware_or_now(at)
        adds: list[ContactDraft] = []
        merges: list[PlanItem] = []
        for item in plan.items:
            if item.decision is Decision.ADD:
                adds.append(item.draft)
            elif item.decision is Decision.MERGE:
                merges.append(item)
        total = len(adds) + len(merges)
        report = progress or (lambda done, total: None)
        if self.location.path is not None and total:
            backup.make_backup(self.location)
        with self._write() as session:
            writer = _BulkWriter(self, session, when)
            done = 0
            for start in range(0, len(adds), CHUNK):
                _stop_if(cancelled)
                writer.add(adds[start:start + CHUNK])
                done += len(adds[start:start + CHUNK])
                report(done, total)
            for start in range(0, len(merges), CHUNK):
                _stop_if(cancelled)
                writer.merge(merges[start:start + CHUNK])
                done += len(merges[start:start + CHUNK])
                report(done, total)
            _stop_if(cancelled)
            summary = ImportSummary(source, format, len(adds), len(merges),
                                    len(plan.items) - total, plan.problems)
            self._event(session, EventKind.IMPORTED, when, data={
                "source": source, "format": format, "added": summary.added,
                "merged": summary.merged, "skipped": summary.skipped,
                "problems": len(summary.problems)})
        report(total, total)
        return summary

    @collector_paused()
    def import_files(self, paths: Sequence[str | os.PathLike[str]], *,
                     at: datetime | None = None) -> ImportSummary:
        """Read and import without questions: merges only on the same email or LinkedIn URL."""
        read = self.read_import_files(paths)
        plan = self.plan_import(read, merge_on_name=False)
        return self.apply_import(plan, source=read.source, format=read.format, at=at)


def _stop_if(cancelled: Cancelled | None) -> None:
    if cancelled is not None and cancelled():
        raise OperationCancelled("The import was cancelled; nothing was imported.")


class _BulkWriter:
    """Adds in bulk statements; merges one existing person at a time (they are few)."""

    def __init__(self, ops: ImportOps, session: Session, when: datetime) -> None:
        self._ops = ops
        self._session = session
        self._when = when
        self._sqlite = session.get_bind().dialect.name == "sqlite"
        self._orgs: dict[str, int] = {key: oid for oid, key in session.execute(
            select(Organization.id, Organization.name_key))}
        self._org_names: dict[str, int] = {}
        self._next_id: int | None = None  # SQLite: the next new person's id
        self._stamp: Any = None  # SQLite: the time of the import, as the store writes it

    def _org_id(self, name: str | None) -> int | None:
        if not name:
            return None
        known = self._org_names.get(name)  # the same spelling, row after row
        if known is not None:
            return known
        key = validate.name_key(name)
        if key not in self._orgs:
            org = self._ops._organization_named(self._session, name, self._when)
            assert org is not None
            self._orgs[key] = org.id
        self._org_names[name] = self._orgs[key]
        return self._orgs[key]

    def add(self, drafts: Sequence[ContactDraft]) -> None:
        ids = self._insert_people([
            (d.name, self._org_id(d.organization), d.title, d.linkedin_url, d.notes)
            for d in drafts])
        self._insert_rows("person_email", ("person_id", "address", "position"), [
            (pid, a, i) for pid, d in zip(ids, drafts, strict=True) for i, a in enumerate(d.emails)])
        self._insert_rows("person_phone", ("person_id", "number", "position"), [
            (pid, n, i) for pid, d in zip(ids, drafts, strict=True) for i, n in enumerate(d.phones)])
        tagged = [(pid, d.tags) for pid, d in zip(ids, drafts, strict=True) if d.tags]
        if tagged:
            names = list(dict.fromkeys(t for _, tags in tagged for t in tags))
            found = self._ops._tags_named(self._session, names)
            self._session.flush()  # new tags get their ids
            tags = {t.name.casefold(): t.id for t in found}
            self._insert_rows(person_tag.name, ("person_id", "tag_id"), [
                (pid, tags[t.casefold()]) for pid, ts in tagged for t in ts])

    def _insert_rows(self, table: str, columns: tuple[str, ...],
                     rows: list[tuple[Any, ...]]) -> None:
        """Rows of plain values (no times, no enums) into a table, in one executemany."""
        if not rows:
            return
        if self._sqlite:  # the driver's own executemany: no per-row work in SQLAlchemy
            driver.insert_many(self._session, table, columns, rows)
        else:
            self._session.execute(insert(Base.metadata.tables[table]),
                                  [dict(zip(columns, row, strict=True)) for row in rows])

    def _insert_people(self, rows: list[tuple[Any, ...]]) -> list[int]:
        """The new people's ids, in the order of `rows` (name, organization_id, title,
        linkedin_url, notes)."""
        people = Base.metadata.tables["person"]
        columns = ("name", "organization_id", "title", "linkedin_url", "notes")
        if not self._sqlite:
            return list(self._session.scalars(
                insert(people).values(created_at=self._when, updated_at=self._when)
                .returning(people.c.id, sort_by_parameter_order=True),
                [dict(zip(columns, row, strict=True)) for row in rows]))
        # SQLite gives a new row the largest id plus one, and this transaction holds the write
        # lock: the ids are known before the insert, which then needs no RETURNING. New people
        # have no commitments: no reliability to forget.
        if self._next_id is None:
            self._next_id = (self._session.scalar(select(func.max(people.c.id))) or 0) + 1
            dialect = self._session.get_bind().dialect
            # The time as the store writes it (its type, then SQLite's text), once for all.
            stamp = people.c.created_at.type.dialect_impl(dialect).bind_processor(dialect)
            self._stamp = stamp(self._when) if stamp is not None else self._when
        first, when = self._next_id, self._stamp
        self._insert_rows("person", ("id", *columns, "created_at", "updated_at"), [
            (person_id, *row, when, when) for person_id, row in enumerate(rows, first)])
        self._next_id += len(rows)
        return list(range(first, first + len(rows)))

    def merge(self, items: Sequence[PlanItem]) -> None:
        ids = [item.match_id for item in items if item.match_id is not None]
        people = {p.id: p for p in self._session.scalars(
            select(Person).where(Person.id.in_(ids)))}
        gone = []
        for item in items:
            assert item.match_id is not None
            if item.match_id in people:
                self._merge_one(people[item.match_id], item.draft)
            else:  # removed since the preview was made: nothing to merge into, so add
                gone.append(item.draft)
        if gone:
            self.add(gone)

    def _merge_one(self, person: Person, draft: ContactDraft) -> None:
        changed: list[str] = []
        known = {e.address.casefold() for e in person.emails}
        new_emails = [a for a in draft.emails if a.casefold() not in known]
        if new_emails:
            start = len(person.emails)
            person.emails.extend(PersonEmail(address=a, position=start + i)
                                 for i, a in enumerate(new_emails))
            changed.append("emails")
        numbers = {p.number for p in person.phones}
        new_phones = [n for n in draft.phones if n not in numbers]
        if new_phones:
            start = len(person.phones)
            person.phones.extend(PersonPhone(number=n, position=start + i)
                                 for i, n in enumerate(new_phones))
            changed.append("phones")
        have = {t.name.casefold() for t in person.tags}
        new_tags = [t for t in draft.tags if t.casefold() not in have]
        if new_tags:
            person.tags = [*person.tags, *self._ops._tags_named(self._session, new_tags)]
            changed.append("tags")
        fills: dict[str, Any] = {"title": draft.title, "linkedin_url": draft.linkedin_url}
        for field, value in fills.items():
            if value and not getattr(person, field):
                setattr(person, field, value)
                changed.append(field)
        if draft.organization and person.organization is None:
            person.organization = self._ops._organization_named(
                self._session, draft.organization, self._when)
            changed.append("organization")
        if draft.notes and draft.notes not in (person.notes or ""):
            person.notes = f"{person.notes}\n\n{draft.notes}" if person.notes else draft.notes
            changed.append("notes")
        if changed:
            person.updated_at = self._when
            self._ops._event(self._session, EventKind.PERSON_EDITED, self._when,
                             person_id=person.id, data={"fields": sorted(changed),
                                                        "by": "import"})
