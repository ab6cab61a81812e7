"""Before an import writes anything: which drafts are new, which match people already here.

A match is found by the same email, the same LinkedIn profile URL, or the same normalized name
and organization. Drafts in one file that share an email or profile are combined first.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import NamedTuple

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


class PlanItem(NamedTuple):  # not a dataclass: one is made for each of 30,000 rows
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
        items[index] = item._replace(decision=decision)
        return replace(self, items=tuple(items))


def linkedin_key(url: str | None) -> str | None:
    """`https://www.LinkedIn.com/in/maya-chen/?trk=x` and `linkedin.com/in/maya-chen` are one.

    The scheme (`^[a-z]+://`) goes and, on LinkedIn's hosts, a country or language prefix and
    `www.` (`^([a-z]{2,3}\\.)?(www\\.)?`); string tests, not expressions: this runs for each
    of 30,000 rows."""
    if not url:
        return None
    key = url.strip().lower()
    if key.startswith("https://www.linkedin.com/"):  # what LinkedIn's own exports hold
        return key[12:].split("?", 1)[0].split("#", 1)[0].rstrip("/") or None
    scheme = key.find("://")
    if scheme > 0 and _ascii_letters(key[:scheme]):
        key = key[scheme + 3:]
    if "linkedin." in key:
        dot = key.find(".")
        if 2 <= dot <= 3 and _ascii_letters(key[:dot]):
            key = key[dot + 1:]
        key = key.removeprefix("www.")
    return key.split("?", 1)[0].split("#", 1)[0].rstrip("/") or None


def _ascii_letters(text: str) -> bool:
    return text.isascii() and text.isalpha()


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
            kept.append(_cleaned(draft))
        except ValidationError as exc:
            problems.append(Problem(draft.where, f"{exc.message} The contact was left out."))
    return kept, problems


def _cleaned(draft: ContactDraft) -> ContactDraft:
    given = (draft.name, draft.emails, draft.phones, draft.organization, draft.title,
             draft.linkedin_url, draft.notes, draft.tags)
    cleaned = (
        validate.name(draft.name),
        tuple(validate.emails(draft.emails)) if draft.emails else (),
        tuple(validate.phone(p) for p in draft.phones) if draft.phones else (),
        validate.optional_text(draft.organization, "organization", validate.MAX_NAME),
        validate.optional_text(draft.title, "title", validate.MAX_NAME),
        validate.optional_text(draft.linkedin_url, "LinkedIn URL", 500),
        validate.optional_text(draft.notes, "notes"),
        tuple(validate.tags(draft.tags)) if draft.tags else (),
    )
    # A reader's drafts are clean already: most come through unchanged, and are not copied.
    if cleaned == given:
        return draft
    name, emails, phones, organization, title, linkedin_url, notes, tags = cleaned
    return draft._replace(name=name, emails=emails, phones=phones, organization=organization,
                          title=title, linkedin_url=linkedin_url, notes=notes, tags=tags)


def combine_within_file(drafts: Sequence[ContactDraft], url_keys: Mapping[str, str | None],
                        ) -> tuple[list[ContactDraft], list[Problem]]:
    """Rows of one file sharing an email or a profile URL are one person: combine them.
    `url_keys` holds the `linkedin_key` of each draft's profile URL."""
    combined: list[ContactDraft] = []
    by_key: dict[str, int] = {}
    problems: list[Problem] = []
    for draft in drafts:
        keys = [f"e:{e.casefold()}" for e in draft.emails] if draft.emails else []
        url = url_keys.get(draft.linkedin_url) if draft.linkedin_url else None
        if url:
            keys.append(f"u:{url}")
        index = None
        for key in keys:
            if key in by_key:
                index = by_key[key]
                break
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
    return first._replace(
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

    def match(self, draft: ContactDraft, url: str | None) -> tuple[int, MatchReason] | None:
        """The person here `draft` is, if any; `url` is the `linkedin_key` of its profile."""
        if not self.names:  # an empty desk: the first import of a whole network
            return None
        for address in draft.emails:
            if address.casefold() in self.by_email:
                return self.by_email[address.casefold()], MatchReason.EMAIL
        if url and url in self.by_url:
            return self.by_url[url], MatchReason.LINKEDIN
        key = person_key(draft.name, draft.organization)
        if key in self.by_name:
            return self.by_name[key], MatchReason.NAME
        return None


def make_plan(existing: ExistingPeople, drafts: Sequence[ContactDraft],
              problems: Sequence[Problem], *, merge_on_name: bool) -> ImportPlan:
    valid, dropped = clean_drafts(drafts)
    # Each profile URL's key once: combining and matching both look it up.
    url_keys = {d.linkedin_url: linkedin_key(d.linkedin_url) for d in valid if d.linkedin_url}
    combined, folded = combine_within_file(valid, url_keys)
    items = []
    for draft in combined:
        found = existing.match(
            draft, url_keys.get(draft.linkedin_url) if draft.linkedin_url else None)
        if found is None:
            items.append(PlanItem(draft))
            continue
        pid, reason = found
        merge = reason is not MatchReason.NAME or merge_on_name
        items.append(PlanItem(draft, pid, existing.names[pid], reason,
                              Decision.MERGE if merge else Decision.ADD))
    return ImportPlan(tuple(items), (*problems, *dropped, *folded))
