"""People and organizations: add, edit, find, list."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from introdesk.core.clock import aware_or_now
from introdesk.core.errors import ValidationError
from introdesk.core.vocabulary import EventKind
from introdesk.services import validate
from introdesk.services.base import DeskBase
from introdesk.services.convert import person_record
from introdesk.services.records import OrganizationRecord, PersonRecord
from introdesk.services.search import active, where_person_matches
from introdesk.store.models import Organization, Person, PersonEmail, PersonPhone, Tag

_EDITABLE = ("name", "email", "emails", "phones", "organization", "title", "tags", "notes",
             "linkedin_url")


class PeopleOps(DeskBase):
    def add_person(
        self,
        name: str,
        *,
        email: str | None = None,
        emails: Iterable[str] = (),
        phones: Iterable[str] = (),
        organization: str | None = None,
        title: str | None = None,
        tags: Iterable[str] = (),
        notes: str | None = None,
        linkedin_url: str | None = None,
        at: datetime | None = None,
    ) -> PersonRecord:
        when = aware_or_now(at)
        all_emails = validate.emails(([email] if email else []) + list(emails))
        fields: dict[str, Any] = {
            "name": validate.name(name),
            "title": validate.optional_text(title, "title", validate.MAX_NAME),
            "notes": validate.optional_text(notes, "notes"),
            "linkedin_url": validate.optional_text(linkedin_url, "LinkedIn URL", 500),
        }
        phone_list = [validate.phone(p) for p in phones]
        tag_list = validate.tags(tags)
        with self._write() as session:
            person = Person(created_at=when, updated_at=when, **fields)
            person.organization = self._organization_named(session, organization, when)
            person.emails = [PersonEmail(address=a, position=i) for i, a in enumerate(all_emails)]
            person.phones = [PersonPhone(number=p, position=i) for i, p in enumerate(phone_list)]
            person.tags = self._tags_named(session, tag_list)
            session.add(person)
            session.flush()
            self._event(session, EventKind.PERSON_ADDED, when, person_id=person.id)
            return person_record(person)

    def edit_person(self, person_id: int, *, at: datetime | None = None, **changes: Any) -> PersonRecord:
        """Change any of name, email(s), phones, organization, title, tags, notes, linkedin_url.

        A value of None clears an optional field; the edit event lists what changed.
        """
        unknown = sorted(set(changes) - set(_EDITABLE))
        if unknown:
            raise ValidationError(
                f"Cannot edit {', '.join(unknown)}; a person has {', '.join(_EDITABLE)}."
            )
        if "email" in changes and "emails" in changes:
            raise ValidationError("Give either email or emails, not both.")
        when = aware_or_now(at)
        with self._write() as session:
            person = self._get(session, Person, person_id)
            changed = sorted(changes)
            for key, value in changes.items():
                if key == "name":
                    person.name = validate.name(value)
                elif key in ("email", "emails"):
                    values = [] if value is None else ([value] if key == "email" else list(value))
                    cleaned = validate.emails(values)
                    person.emails = [PersonEmail(address=a, position=i) for i, a in enumerate(cleaned)]
                elif key == "phones":
                    cleaned = [validate.phone(p) for p in (value or [])]
                    person.phones = [PersonPhone(number=p, position=i) for i, p in enumerate(cleaned)]
                elif key == "organization":
                    person.organization = self._organization_named(session, value, when)
                elif key == "tags":
                    person.tags = self._tags_named(session, validate.tags(value or []))
                elif key == "title":
                    person.title = validate.optional_text(value, "title", validate.MAX_NAME)
                elif key == "notes":
                    person.notes = validate.optional_text(value, "notes")
                elif key == "linkedin_url":
                    person.linkedin_url = validate.optional_text(value, "LinkedIn URL", 500)
            person.updated_at = when
            self._event(session, EventKind.PERSON_EDITED, when, person_id=person.id,
                        data={"fields": changed})
            session.flush()
            return person_record(person)

    def get_person(self, person_id: int) -> PersonRecord:
        with self._read() as session:
            return person_record(self._get(session, Person, person_id))

    def list_people(self, *, offset: int = 0, limit: int | None = None) -> list[PersonRecord]:
        """Everyone, by name."""
        with self._read() as session:
            query = active(select(Person)).order_by(func.lower(Person.name), Person.id).offset(offset)
            if limit is not None:
                query = query.limit(limit)
            return [person_record(p) for p in session.scalars(query).unique()]

    def count_people(self) -> int:
        with self._read() as session:
            return session.scalar(active(select(func.count()).select_from(Person))) or 0

    def find_people(self, text: str, *, limit: int | None = None) -> list[PersonRecord]:
        """People whose name, organization, email or tag contains `text` (any case)."""
        with self._read() as session:
            query = active(where_person_matches(select(Person), text))
            query = query.order_by(func.lower(Person.name), Person.id)
            if limit is not None:
                query = query.limit(limit)
            return [person_record(p) for p in session.scalars(query).unique()]

    def find_person_by_email(self, address: str) -> PersonRecord | None:
        with self._read() as session:
            person = session.scalar(
                active(select(Person).join(PersonEmail))
                .where(func.lower(PersonEmail.address) == address.strip().lower()).limit(1)
            )
            return person_record(person) if person else None

    # Organizations

    def add_organization(self, name: str, *, at: datetime | None = None) -> OrganizationRecord:
        """The organization with this name, created if it does not exist yet."""
        when = aware_or_now(at)
        with self._write() as session:
            org = self._organization_named(session, name, when)
            assert org is not None
            return self._organization_record(session, org)

    def rename_organization(self, organization_id: int, name: str,
                            *, at: datetime | None = None) -> OrganizationRecord:
        when = aware_or_now(at)
        cleaned = validate.name(name, "organization name")
        with self._write() as session:
            org = self._get(session, Organization, organization_id)
            key = validate.name_key(cleaned)
            clash = session.scalar(select(Organization).where(
                Organization.name_key == key, Organization.id != org.id))
            if clash is not None:
                raise ValidationError(f"An organization named '{clash.name}' already exists.")
            org.name, org.name_key = cleaned, key
            self._event(session, EventKind.ORGANIZATION_EDITED, when, organization_id=org.id)
            return self._organization_record(session, org)

    def get_organization(self, organization_id: int) -> OrganizationRecord:
        with self._read() as session:
            return self._organization_record(session, self._get(session, Organization, organization_id))

    def list_organizations(self) -> list[OrganizationRecord]:
        with self._read() as session:
            rows = session.execute(
                select(Organization.id, Organization.name, func.count(Person.id))
                .outerjoin(Person, Person.organization_id == Organization.id)
                .group_by(Organization.id, Organization.name)
                .order_by(func.lower(Organization.name))
            )
            return [OrganizationRecord(id=i, name=n, people=c) for i, n, c in rows]

    # Helpers shared with the intro operations

    def _organization_named(self, session: Session, name: str | None,
                            when: datetime) -> Organization | None:
        if name is None or (isinstance(name, str) and not name.strip()):
            return None
        cleaned = validate.name(name, "organization name")
        key = validate.name_key(cleaned)
        org = session.scalar(select(Organization).where(Organization.name_key == key))
        if org is None:
            org = Organization(name=cleaned, name_key=key, created_at=when)
            session.add(org)
            session.flush()
            self._event(session, EventKind.ORGANIZATION_ADDED, when, organization_id=org.id)
        return org

    @staticmethod
    def _tags_named(session: Session, names: Sequence[str]) -> list[Tag]:
        if not names:
            return []
        wanted = [n.lower() for n in names]
        existing = {t.name.lower(): t for t in session.scalars(
            select(Tag).where(func.lower(Tag.name).in_(wanted)))}
        result = []
        for tag_name in names:
            tag = existing.get(tag_name.lower())
            if tag is None:
                tag = Tag(name=tag_name)
                session.add(tag)
                existing[tag_name.lower()] = tag
            result.append(tag)
        return result

    @staticmethod
    def _organization_record(session: Session, org: Organization) -> OrganizationRecord:
        people = session.scalar(
            select(func.count()).select_from(Person).where(Person.organization_id == org.id)
        ) or 0
        return OrganizationRecord(id=org.id, name=org.name, people=people)

