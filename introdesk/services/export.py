"""Taking data out: contacts as vCard or CSV, open follow-ups as a calendar, everything as JSON.

Every file is written 0600 (it holds personal data) through a temporary name, so a failed
export leaves nothing half-written.
"""

from __future__ import annotations

import enum
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import DateTime, Enum, delete, func, insert, or_, select, text
from sqlalchemy.orm import Session

from introdesk.core.clock import aware_or_now
from introdesk.core.errors import ValidationError
from introdesk.core.vocabulary import ACTION_WORDS
from introdesk.core.words import PURPOSE_WORDS
from introdesk.interchange import json_format
from introdesk.interchange.csv_writer import write_csv
from introdesk.interchange.drafts import ContactDraft
from introdesk.interchange.ics_writer import CalendarEntry, write_calendar
from introdesk.interchange.vcard_writer import write_vcards
from introdesk.services.base import DeskBase
from introdesk.services.convert import NameBook
from introdesk.store import schema
from introdesk.store.location import write_private_file
from introdesk.store.models import Base, Commitment, Introduction, Person
from introdesk.store.types import UTCDateTime

PathLike = str | os.PathLike[str]
_SORTED = Base.metadata.sorted_tables


class ExportOps(DeskBase):
    def export_vcard(self, path: PathLike, person_ids: Sequence[int] | None = None) -> int:
        drafts = self._contact_drafts(person_ids)
        write_private_file(Path(path), write_vcards(drafts).encode("utf-8"))
        return len(drafts)

    def export_csv(self, path: PathLike, person_ids: Sequence[int] | None = None) -> int:
        drafts = self._contact_drafts(person_ids)
        # The BOM tells Excel the file is UTF-8 (it guesses the local code page otherwise).
        write_private_file(Path(path), write_csv(drafts).encode("utf-8-sig"))
        return len(drafts)

    def export_ics(self, path: PathLike, *, person_id: int | None = None,
                   intro_id: int | None = None, now: datetime | None = None) -> int:
        """Open follow-ups (all, one person's — owed by or to them — or one intro's) as
        30-minute events at their due time."""
        with self._read() as session:
            query = select(Commitment).where(Commitment.resolution.is_(None))
            if person_id is not None:
                self._get(session, Person, person_id)
                query = query.where(or_(Commitment.owed_by_id == person_id,
                                        Commitment.owed_to_id == person_id))
            if intro_id is not None:
                self._get(session, Introduction, intro_id)
                query = query.where(Commitment.intro_id == intro_id)
            commitments = list(session.scalars(query.order_by(Commitment.due_at, Commitment.id)))
            entries = _calendar_entries(session, commitments)
        write_private_file(Path(path), write_calendar(entries, now=aware_or_now(now)))
        return len(entries)

    def export_json(self, path: PathLike, *, now: datetime | None = None) -> int:
        """Every row of every table; importing it into an empty database reproduces this one."""
        tables = self.dump_tables()
        data = json_format.dump(tables, exported_at=aware_or_now(now),
                                schema=schema.head_revision())
        write_private_file(Path(path), data)
        return sum(len(rows) for rows in tables.values())

    def dump_tables(self) -> json_format.Tables:
        with self._read() as session:
            return {table.name: [
                {column: _to_json(value) for column, value in row._mapping.items()}
                for row in session.execute(select(table).order_by(*table.primary_key.columns))]
                for table in _SORTED}

    def import_json(self, path: PathLike) -> int:
        """Load a JSON export into this database, which must hold no people or intros yet.
        One transaction; ids are kept. Returns the number of rows."""
        source = Path(path)
        try:
            data = source.read_bytes()
        except OSError as exc:
            raise ValidationError(f"Cannot read {source.name}: {exc.strerror or exc}.") from exc
        tables, revision = json_format.load(data, source.name, {t.name for t in _SORTED})
        if revision != schema.head_revision():
            raise ValidationError(
                f"{source.name} was exported by introdesk with schema {revision}; this one has "
                f"{schema.head_revision()}. Import it with the same introdesk version.")
        with self._write() as session:
            if session.scalar(select(func.count()).select_from(Person)) or \
                    session.scalar(select(func.count()).select_from(Introduction)):
                raise ValidationError("A JSON export is imported into an empty database only; "
                                      "create a new database (File › New database) first.")
            for table in reversed(_SORTED):
                session.execute(delete(table))
            count = 0
            for table in _SORTED:
                rows = [_from_json(table, row) for row in tables[table.name]]
                if rows:
                    session.execute(insert(table), rows)
                    count += len(rows)
            if self._engine.dialect.name == "postgresql":
                _bump_sequences(session)
        return count

    def _contact_drafts(self, person_ids: Sequence[int] | None) -> list[ContactDraft]:
        with self._read() as session:
            query = select(Person).order_by(func.lower(Person.name), Person.id)
            if person_ids is not None:
                for pid in person_ids:
                    self._get(session, Person, pid)
                query = query.where(Person.id.in_(list(person_ids)))
            return [ContactDraft(
                name=p.name, emails=tuple(e.address for e in p.emails),
                phones=tuple(ph.number for ph in p.phones),
                organization=p.organization.name if p.organization else None, title=p.title,
                linkedin_url=p.linkedin_url, notes=p.notes, tags=tuple(t.name for t in p.tags))
                for p in session.scalars(query).unique()]


def _calendar_entries(session: Session, commitments: list[Commitment]) -> list[CalendarEntry]:
    names = NameBook(session, [i for c in commitments for i in (c.owed_by_id, c.owed_to_id)])
    intros = {i.id: i for i in session.scalars(select(Introduction).where(
        Introduction.id.in_({c.intro_id for c in commitments})))}
    entries = []
    for c in commitments:
        intro = intros[c.intro_id]
        who, whom = names(c.owed_by_id), names(c.owed_to_id)
        context = f"\n\n{intro.context}" if intro.context else ""
        entries.append(CalendarEntry(
            uid=f"commitment-{c.id}@introdesk",
            summary=f"{who}: {ACTION_WORDS[c.action]} {whom}",
            description=(f"Follow-up of introduction #{intro.id} ({PURPOSE_WORDS[intro.purpose]}):"
                         f" {who} promised to {ACTION_WORDS[c.action]} {whom}.{context}"),
            start=c.due_at))
    return entries


def _to_json(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, enum.Enum):
        return value.value
    return value


def _from_json(table: Any, row: dict[str, Any]) -> dict[str, Any]:
    result = {}
    for column in table.columns:
        value = row.get(column.name)
        if value is not None and isinstance(column.type, DateTime | UTCDateTime):
            value = datetime.fromisoformat(value)
        elif value is not None and isinstance(column.type, Enum) and column.type.enum_class:
            value = column.type.enum_class(value)
        result[column.name] = value
    return result


def _bump_sequences(session: Session) -> None:
    for table in _SORTED:
        if "id" in table.columns and table.columns["id"].autoincrement is not False:
            session.execute(text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"))

