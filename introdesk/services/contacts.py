"""The contacts list as views need it: ids first (cheap), then display rows for a batch of ids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Float, String, func, select, type_coerce
from sqlalchemy.orm import Session

from introdesk.core import reliability as reliability_model
from introdesk.core.clock import aware_or_now
from introdesk.core.reliability import (
    OutcomeFact,
    Reliability,
    ReliabilityParams,
    Standing,
)
from introdesk.core.vocabulary import Tier
from introdesk.services import validate
from introdesk.services.base import DeskBase
from introdesk.services.people_index import PeopleIndex
from introdesk.services.search import active
from introdesk.store.models import Commitment, Event, Person, Tag, person_tag

# Beyond this many ids an IN (...) list is slower than reading every row (and SQLite caps
# the number of bound variables).
_IN_LIST_LIMIT = 500


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
            tiers = tiers_of(session, ids, when, params)
            return [i for i in ids if tiers[i] is chosen_tier]

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
            standings = standings_of(session, list(people), when, params)
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


def reliabilities(
    session: Session, ids: list[int], when: datetime, params: ReliabilityParams
) -> dict[int, Reliability]:
    outcomes = _outcomes(session, ids)
    return {i: reliability_model.score(outcomes[i], now=when, params=params) for i in ids}


def tiers_of(
    session: Session, ids: list[int], when: datetime, params: ReliabilityParams
) -> dict[int, Tier]:
    """Just the tiers: what a tier filter over everyone needs."""
    return {i: s.tier for i, s in standings_of(session, ids, when, params).items()}


def standings_of(
    session: Session, ids: list[int], when: datetime, params: ReliabilityParams
) -> dict[int, Standing]:
    """Score and tier without the band. The commitments are read raw (no per-row type
    conversion): a tier filter over a large network reads 400,000 of them."""
    table = Commitment.__table__
    # The database turns due times into POSIX seconds: parsing 400,000 timestamps in Python
    # was most of the time. (SQLite keeps naive UTC text; julianday reads it.)
    if session.get_bind().dialect.name == "sqlite":
        seconds: Any = (func.julianday(table.c.due_at) - 2440587.5) * 86400.0
    else:
        seconds = func.extract("epoch", table.c.due_at)
    query = select(table.c.owed_by_id, type_coerce(seconds, Float),
                   type_coerce(table.c.resolution, String)).where(
        table.c.resolution.is_not(None))
    if len(ids) <= _IN_LIST_LIMIT:
        query = query.where(table.c.owed_by_id.in_(ids))
    outcomes: dict[int, list[tuple[float, str]]] = defaultdict(list)
    for owed_by, due, resolution in session.execute(query).all():
        outcomes[owed_by].append((float(due), resolution))
    now = when.timestamp()
    return {i: reliability_model.standing_from_sums(*reliability_model.sums_from_seconds(
        outcomes[i], now=now, params=params), params) for i in ids}



def _outcomes(session: Session, ids: list[int]) -> dict[int, list[OutcomeFact]]:
    outcomes: dict[int, list[OutcomeFact]] = defaultdict(list)
    if ids:
        query = select(Commitment.owed_by_id, Commitment.due_at, Commitment.resolution,
                       Commitment.resolved_at).where(Commitment.resolution.is_not(None))
        if len(ids) <= _IN_LIST_LIMIT:
            query = query.where(Commitment.owed_by_id.in_(ids))
        for owed_by, due, resolution, resolved_at in session.execute(query):
            outcomes[owed_by].append(OutcomeFact(due, resolution, resolved_at))
    return outcomes
