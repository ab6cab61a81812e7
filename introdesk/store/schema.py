"""Bring a database to the app's schema, or refuse it without touching it.

Order matters: the revision is read before anything writes (even the WAL pragma changes the
file), so a database from a newer introdesk, or a file that is not ours, is left as it was.
"""

from __future__ import annotations

import ast
import functools
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, inspect, text
from sqlalchemy.exc import SQLAlchemyError

from introdesk.core.errors import DatabaseError
from introdesk.store.location import Location

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
VERSION_TABLE = "alembic_version"


def alembic_config() -> Config:
    # Alembic (a fifth of a second of imports) is loaded only when a migration runs.
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def script_directory() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def known_revisions() -> dict[str, str | None]:
    """Each migration shipped (revision -> the one before it), read from the migration files'
    `revision` and `down_revision` lines: every open asks, and Alembic's own reading would
    import it at every start. A test keeps this equal to Alembic's answer."""
    files = tuple((file, file.stat().st_mtime_ns)
                  for file in sorted((MIGRATIONS_DIR / "versions").glob("*.py")))
    return dict(_read_revisions(files))


@functools.lru_cache(maxsize=4)
def _read_revisions(files: tuple[tuple[Path, int], ...]) -> tuple[tuple[str, str | None], ...]:
    known: list[tuple[str, str | None]] = []
    for file, _changed in files:
        names: dict[str, object] = {}
        for node in ast.parse(file.read_text(encoding="utf-8")).body:
            target, value = (
                (node.targets[0], node.value) if isinstance(node, ast.Assign)
                and len(node.targets) == 1 else
                (node.target, node.value) if isinstance(node, ast.AnnAssign) else (None, None))
            if isinstance(target, ast.Name) and value is not None and target.id in (
                    "revision", "down_revision"):
                names[target.id] = ast.literal_eval(value)
        revision, down = names.get("revision"), names.get("down_revision")
        if isinstance(revision, str) and (down is None or isinstance(down, str)):
            known.append((revision, down))
    return tuple(known)


def head_revision() -> str:
    known = known_revisions()
    heads = set(known) - set(known.values())
    assert len(heads) == 1, f"the package must ship one line of migrations, not {heads}"
    return heads.pop()


def check_file_before_open(location: Location) -> None:
    """Read-only look at an existing SQLite file: ours, and not newer than this app?"""
    path = location.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return
    if not os.access(path.parent, os.W_OK):
        # SQLite writes its -wal and -shm files beside the database even to read it.
        raise DatabaseError(
            f"{path} is in a folder introdesk cannot write to (read-only, or not yours), and "
            "SQLite needs to write beside a database even to read it. Copy it to a folder you "
            "can write to, or fix the folder's permissions.")
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot read {path}: {exc}.") from exc
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revisions = (
            [row[0] for row in conn.execute(f"SELECT version_num FROM {VERSION_TABLE}")]
            if VERSION_TABLE in tables else []
        )
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            f"{path} is not an introdesk database (SQLite says: {exc}). "
            "Choose another file, or restore a backup."
        ) from exc
    finally:
        conn.close()
    if tables and VERSION_TABLE not in tables:
        raise DatabaseError(
            f"{path} is an SQLite database of another program, not introdesk's; "
            "introdesk leaves it untouched. Choose another file."
        )
    _check_revisions(revisions, location)


def _check_revisions(revisions: list[str], location: Location) -> None:
    known = known_revisions()
    for revision in revisions:
        if revision not in known:
            raise DatabaseError(
                f"The database {location.describe()} was written by a newer version of introdesk "
                f"(schema {revision}); this version knows schemas up to {head_revision()}. "
                "Update introdesk to open it; the file was left untouched."
            )


def current_revision(connection: Connection) -> str | None:
    """The schema revision the database says it is at; None for an empty database."""
    if not inspect(connection).has_table(VERSION_TABLE):
        return None
    revisions = list(connection.execute(text(f"SELECT version_num FROM {VERSION_TABLE}"))
                     .scalars())
    if len(revisions) > 1:
        raise DatabaseError(f"The database records {len(revisions)} schema revisions "
                            f"({', '.join(revisions)}); introdesk keeps one.")
    return str(revisions[0]) if revisions else None


def needs_upgrade(engine: Engine, location: Location) -> bool:
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            connection.rollback()
    except SQLAlchemyError as exc:
        raise DatabaseError(f"Could not read the database {location.describe()}: {exc}") from exc
    return revision != head_revision()


def upgrade(engine: Engine, location: Location) -> bool:
    """Migrate to head in one transaction; returns True if anything was applied."""
    try:
        with engine.connect() as connection:
            revision = current_revision(connection)
            connection.rollback()
            if revision is not None:
                _check_revisions([revision], location)
            if revision == head_revision():
                return False
            if engine.dialect.name == "sqlite":
                _upgrade_sqlite(connection)
            else:
                with connection.begin():
                    _run_alembic(connection)
            return True
    except DatabaseError:
        raise
    except SQLAlchemyError as exc:
        raise DatabaseError(
            f"Could not prepare the database {location.describe()}: {exc.__class__.__name__}: "
            f"{getattr(exc, 'orig', exc)}"
        ) from exc


def _upgrade_sqlite(connection: Connection) -> None:
    # Recreating a parent table in batch mode with foreign keys on would fire ON DELETE CASCADE
    # and silently empty its children (FIELD-NOTES). The pragma only works outside a transaction.
    raw = connection.connection.dbapi_connection
    assert raw is not None
    raw.execute("PRAGMA foreign_keys=OFF")
    try:
        with connection.begin():
            _run_alembic(connection)
            broken = connection.execute(text("PRAGMA foreign_key_check")).fetchall()
            if broken:
                tables = sorted({str(row[0]) for row in broken})
                raise DatabaseError(
                    "The schema update would leave rows pointing at missing rows in "
                    f"{', '.join(tables)}; nothing was changed."
                )
    finally:
        raw.execute("PRAGMA foreign_keys=ON")


def _run_alembic(connection: Connection) -> None:
    from alembic import command

    config = alembic_config()
    config.attributes["connection"] = connection
    command.upgrade(config, "head")


def table_names(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())
