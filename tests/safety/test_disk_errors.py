"""A write that fails because the disk is full or the database turned read-only: a plain
message, the desk (and the window) keep working, and nothing committed is lost."""

from __future__ import annotations

import contextlib
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import event

from introdesk.core.errors import DatabaseError
from introdesk.services import Desk

NOTE = "n" * 8000


def _limit_pages(desk: Desk, extra_pages: int) -> None:
    """Every new connection may grow the file by only `extra_pages` pages: SQLITE_FULL after."""
    engine = desk._engine  # noqa: SLF001 - injecting the failure where SQLite would raise it
    with engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(engine, "connect")
    def limit(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + extra_pages}")

    engine.dispose()


def _fill_until_full(desk: Desk) -> tuple[int, DatabaseError]:
    added = 0
    for number in range(10_000):
        try:
            desk.add_person(f"Filler {number}", notes=NOTE)
        except DatabaseError as exc:
            return added, exc
        added += 1
    raise AssertionError("the disk never filled")


def test_a_full_database_says_so_and_keeps_what_was_saved(desk: Desk) -> None:
    maya = desk.add_person("Maya Chen", email="maya@example.org")
    _limit_pages(desk, 12)
    added, error = _fill_until_full(desk)
    assert added >= 1
    assert error.message == "The disk is full; nothing was saved. Free some space and try again."
    assert desk.count_people() == added + 1  # the refused person is not half there
    assert desk.get_person(maya.id).emails == ("maya@example.org",)
    with pytest.raises(DatabaseError, match="disk is full"):
        desk.edit_person(maya.id, notes=NOTE * 2)
    assert desk.get_person(maya.id).notes is None


@contextlib.contextmanager
def _small_filesystem(folder: Path, size: str) -> Iterator[Path]:
    folder.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                           str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip("cannot mount a small filesystem here (needs root); the injected "
                    "SQLITE_FULL test covers the same path")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_a_really_full_filesystem(tmp_path: Path) -> None:
    with _small_filesystem(tmp_path / "small", "400k") as folder:
        desk = Desk.open(folder / "network.db")
        try:
            maya = desk.add_person("Maya Chen")
            added, error = _fill_until_full(desk)
            assert "disk is full" in error.message or "could not be written" in error.message
            assert desk.get_person(maya.id).name == "Maya Chen"
            committed = desk.count_people()
            assert committed >= added + 1
        finally:
            desk.close()
        for stray in folder.glob("backups/*"):
            stray.unlink()
        with Desk.open(folder / "network.db") as again:  # reopens whole after the failure
            assert again.count_people() == committed


def test_a_database_that_turned_read_only_refuses_writes_in_words(tmp_path: Path) -> None:
    db = tmp_path / "network.db"
    with Desk.open(db) as desk:
        maya = desk.add_person("Maya Chen")
    with Desk.open(db) as desk:
        engine = desk._engine  # noqa: SLF001

        @event.listens_for(engine, "connect")
        def read_only(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
            # What SQLite does on a file it may not write (a read-only mount or file mode).
            dbapi_connection.execute("PRAGMA query_only=ON")

        engine.dispose()
        with pytest.raises(DatabaseError) as raised:
            desk.add_person("Dana Ortiz")
        assert raised.value.message == (f"The database {db} is read-only; nothing was saved.")
        assert desk.get_person(maya.id).name == "Maya Chen" and desk.count_people() == 1


@pytest.mark.skipif(os.geteuid() == 0, reason="file modes do not stop root (see the test above)")
def test_a_read_only_file_and_folder(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    db = folder / "network.db"
    with Desk.open(db) as desk:
        desk.add_person("Maya Chen")
    for suffix in ("-wal", "-shm"):
        Path(str(db) + suffix).unlink(missing_ok=True)
    db.chmod(0o400)
    folder.chmod(0o500)
    try:
        with pytest.raises(DatabaseError) as raised:
            with Desk.open(db) as desk:
                desk.add_person("Dana Ortiz")
        assert "read-only" in raised.value.message or "Cannot" in raised.value.message
    finally:
        folder.chmod(0o700)
        db.chmod(0o600)
    with Desk.open(db) as desk:
        assert [p.name for p in desk.list_people()] == ["Maya Chen"]


def test_a_database_on_a_read_only_mount_is_refused_in_words(tmp_path: Path) -> None:
    from introdesk.cli import main

    with _small_filesystem(tmp_path / "ro", "2m") as folder:
        db = folder / "network.db"
        with Desk.open(db) as desk:
            desk.add_person("Maya Chen")
        if subprocess.run(["mount", "-o", "remount,ro", str(folder)]).returncode != 0:
            pytest.skip("cannot remount read-only here")
        with pytest.raises(DatabaseError, match="in a folder introdesk cannot write to"):
            Desk.open(db)
        assert main(["--db", str(db), "demo"]) == 1  # the command line says why, in words
        subprocess.run(["mount", "-o", "remount,rw", str(folder)], check=True)
        with Desk.open(db) as desk:  # untouched, once the folder is writable again
            assert [p.name for p in desk.list_people()] == ["Maya Chen"]
