"""Verified, private backups; a backup before every migration; the retention rule applied."""

from __future__ import annotations

import shutil
import sqlite3
import stat
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from introdesk.core.errors import DatabaseError
from introdesk.services import Desk
from introdesk.store import schema
from introdesk.store.backup import list_backups
from tests.store.test_schema import EXTRA_REVISION


def _people(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT name FROM person ORDER BY name")]


def test_a_backup_is_a_verified_private_copy(db_path: Path) -> None:
    with Desk.open(db_path) as desk:
        desk.add_person("Maya Chen")
        made = desk.backup()
        desk.add_person("After Backup")  # the backup is a snapshot
        assert desk.backups() == [made]
    assert made.path.parent == db_path.parent / "backups"
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(made.path.parent.stat().st_mode) == 0o700
    assert _people(made.path) == ["Maya Chen"]
    with sqlite3.connect(made.path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert not list(made.path.parent.glob(".*partial"))


def test_old_backups_are_pruned_by_the_retention_rule(db_path: Path) -> None:
    with Desk.open(db_path) as desk:
        desk.add_person("Maya Chen")
        now = datetime(2026, 6, 30, 12, tzinfo=UTC)
        for hours in range(24 * 20, -1, -12):  # twenty days, every 12 hours
            desk.backup(now=now - timedelta(hours=hours))
        kept = desk.backups()
    stamps = [b.at for b in kept]
    assert stamps == sorted(stamps, reverse=True)
    assert len([s for s in stamps if now - s <= timedelta(days=2)]) == 5
    assert len(kept) < 41 and len(kept) >= 5 + 12


def test_a_server_database_is_not_backed_up_as_a_file() -> None:
    with Desk.open("sqlite://") as desk, pytest.raises(DatabaseError, match="server"):
        desk.backup()


def test_a_migration_is_preceded_by_a_verified_backup(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Desk.open(db_path) as desk:
        desk.add_person("Maya Chen")
    assert list_backups(db_path.parent / "backups") == []  # a fresh database needs none
    current = schema.head_revision()
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations, ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0002_recreate.py").write_text(
        EXTRA_REVISION.format(down=schema.head_revision()))
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    with Desk.open(db_path):
        pass
    (before,) = list_backups(db_path.parent / "backups")
    with sqlite3.connect(before.path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == current
    assert _people(before.path) == ["Maya Chen"]
    with Desk.open(db_path):  # at head now: no second backup
        pass
    assert len(list_backups(db_path.parent / "backups")) == 1


def test_the_backup_command(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with Desk.open(db) as desk:
        desk.add_person("Maya Chen")
    result = subprocess.run([sys.executable, "-m", "introdesk", "--db", str(db), "backup"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "verified" in result.stdout and "1 backup kept" in result.stdout
    (made,) = list_backups(tmp_path / "backups")
    assert _people(made.path) == ["Maya Chen"]
