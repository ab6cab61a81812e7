"""Verified backups of an SQLite database: SQLite's backup API into a private temp file,
`quick_check`, then a rename into place (FIELD-NOTES: never a file copy of a live database)."""

from __future__ import annotations

import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from introdesk.core.errors import DatabaseError
from introdesk.core.retention import backups_to_keep
from introdesk.store.location import Location, make_private_folder

_NAME = re.compile(r"^introdesk-(\d{8}-\d{6})\.db$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    at: datetime
    size: int


def copy_database(source: Path, target: Path) -> str:
    """Copy through SQLite's backup API into a new private file (0600 from the start: SQLite
    would create it 0644); returns the copy's quick_check verdict ("ok" when sound)."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    reader = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
        return str(writer.execute("PRAGMA quick_check").fetchone()[0])
    finally:
        writer.close()
        reader.close()


def backup_folder(location: Location) -> Path:
    if location.path is None:
        raise DatabaseError(
            "introdesk backs up SQLite database files; back up a server database "
            f"({location.describe()}) with the server's own tools."
        )
    return location.path.parent / "backups"


def list_backups(folder: Path) -> list[BackupFile]:
    """Newest first."""
    found = []
    if folder.is_dir():
        for path in folder.iterdir():
            match = _NAME.match(path.name)
            if match:
                at = datetime.strptime(match.group(1), _STAMP).replace(tzinfo=UTC)
                found.append(BackupFile(path=path, at=at, size=path.stat().st_size))
    return sorted(found, key=lambda b: b.at, reverse=True)


def make_backup(location: Location, now: datetime | None = None) -> BackupFile:
    """Copy the database through SQLite's backup API, verify the copy, then keep it."""
    folder = backup_folder(location)
    assert location.path is not None
    make_private_folder(folder)
    when = (now or datetime.now(UTC)).astimezone(UTC)
    final = folder / f"introdesk-{when.strftime(_STAMP)}.db"
    temp = folder / f".{final.name}.partial"
    try:
        verdict = copy_database(location.path, temp)
        if verdict != "ok":
            raise DatabaseError(f"The backup did not pass its check ({verdict}); it was not kept.")
        os.chmod(temp, 0o600)
        os.replace(temp, final)
    except (OSError, sqlite3.Error) as exc:
        temp.unlink(missing_ok=True)
        raise DatabaseError(f"Could not back up the database into {folder}: {exc}.") from exc
    except DatabaseError:
        temp.unlink(missing_ok=True)
        raise
    prune(folder, when)
    return BackupFile(path=final, at=when.replace(microsecond=0), size=final.stat().st_size)


def prune(folder: Path, now: datetime) -> list[Path]:
    """Delete the backups the retention rule no longer keeps; returns what was removed."""
    backups = list_backups(folder)
    keep = backups_to_keep([b.at for b in backups], now)
    removed = []
    for backup in backups:
        if backup.at not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed
