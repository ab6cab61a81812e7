"""The damage check begun early, on another thread, while the window's start imports: its answer
is the one the open uses, and only while the file is as it was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from introdesk.core.errors import DamagedDatabaseError
from introdesk.services import Desk
from introdesk.store import soundness


def _filled(db_path: Path) -> Path:
    with Desk.open(db_path) as desk:
        for i in range(300):
            desk.add_person(f"Person {i:03}", notes="x" * 200)
    return db_path


def _garble(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    data[4096 * 5: 4096 * 5 + 300] = b"\x07" * 300
    db_path.write_bytes(bytes(data))


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Every quick check run, on whichever thread."""
    calls: list[Path] = []
    real = soundness.is_sound

    def counting(path: Path, *, thorough: bool = False) -> bool:
        calls.append(path)
        return real(path, thorough=thorough)

    monkeypatch.setattr(soundness, "is_sound", counting)
    return calls


def test_the_open_uses_the_answer_of_the_early_check(db_path: Path, counted: list[Path]) -> None:
    _filled(db_path)
    counted.clear()
    soundness.check_early(db_path.resolve())
    with Desk.open(db_path) as desk:
        assert desk.count_people() == 300
    assert counted == [db_path.resolve()]  # checked once, on the other thread
    with Desk.open(db_path):  # the early answer is used once: a later open checks again
        pass
    assert len(counted) == 2


def test_a_damaged_file_found_early_is_refused_untouched(db_path: Path) -> None:
    _filled(db_path)
    _garble(db_path)
    damaged = db_path.read_bytes()
    soundness.check_early(db_path)
    assert soundness.early_verdict(db_path) is False
    soundness.check_early(db_path)
    with pytest.raises(DamagedDatabaseError, match="is damaged"):
        Desk.open(db_path)
    assert db_path.read_bytes() == damaged


def test_a_file_changed_after_the_early_check_is_checked_again(
        db_path: Path, counted: list[Path]) -> None:
    _filled(db_path)
    counted.clear()
    soundness.check_early(db_path)
    with sqlite3.connect(db_path) as conn:  # another program writes meanwhile
        conn.execute("UPDATE person SET notes = 'changed' WHERE id = 1")
    assert soundness.early_verdict(db_path) is None
    assert len(counted) == 1
    with Desk.open(db_path) as desk:
        assert desk.get_person(1).notes == "changed"
    assert len(counted) == 2


def test_nothing_is_begun_for_a_new_file_or_a_server(tmp_path: Path,
                                                    counted: list[Path]) -> None:
    soundness.check_early(tmp_path / "new.db")
    soundness.check_early(None)
    assert counted == []
    assert soundness.early_verdict(tmp_path / "new.db") is None
