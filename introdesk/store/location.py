"""Where the database lives: a file path or any SQLAlchemy URL, and the private data folder."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from introdesk.core.errors import DatabaseError

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

ENV_VAR = "INTRODESK_DB"
DEFAULT_FILE_NAME = "introdesk.db"


def data_dir() -> Path:
    # appauthor=False: None would double the name on Windows (FIELD-NOTES).
    return Path(platformdirs.user_data_dir("introdesk", appauthor=False))


@dataclass(frozen=True)
class Location:
    """A parsed database location: a SQLite file (`path`) or a server or memory URL."""

    path: Path | None
    server_url: URL | None = None

    @property
    def url(self) -> URL:
        # Built when asked: the window's start resolves a file before its first paint, and
        # importing SQLAlchemy takes longer than that paint.
        if self.server_url is not None:
            return self.server_url
        from sqlalchemy.engine import URL

        return URL.create("sqlite", database=str(self.path))

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None or self.url.get_backend_name() == "sqlite"

    def describe(self) -> str:
        if self.path is not None:
            return str(self.path)
        return self.url.render_as_string(hide_password=True)


def resolve(path_or_url: str | os.PathLike[str] | None = None) -> Location:
    """The location from an argument, else $INTRODESK_DB, else the user data folder."""
    if path_or_url is None or str(path_or_url).strip() == "":
        path_or_url = os.environ.get(ENV_VAR) or None
    if path_or_url is None:
        folder = data_dir()
        make_private_folder(folder)
        return _file_location(folder / DEFAULT_FILE_NAME)
    text = os.fspath(path_or_url)
    if "://" in text:
        # SQLAlchemy only for a URL: the window's start resolves a plain path before its
        # first paint, and importing SQLAlchemy takes longer than that paint.
        from sqlalchemy.engine import make_url
        from sqlalchemy.exc import ArgumentError

        try:
            url = make_url(text)
        except ArgumentError as exc:
            raise DatabaseError(f"'{text}' is not a database path or URL I can read: {exc}") from exc
        if url.get_backend_name() == "sqlite" and url.database not in (None, "", ":memory:"):
            return _file_location(Path(url.database or ""))
        return Location(path=None, server_url=url)
    return _file_location(Path(text))


def _file_location(path: Path) -> Location:
    path = path.expanduser().resolve()
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; give the path of a database file inside it.")
    return Location(path=path)


def make_private_folder(folder: Path) -> None:
    """Create the folder readable by the user alone; an existing folder of ours is tightened."""
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.chmod(folder, 0o700)
    except OSError as exc:
        raise DatabaseError(f"Cannot create the data folder {folder}: {exc.strerror}.") from exc


def create_private_file(path: Path) -> None:
    """Create the database file 0600 before SQLite does (it would use 0644 minus the umask).

    SQLite gives its -wal and -shm files the permissions of the database file.
    """
    if not path.parent.exists():
        make_private_folder(path.parent)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        tighten(path)
        return
    except OSError as exc:
        raise DatabaseError(f"Cannot create the database file {path}: {exc.strerror}.") from exc
    os.close(fd)


def tighten(path: Path) -> None:
    """Make an existing database file (and its WAL companions) private to the user."""
    for candidate in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        try:
            if candidate.exists() and (candidate.stat().st_mode & 0o077):
                os.chmod(candidate, 0o600)
        except PermissionError:
            pass  # not our file to change; SQLite will say if it cannot be used


def write_private_file(path: Path, data: bytes) -> None:
    """Write an export (personal data) readable by the user alone: 0600 from its first byte,
    to a temporary name beside it, then renamed, so a failure leaves no half file."""
    from introdesk.core.errors import IntrodeskError

    path = Path(path)
    temp = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        finally:
            if temp.exists():
                os.chmod(temp, 0o600)
        os.replace(temp, path)
    except OSError as exc:
        temp.unlink(missing_ok=True)
        reason = "the disk is full" if exc.errno == 28 else (exc.strerror or str(exc))
        raise IntrodeskError(f"Cannot write {path}: {reason}. Nothing was written.") from exc
