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
from introdesk.services import validate
from introdesk.services.base import DeskBase
from introdesk.services.people_index import PeopleIndex
from introdesk.services.search import active
from introdesk.store.models import Commitment, Event, Person, Tag, person_tag


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
            else:  # everyone: no index to build for that
                ids = list(session.scalars(active(select(Person.id)).order_by(
                    func.lower(Person.name), Person.id)))
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
            people = {p.id: p for p in session.scalars(
                select(Person).where(Person.id.in_(wanted))).unique()}
            params = self._settings_in(session).reliability_params()
            standings = self._reliability.standings(session, list(people), when, params)
            open_counts: dict[int, int] = defaultdict(int)
            overdue_counts: dict[int, int] = defaultdict(int)
            for owed_by, due in session.execute(
                select(Commitment.owed_by_id, Commitment.due_at).where(
                    Commitment.owed_by_id.in_(people), Commitment.resolution.is_(None))
            ):
                open_counts[owed_by] += 1
                if due < when:
                    overdue_counts[owed_by] += 1
            last: dict[int, datetime] = {}
            for column in (Event.person_id, Event.other_person_id):
                for pid, at in session.execute(
                    select(column, func.max(Event.at)).where(column.in_(people)).group_by(column)
                ):
                    if pid is not None and at is not None and (pid not in last or at > last[pid]):
                        last[pid] = at
            return [
                ContactRow(
                    id=p.id, name=p.name,
                    organization=p.organization.name if p.organization else None,
                    title=p.title, emails=tuple(e.address for e in p.emails),
                    tags=tuple(t.name for t in p.tags), standing=standings[p.id],
                    open_commitments=open_counts[p.id], overdue_commitments=overdue_counts[p.id],
                    last_activity=last.get(p.id),
                )
                for p in (people.get(i) for i in wanted) if p is not None
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
