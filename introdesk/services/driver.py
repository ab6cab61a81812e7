"""Statements run on the database driver's own cursor, inside the session's transaction.

Only for the few places where SQLAlchemy's per-row work is most of the time: reading the
400,000 resolved commitments of a large network, writing the 30,000 people of an import.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Select
from sqlalchemy.orm import Session


def rows(session: Session, query: Select[Any]) -> list[Any]:
    """The rows as the driver returns them. Only numbers may be bound: they are inlined."""
    connection = session.connection()
    sql = str(query.compile(dialect=connection.dialect,
                            compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def insert_many(session: Session, table: str, columns: Sequence[str],
                values: Sequence[Sequence[Any]]) -> None:
    """`values` (already in the database's own types) into `table` in one executemany; on
    SQLite only (its driver's `?` placeholders)."""
    connection = session.connection()
    assert connection.dialect.name == "sqlite"
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})"
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.executemany(sql, values)
    finally:
        cursor.close()
