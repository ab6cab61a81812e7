"""The SQLAlchemy engine, with the SQLite pragmas every connection needs (FIELD-NOTES)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from introdesk.core.errors import DatabaseError
from introdesk.store.location import Location

BUSY_TIMEOUT_MS = 5000

# Execution option asking for BEGIN IMMEDIATE: a write transaction takes the write lock at once,
# so it waits (busy_timeout) instead of failing half-way when another writer holds it.
WRITE_OPTION = "introdesk_write"

_SQLITE_PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    # Deleted text is overwritten with zeros, so "forget" leaves no copy in the file.
    "PRAGMA secure_delete=ON",
    "PRAGMA journal_mode=WAL",
    # NORMAL in WAL mode can lose the last commits on power loss.
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def make_engine(location: Location) -> Engine:
    try:
        if location.is_sqlite:
            engine = create_engine(
                location.url,
                connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
            )
            _install_sqlite_hooks(engine)
            return engine
        return create_engine(location.url, pool_pre_ping=True)
    except (SQLAlchemyError, ImportError) as exc:
        raise DatabaseError(f"Cannot open the database {location.describe()}: {exc}") from exc


def _install_sqlite_hooks(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_connection: Any, _record: Any) -> None:
        # Take transaction control from pysqlite, which would not BEGIN before DDL or reads;
        # SQLAlchemy's "begin" event below emits BEGIN itself.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in _SQLITE_PRAGMAS:
                cursor.execute(pragma)
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def on_begin(connection: Any) -> None:
        immediate = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")
