"""Finding people by what the connector remembers: words of a name, organization, title, email
or tag, in any case and order. (Issue 8 puts an FTS5 index behind this seam.)"""

from __future__ import annotations

from typing import Any, TypeVar, Unpack

from sqlalchemy import Select, or_, select

from introdesk.services import validate
from introdesk.store.models import Organization, Person, PersonEmail, Tag, person_tag

Q = TypeVar("Q", bound="Select[Unpack[tuple[Any, ...]]]")


def _like(word: str) -> str:
    return "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def active(query: Q) -> Q:
    """Leave out the people in the trash."""
    return query.where(Person.trashed_at.is_(None))


def where_person_matches(query: Select[Any], text: str) -> Select[Any]:
    """Narrow a query over Person to those matching every word of `text`."""
    words = validate.name_key(text or "").split()
    if not words:
        return query
    query = query.outerjoin(Organization, Organization.id == Person.organization_id)
    for word in words:
        pattern = _like(word)
        query = query.where(or_(
            Person.name.ilike(pattern, escape="\\"),
            Person.title.ilike(pattern, escape="\\"),
            Organization.name.ilike(pattern, escape="\\"),
            Person.id.in_(select(PersonEmail.person_id).where(
                PersonEmail.address.ilike(pattern, escape="\\"))),
            Person.id.in_(select(person_tag.c.person_id).join(Tag).where(
                Tag.name.ilike(pattern, escape="\\"))),
        ))
    return query
