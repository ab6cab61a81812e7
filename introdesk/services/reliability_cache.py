"""Everyone's reliability kept between calls, and kept equal to computing it afresh.

Per person the cache holds the resolved commitments summed at an anchor (core.anchored), which
stays valid as time passes. A write tells the cache which people it touched (DeskBase collects
the owers of every commitment a session changes); only they are read and summed again. A
statement that changes commitments in bulk, or new settings, empties it.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence
from datetime import datetime
from itertools import chain
from typing import Any

from sqlalchemy import (
    Float,
    Select,
    String,
    bindparam,
    cast,
    event,
    func,
    inspect,
    select,
    type_coerce,
)
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction

from introdesk.core.anchored import AnchoredSums, anchor_each, sums_at
from introdesk.core.reliability import ReliabilityParams, Standing, standing_from_sums
from introdesk.services import driver
from introdesk.store.models import Commitment, Person

# Beyond this many ids an IN (...) list is slower than reading every row (and SQLite caps
# the number of bound variables).
IN_LIST_LIMIT = 500


class ReliabilityCache:
    def __init__(self) -> None:
        self._params: ReliabilityParams | None = None
        self._anchor = 0.0
        self._sums: dict[int, AnchoredSums] = {}
        #: The people the last `standings` call had to read and sum (what a test looks at).
        self.last_computed: frozenset[int] = frozenset()

    def forget(self, person_ids: Iterable[int]) -> None:
        for person_id in person_ids:
            self._sums.pop(person_id, None)

    def forget_all(self) -> None:
        self._sums.clear()

    def standings(self, session: Session, ids: Sequence[int], when: datetime,
                  params: ReliabilityParams) -> dict[int, Standing]:
        """Score and tier (band on demand) of each id at `when`."""
        now = when.timestamp()
        if now < self._anchor:  # a score as it stood in the past: computed, not kept
            self.last_computed = frozenset(ids)
            return {i: _standing(s, now, params)
                    for i, s in summed(session, ids, anchor=now, params=params).items()}
        if params != self._params:
            self._params, self._anchor = params, now
            self._sums.clear()
        missing = [i for i in dict.fromkeys(ids) if i not in self._sums]
        if missing:
            self._sums.update(summed(session, missing, anchor=self._anchor, params=params))
        self.last_computed = frozenset(missing)
        return {i: _standing(self._sums[i], now, params) for i in ids}


class TouchedOwers:
    """Whose reliability one write session may have changed: the owers (old and new) of each
    commitment it inserted, changed or deleted, and each person it deleted; `everything` when
    a statement changed commitment or person rows in bulk (merge, forget, import)."""

    def __init__(self, session: Session) -> None:
        self.people: set[int] = set()
        self.everything = False
        event.listen(session, "after_flush", self._after_flush)
        event.listen(session, "do_orm_execute", self._on_execute)

    def apply_to(self, cache: ReliabilityCache) -> None:
        if self.everything:
            cache.forget_all()
        else:
            cache.forget(self.people)

    def _after_flush(self, session: Session, _flush: UOWTransaction) -> None:
        # Still the flush's view here: new/dirty/deleted and the attribute history.
        for obj in chain(session.new, session.dirty, session.deleted):
            if isinstance(obj, Commitment):
                self.people.add(obj.owed_by_id)
                self.people.update(inspect(obj).attrs.owed_by_id.history.deleted or ())
            elif isinstance(obj, Person) and obj.id is not None:
                self.people.add(obj.id)

    def _on_execute(self, state: ORMExecuteState) -> None:
        if not (state.is_insert or state.is_update or state.is_delete):
            return
        table = getattr(state.statement, "table", None)
        # Ids of people deleted in bulk may come back for new people (SQLite reuses them).
        if table is None or table.name in (Commitment.__tablename__, Person.__tablename__):
            self.everything = True


def _standing(sums: AnchoredSums, now: float, params: ReliabilityParams) -> Standing:
    return standing_from_sums(*sums_at(sums, now=now, params=params), params)


def summed(session: Session, ids: Sequence[int], *, anchor: float,
           params: ReliabilityParams) -> dict[int, AnchoredSums]:
    """Each id's resolved commitments summed at `anchor`, the database turning due times into
    POSIX seconds (parsing 400,000 timestamps in Python was most of the time)."""
    dialect = session.get_bind().dialect.name
    if len(ids) <= IN_LIST_LIMIT:  # a page of people: few rows, a statement built once
        rows = list(session.connection().execute(_resolved_of(dialect), {"ids": list(ids)}))
    else:
        rows = driver.rows(session, _resolved(dialect))
    found = anchor_each(rows, anchor=anchor, params=params)
    empty = AnchoredSums(anchor, 0.0, 0.0)
    return {i: found.get(i, empty) for i in ids}


@functools.cache
def _resolved(dialect: str) -> Select[Any]:
    """(ower, due as POSIX seconds, resolution) of every resolved commitment."""
    table = Commitment.__table__
    if dialect == "sqlite":  # SQLite keeps naive UTC text
        seconds: Any = (func.julianday(table.c.due_at) - 2440587.5) * 86400.0
    else:
        # A float in SQL: the driver's rows bypass SQLAlchemy's types (psycopg gives Decimal).
        seconds = cast(func.extract("epoch", table.c.due_at), Float)
    return select(table.c.owed_by_id, type_coerce(seconds, Float),
                  type_coerce(table.c.resolution, String)).where(
        table.c.resolution.is_not(None))


@functools.cache
def _resolved_of(dialect: str) -> Select[Any]:
    """`_resolved` for the people bound as `ids`."""
    return _resolved(dialect).where(
        Commitment.__table__.c.owed_by_id.in_(bindparam("ids", expanding=True)))
