"""Check database: finds damage in plain words, repairs what it can after a backup, and a
second run finds nothing."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

from introdesk.services import Desk


def _damage(path: Path, intro_id: int) -> None:
    """What a crash, a bad tool or a byte flip can leave behind."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO person_email (person_id, address, position) VALUES (999, 'x@y.z', 0)")
    conn.execute("INSERT INTO event (at, kind, person_id, data) "
                 "VALUES ('2026-01-01 00:00:00', 'note', 998, '{}')")
    conn.execute("UPDATE person SET notes = CAST(x'4d61ff79' AS TEXT) WHERE id = 1")
    conn.execute("DELETE FROM consent WHERE intro_id = ? AND side = 'b'", (intro_id,))
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def test_check_finds_repairs_and_then_finds_nothing(db_path: Path) -> None:
    with Desk.open(db_path) as desk:
        maya, dana = desk.add_person("Maya Chen"), desk.add_person("Dana Ortiz")
        intro = desk.propose_intro(maya.id, dana.id)
        assert desk.check() == []
    _damage(db_path, intro.id)
    with Desk.open(db_path) as desk:
        findings = desk.check()
        texts = " | ".join(f.text for f in findings)
        assert "1 row of person_email point at person rows that no longer exist" in texts
        assert "1 row of event point at person rows" in texts
        assert "1 value of person.notes are not valid text" in texts
        assert f"Introduction #{intro.id} has no consent record for side B" in texts
        assert all(f.repairable for f in findings)
        done = desk.repair()
        assert len(desk.backups()) == 1  # the verified backup came first
        assert any("Removed an orphaned row of person_email" in line for line in done)
        assert desk.check() == []
        assert desk.repair() == []
        assert desk.get_person(maya.id).notes == "Ma\ufffdy"
        assert desk.get_intro(intro.id).consent_b.state == "not_asked"
        assert [p.name for p in desk.list_people()] == ["Dana Ortiz", "Maya Chen"]


def test_damage_sqlite_cannot_fix_is_reported_not_touched(db_path: Path, tmp_path: Path) -> None:
    with Desk.open(db_path) as desk:
        for i in range(300):
            desk.add_person(f"Person {i}", notes="x" * 200)
    data = bytearray(db_path.read_bytes())
    page = 4096
    data[page * 5: page * 5 + 300] = b"\x07" * 300  # garble a b-tree page
    db_path.write_bytes(bytes(data))
    result = subprocess.run([sys.executable, "-m", "introdesk", "--db", str(db_path), "check"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode != 0
    assert "is damaged" in result.stderr and "will not write to it" in result.stderr
    assert "Traceback" not in result.stderr


def test_the_check_command_on_a_sound_database(db_path: Path) -> None:
    with Desk.open(db_path) as desk:
        desk.add_person("Maya Chen")
    result = subprocess.run([sys.executable, "-m", "introdesk", "--db", str(db_path), "check"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0 and "no problems found" in result.stdout
