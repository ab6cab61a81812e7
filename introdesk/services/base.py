"""What every group of Desk operations shares: the engine, one session per action, events."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any, TypeVar

from sqlalchemy import Engine, select
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from introdesk.core.clock import utc_now
from introdesk.core.errors import DatabaseError, NotFoundError
from introdesk.core.vocabulary import EventKind
from introdesk.services.reliability_cache import ReliabilityCache, TouchedOwers
from introdesk.services.settings import DeskSettings
from introdesk.store.engine import WRITE_OPTION
from introdesk.store.location import Location
from introdesk.store.models import Base, Connector, Event, Setting

ModelT = TypeVar("ModelT", bound=Base)

_WHAT = {
    "Person": "person",
    "Organization": "organization",
    "Introduction": "introduction",
    "Commitment": "commitment",
    "Connector": "connector",
}


class DeskBase:
    """Holds the engine; each public Desk method is one short session (one user action)."""

    def __init__(self, engine: Engine, location: Location, connector_id: int) -> None:
        self._engine = engine
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})
        self.location = location
        self.connector_id = connector_id
        self._closed = False
        # Counts committed writes, so caches of what is stored know when they are stale.
        self._generation = 0
        self._reliability = ReliabilityCache()
        self._settings_cache: tuple[int, DeskSettings] | None = None

    @contextmanager
    def _write(self) -> Iterator[Session]:
        """One transaction: commits when the block ends, writes nothing if it raises."""
        self._check_open()
        touched: TouchedOwers | None = None
        try:
            with Session(self._write_engine, expire_on_commit=False) as session, session.begin():
                touched = TouchedOwers(session)
                yield session
        except OperationalError as exc:
            raise _database_error(exc, self.location) from exc
        finally:
            self._generation += 1  # even a failed write may have been half-seen by a cache
            if touched is not None:
                touched.apply_to(self._reliability)

    def _changed_behind_sessions(self) -> None:
        """The file was changed without a session (restore, repair): every cache is stale."""
        self._generation += 1
        self._reliability.forget_all()

    @contextmanager
    def _read(self) -> Iterator[Session]:
        self._check_open()
        try:
            with Session(self._engine) as session, session.begin():
                yield session
        except OperationalError as exc:
            raise _database_error(exc, self.location) from exc

    @property
    def closed(self) -> bool:
        return self._closed

    def _check_open(self) -> None:
        if self._closed:
            raise DatabaseError("This desk is closed; open the database again to use it.")

    @staticmethod
    def _get(session: Session, model: type[ModelT], object_id: int) -> ModelT:
        if isinstance(object_id, bool) or not isinstance(object_id, int):
            what = _WHAT.get(model.__name__, model.__name__.lower())
            raise NotFoundError(f"A {what} id is a whole number, not {object_id!r}.")
        found = session.get(model, object_id)
        if found is None:
            what = _WHAT.get(model.__name__, model.__name__.lower())
            raise NotFoundError(f"There is no {what} with id {object_id}.")
        return found

    def _event(
        self, session: Session, kind: EventKind, at: datetime, **refs: Any
    ) -> Event:
        data = refs.pop("data", None) or {}
        event = Event(at=at, kind=kind, connector_id=self.connector_id, data=data, **refs)
        session.add(event)
        return event

    def settings(self) -> DeskSettings:
        with self._read() as session:
            return _load_settings(session)

    def _settings_in(self, session: Session) -> DeskSettings:
        """The settings, read again only after a write (a page of contacts needs them)."""
        generation = self._generation  # before reading: a write meanwhile makes this stale
        cached = self._settings_cache
        if cached is None or cached[0] != generation:
            cached = self._settings_cache = (generation, _load_settings(session))
        return cached[1]

    def update_settings(self, **changes: Any) -> DeskSettings:
        """Change one or more settings (see `DeskSettings` for the names); returns them all."""
        with self._write() as session:
            updated = _load_settings(session).with_changes(**changes)
            for key, value in changes.items():
                session.merge(Setting(key=key, value=value))
            return updated


def _load_settings(session: Session) -> DeskSettings:
    stored = {row.key: row.value for row in session.scalars(select(Setting))}
    return DeskSettings.from_stored(stored)


def ensure_connector(engine: Engine) -> int:
    """The first connector ("Me") is created on first open; returns the lowest connector id."""
    with Session(engine.execution_options(**{WRITE_OPTION: True})) as session, session.begin():
        connector_id = session.scalar(select(Connector.id).order_by(Connector.id).limit(1))
        if connector_id is None:
            connector = Connector(name="Me", created_at=utc_now())
            session.add(connector)
            session.flush()
            connector_id = connector.id
        return connector_id


def _database_error(exc: OperationalError, location: Location) -> DatabaseError:
    detail = str(getattr(exc, "orig", exc))
    if "readonly" in detail or "read-only" in detail:
        return DatabaseError(f"The database {location.describe()} is read-only; nothing was saved.")
    if "locked" in detail or "busy" in detail:
        return DatabaseError(
            f"The database {location.describe()} is busy in another program; try again in a moment."
        )
    if "disk" in detail and "full" in detail:
        return DatabaseError("The disk is full; nothing was saved. Free some space and try again.")
    return DatabaseError(f"The database {location.describe()} could not be used: {detail}.")
