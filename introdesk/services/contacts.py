"""The contacts list as views need it: ids first (cheap), then display rows for a batch of ids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from introdesk.core.clock import aware_or_now
from introdesk.core.reliability import (
    Standing,
)
from introdesk.core.vocabulary import Tier
from introdesk.services import contact_page, validate
from introdesk.services.base import DeskBase
from introdesk.services.people_index import PeopleIndex
from introdesk.services.search import active
from introdesk.store.models import (
    Person,
    Tag,
    person_tag,
)


@dataclass(frozen=True)
class ContactRow:
    """One line of the contacts table."""

    id: int
    name: str
    organization: str | None
    title: str | None
    emails: tuple[str, ...]
    tags: tuple[str, ...]
    standing: Standing
    open_commitments: int
    overdue_commitments: int
    last_activity: datetime | None

    @property
    def tier(self) -> Tier:
        return self.standing.tier


class ContactsOps(DeskBase):
    def contact_ids(
        self, text: str = "", *, tier: Tier | str | None = None, tag: str | None = None,
        now: datetime | None = None,
    ) -> list[int]:
        """Ids of the people matching the search words (name, organization, title, email, tag),
        the tag and the tier, ordered by name."""
        when = aware_or_now(now, "time")
        chosen_tier = validate.choice(Tier, tier, "tier") if tier is not None else None
        with self._read() as session:
            if (text or "").strip():
                ids = self._people_index(session).search(text)
            else:  # everyone: no index to build for that; plain rows, not ORM loading
                ids = list(session.connection().execute(active(select(Person.id)).order_by(
                    func.lower(Person.name), Person.id)).scalars())
            if tag:
                tagged = set(session.scalars(select(person_tag.c.person_id).join(Tag).where(
                    func.lower(Tag.name) == tag.strip().lower())))
                ids = [i for i in ids if i in tagged]
            if chosen_tier is None:
                return ids
            params = self._settings_in(session).reliability_params()
            standings = self._reliability.standings(session, ids, when, params)
            return [i for i in ids if standings[i].tier is chosen_tier]

    def contact_rows(self, ids: Sequence[int], *, now: datetime | None = None) -> list[ContactRow]:
        """Display rows for these ids, in the same order; ids that no longer exist are skipped.
        A fixed number of queries whatever the number of ids (no query per row)."""
        when = aware_or_now(now, "time")
        wanted = list(dict.fromkeys(ids))
        if not wanted:
            return []
        with self._read() as session:
            # Columns, not ORM objects: a page of 50 is read on a keystroke (and phones, which
            # the objects would bring, are not shown).
            connection = session.connection()
            people = {row[0]: row for row in
                      connection.execute(contact_page.PEOPLE, {"ids": wanted, "now": when})}
            found = list(people)
            emails: dict[int, list[str]] = defaultdict(list)
            for pid, address in connection.execute(contact_page.EMAILS, {"ids": found}):
                emails[pid].append(address)
            tags: dict[int, list[str]] = defaultdict(list)
            for pid, tag in connection.execute(contact_page.TAGS, {"ids": found}):
                tags[pid].append(tag)
            params = self._settings_in(session).reliability_params()
            standings = self._reliability.standings(session, found, when, params)
            return [
                ContactRow(
                    id=pid, name=name, organization=organization, title=title,
                    emails=tuple(emails[pid]), tags=tuple(tags[pid]), standing=standings[pid],
                    open_commitments=open_count, overdue_commitments=overdue_count,
                    last_activity=max(a, b) if a is not None and b is not None else a or b,
                )
                for pid in wanted if pid in people
                for (_, name, organization, title, open_count, overdue_count, a, b)
                in (people[pid],)
            ]

    def _people_index(self, session: Session) -> PeopleIndex:
        cached: tuple[int, PeopleIndex] | None = getattr(self, "_index_cache", None)
        if cached is None or cached[0] != self._generation:
            cached = (self._generation, PeopleIndex(session))
            self._index_cache = cached
        return cached[1]

    def tag_names(self) -> list[str]:
        with self._read() as session:
            return list(session.scalars(select(Tag.name).order_by(func.lower(Tag.name))))
