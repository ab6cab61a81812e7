"""Putting a backup back: only a backup that passes `integrity_check`, and the current file is
kept aside (never overwritten) as `*.damaged` or `*.before-restore`."""

from __future__ import annotations

import os
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from introdesk.core.errors import DatabaseError
from introdesk.store.backup import (
    BackupFile,
    backup_folder,
    copy_database,
    list_backups,
)
from introdesk.store.location import Location
from introdesk.store.soundness import is_sound

COMPANIONS = ("", "-wal", "-shm")


def contents(path: Path) -> tuple[int, int]:
    """(people, introductions) in a database file, read-only; (0, 0) if it cannot be read."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return 0, 0
    try:
        people = conn.execute("SELECT count(*) FROM person").fetchone()[0]
        intros = conn.execute("SELECT count(*) FROM introduction").fetchone()[0]
        return int(people), int(intros)
    except sqlite3.Error:
        return 0, 0
    finally:
        conn.close()


def newest_sound_backup(location: Location) -> BackupFile | None:
    for candidate in list_backups(backup_folder(location)):
        if is_sound(candidate.path, thorough=True):
            return candidate
    return None


def set_aside(path: Path, suffix: str) -> Path:
    """Rename the database (and its WAL files) out of the way; returns the new main path."""
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.{stamp}.{suffix}")
    for companion in COMPANIONS:
        source = path.with_name(path.name + companion)
        if source.exists():
            os.replace(source, aside.with_name(aside.name + companion))
    return aside


def restore(location: Location, backup: Path, *, suffix: str = "before-restore") -> Path:
    """Replace the database with a verified copy of `backup`; returns where the old file went.
    Every connection to the database must be closed first."""
    path = location.path
    if path is None:
        raise DatabaseError("Only SQLite database files are restored from backups.")
    if not is_sound(backup, thorough=True):
        raise DatabaseError(f"The backup {backup.name} does not pass its integrity check; "
                            "choose another.")
    temp = path.with_name(f".{path.name}.restoring")
    try:
        if copy_database(backup, temp) != "ok":
            raise DatabaseError(f"The copy of {backup.name} did not pass its check.")
        aside = set_aside(path, suffix) if path.exists() else path
        os.replace(temp, path)
    except (OSError, sqlite3.Error) as exc:
        temp.unlink(missing_ok=True)
        raise DatabaseError(f"Could not restore {backup.name}: {exc}.") from exc
    except DatabaseError:
        temp.unlink(missing_ok=True)
        raise
    return aside
