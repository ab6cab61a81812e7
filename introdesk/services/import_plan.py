"""Before an import writes anything: which drafts are new, which match people already here.

A match is found by the same email, the same LinkedIn profile URL, or the same normalized name
and organization. Drafts in one file that share an email or profile are combined first.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from introdesk.core.errors import ValidationError
from introdesk.interchange.drafts import ContactDraft, Problem
from introdesk.services import validate
from introdesk.services.search import active
from introdesk.store.models import Organization, Person, PersonEmail


class MatchReason(StrEnum):
    EMAIL = "email"
    LINKEDIN = "linkedin"
    NAME = "name"


MATCH_WORDS = {MatchReason.EMAIL: "same email", MatchReason.LINKEDIN: "same LinkedIn profile",
               MatchReason.NAME: "same name and organization"}


class Decision(StrEnum):
    ADD = "add"
    MERGE = "merge"
    SKIP = "skip"


@dataclass(frozen=True)
class PlanItem:
    draft: ContactDraft
    match_id: int | None = None
    match_name: str | None = None
    reason: MatchReason | None = None
    decision: Decision = Decision.ADD


@dataclass(frozen=True)
class ImportPlan:
    items: tuple[PlanItem, ...]
    problems: tuple[Problem, ...]

    @property
    def new(self) -> int:
        return sum(1 for item in self.items if item.match_id is None)

    @property
    def matching(self) -> int:
        return sum(1 for item in self.items if item.match_id is not None)

    def with_decision(self, index: int, decision: Decision) -> ImportPlan:
        item = self.items[index]
        if decision is Decision.MERGE and item.match_id is None:
            raise ValidationError(f"{item.draft.name} matches nobody here, so it cannot be merged.")
        items = list(self.items)
        items[index] = replace(item, decision=decision)
        return replace(self, items=tuple(items))


def linkedin_key(url: str | None) -> str | None:
    """`https://www.LinkedIn.com/in/maya-chen/?trk=x` and `linkedin.com/in/maya-chen` are one."""
    if not url:
        return None
    key = re.sub(r"^[a-z]+://", "", url.strip().lower())
    key = re.sub(r"^([a-z]{2,3}\.)?(www\.)?", "", key) if "linkedin." in key else key
    return key.split("?", 1)[0].split("#", 1)[0].rstrip("/") or None


def person_key(name: str, organization: str | None) -> str:
    """Name and organization folded: case, spacing and accents do not make a new person."""
    def fold(text: str) -> str:
        if text.isascii():
            return validate.name_key(text)
        plain = unicodedata.normalize("NFKD", text)
        plain = "".join(c for c in plain if not unicodedata.combining(c))
        return validate.name_key(plain)
    return f"{fold(name)}|{fold(organization or '')}"


def clean_drafts(drafts: Iterable[ContactDraft]) -> tuple[list[ContactDraft], list[Problem]]:
    """Drafts the store accepts (fields within limits), and a problem for each one dropped."""
    kept: list[ContactDraft] = []
    problems: list[Problem] = []
    for draft in drafts:
        try:
            kept.append(replace(
                draft,
                name=validate.name(draft.name),
                emails=tuple(validate.emails(draft.emails)),
                phones=tuple(validate.phone(p) for p in draft.phones),
                organization=validate.optional_text(draft.organization, "organization",
                                                    validate.MAX_NAME),
                title=validate.optional_text(draft.title, "title", validate.MAX_NAME),
                linkedin_url=validate.optional_text(draft.linkedin_url, "LinkedIn URL", 500),
                notes=validate.optional_text(draft.notes, "notes"),
                tags=tuple(validate.tags(draft.tags)),
            ))
        except ValidationError as exc:
            problems.append(Problem(draft.where, f"{exc.message} The contact was left out."))
    return kept, problems


def combine_within_file(drafts: Sequence[ContactDraft]) -> tuple[list[ContactDraft], list[Problem]]:
    """Rows of one file sharing an email or a profile URL are one person: combine them."""
    combined: list[ContactDraft] = []
    by_key: dict[str, int] = {}
    problems: list[Problem] = []
    for draft in drafts:
        keys = [f"e:{e.casefold()}" for e in draft.emails]
        url = linkedin_key(draft.linkedin_url)
        if url:
            keys.append(f"u:{url}")
        index = next((by_key[k] for k in keys if k in by_key), None)
        if index is None:
            index = len(combined)
            combined.append(draft)
        else:
            first = combined[index]
            combined[index] = combine(first, draft)
            problems.append(Problem(draft.where, f"the same person as {first.where} "
                                                 f"({first.name}); the two were combined."))
        for key in keys:
            by_key.setdefault(key, index)
    return combined, problems


def combine(first: ContactDraft, other: ContactDraft) -> ContactDraft:
    """First draft's single values win; lists are joined without repeats."""
    def union(a: tuple[str, ...], b: tuple[str, ...]) -> tuple[str, ...]:
        seen = {x.casefold() for x in a}
        return a + tuple(x for x in b if x.casefold() not in seen)
    return replace(
        first,
        emails=union(first.emails, other.emails), phones=union(first.phones, other.phones),
        tags=union(first.tags, other.tags),
        organization=first.organization or other.organization,
        title=first.title or other.title,
        linkedin_url=first.linkedin_url or other.linkedin_url,
        notes=first.notes or other.notes,
    )


class ExistingPeople:
    """Everyone already in the database, indexed by the three match keys (three queries)."""

    def __init__(self, session: Session) -> None:
        self.by_email: dict[str, int] = {}
        self.by_url: dict[str, int] = {}
        self.by_name: dict[str, int] = {}
        self.names: dict[int, str] = {}
        rows = session.execute(active(select(Person.id, Person.name, Person.linkedin_url,
                                             Organization.name))
                               .outerjoin(Organization, Organization.id == Person.organization_id)
                               .order_by(Person.id))
        for pid, name, url, org in rows:
            self.names[pid] = name
            self.by_name.setdefault(person_key(name, org), pid)
            key = linkedin_key(url)
            if key:
                self.by_url.setdefault(key, pid)
        for pid, address in session.execute(select(PersonEmail.person_id, PersonEmail.address)
                                            .order_by(PersonEmail.person_id)):
            if pid in self.names:  # not someone in the trash
                self.by_email.setdefault(address.casefold(), pid)

    def match(self, draft: ContactDraft) -> tuple[int, MatchReason] | None:
        for address in draft.emails:
            if address.casefold() in self.by_email:
                return self.by_email[address.casefold()], MatchReason.EMAIL
        url = linkedin_key(draft.linkedin_url)
        if url and url in self.by_url:
            return self.by_url[url], MatchReason.LINKEDIN
        key = person_key(draft.name, draft.organization)
        if key in self.by_name:
            return self.by_name[key], MatchReason.NAME
        return None


def make_plan(existing: ExistingPeople, drafts: Sequence[ContactDraft],
              problems: Sequence[Problem], *, merge_on_name: bool) -> ImportPlan:
    valid, dropped = clean_drafts(drafts)
    combined, folded = combine_within_file(valid)
    items = []
    for draft in combined:
        found = existing.match(draft)
        if found is None:
            items.append(PlanItem(draft))
            continue
        pid, reason = found
        merge = reason is not MatchReason.NAME or merge_on_name
        items.append(PlanItem(draft, pid, existing.names[pid], reason,
                              Decision.MERGE if merge else Decision.ADD))
    return ImportPlan(tuple(items), (*problems, *dropped, *folded))
