"""A damaged database is never written: refused on open with the newest good backup named;
restoring keeps the damaged file aside and puts back a verified copy."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from introdesk.core.errors import DamagedDatabaseError
from introdesk.services import Desk
from introdesk.ui.app import open_or_recover


def _fill_and_back_up(db_path: Path) -> Path:
    with Desk.open(db_path) as desk:
        for i in range(300):
            desk.add_person(f"Person {i:03}", notes="x" * 200)
        made = desk.backup()
    return made.path


def _garble(db_path: Path) -> bytes:
    data = bytearray(db_path.read_bytes())
    data[4096 * 5: 4096 * 5 + 300] = b"\x07" * 300
    db_path.write_bytes(bytes(data))
    return bytes(data)


def test_a_damaged_database_is_refused_untouched_and_names_the_backup(db_path: Path) -> None:
    backup = _fill_and_back_up(db_path)
    damaged = _garble(db_path)
    with pytest.raises(DamagedDatabaseError, match="is damaged") as error:
        Desk.open(db_path)
    assert error.value.backup_path == backup
    assert backup.name in error.value.message
    assert "holding 300 people and 0 introductions" in error.value.message
    assert db_path.read_bytes() == damaged  # not a byte written


def test_restoring_keeps_the_damaged_file_aside(qapp, db_path: Path) -> None:
    _fill_and_back_up(db_path)
    damaged = _garble(db_path)
    asked = []
    with open_or_recover(str(db_path), ask=lambda parent, err: asked.append(err) or True) as desk:
        assert desk.count_people() == 300
    assert len(asked) == 1
    (aside,) = db_path.parent.glob(f"{db_path.name}.*.damaged")
    assert aside.read_bytes() == damaged
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_declining_the_restore_changes_nothing(qapp, db_path: Path) -> None:
    _fill_and_back_up(db_path)
    damaged = _garble(db_path)
    with pytest.raises(DamagedDatabaseError):
        open_or_recover(str(db_path), ask=lambda parent, err: False)
    assert db_path.read_bytes() == damaged
    assert not list(db_path.parent.glob("*.damaged"))
