"""Opening, migrating and refusing databases; pragmas and file permissions."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from introdesk.core.errors import DatabaseError
from introdesk.services import Desk
from introdesk.store import location as locations
from introdesk.store import schema
from introdesk.store.models import Base
from introdesk.store.schema import head_revision


def _bytes(path: Path) -> bytes:
    return path.read_bytes()


def test_a_new_database_is_migrated_to_head_and_matches_the_models(db_path: Path) -> None:
    with Desk.open(db_path):
        pass
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        context = MigrationContext.configure(conn)
        assert context.get_current_revision() == head_revision()
        assert compare_metadata(context, Base.metadata) == []
    engine.dispose()


def test_the_revisions_read_from_the_files_are_alembics(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Start-up reads the migrations' revision lines itself rather than import Alembic."""
    import shutil

    def alembics() -> dict[str, str | None]:
        return {script.revision: script.down_revision  # type: ignore[misc]
                for script in schema.script_directory().walk_revisions()}

    assert schema.known_revisions() == alembics()
    assert schema.head_revision() == schema.script_directory().get_current_head()
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0009_annotated.py").write_text(
        f"revision: str = '0009_annotated'\ndown_revision: str | None = '{head_revision()}'\n"
        "def upgrade():\n    pass\n")
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    assert schema.known_revisions() == alembics()
    assert schema.head_revision() == "0009_annotated"


def test_a_database_at_head_is_opened_without_importing_alembic(db_path: Path) -> None:
    with Desk.open(db_path):
        pass
    code = ("import sys; from introdesk.services import Desk; "
            f"Desk.open({str(db_path)!r}).close(); print('alembic' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=True)
    assert done.stdout.strip() == "False"


def test_every_connection_gets_the_safety_pragmas(desk: Desk) -> None:
    with desk._engine.connect() as conn:  # noqa: SLF001 - inspecting the engine itself
        values = {name: conn.execute(text(f"PRAGMA {name}")).scalar()
                  for name in ("foreign_keys", "journal_mode", "synchronous", "busy_timeout",
                               "secure_delete")}
    assert values == {"foreign_keys": 1, "journal_mode": "wal", "synchronous": 2,
                      "busy_timeout": 5000, "secure_delete": 1}


def test_reopening_at_head_changes_nothing(db_path: Path) -> None:
    with Desk.open(db_path) as desk:
        desk.add_person("Maya Chen")
    with sqlite3.connect(db_path) as conn:
        before = "\n".join(conn.iterdump())
    with Desk.open(db_path) as desk:
        assert desk.count_people() == 1
    with sqlite3.connect(db_path) as conn:
        assert "\n".join(conn.iterdump()) == before


def test_a_database_from_a_newer_introdesk_is_refused_untouched(db_path: Path) -> None:
    with Desk.open(db_path) as desk:
        desk.add_person("Maya Chen")
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        conn.commit()
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before = _bytes(db_path)
    mtime = db_path.stat().st_mtime_ns
    with pytest.raises(DatabaseError, match="newer version of introdesk .*9999_from_the_future"):
        Desk.open(db_path)
    assert _bytes(db_path) == before and db_path.stat().st_mtime_ns == mtime


def test_a_file_that_is_not_a_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"These are my notes, not a database.\n" * 200)
    before = _bytes(path)
    with pytest.raises(DatabaseError, match="not an introdesk database"):
        Desk.open(path)
    assert _bytes(path) == before


def test_another_programs_database_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    before = _bytes(path)
    with pytest.raises(DatabaseError, match="another program"):
        Desk.open(path)
    assert _bytes(path) == before


def test_a_folder_is_not_a_database(tmp_path: Path) -> None:
    with pytest.raises(DatabaseError, match="is a folder"):
        Desk.open(tmp_path)


def test_database_file_is_private_and_default_folder_is_0700(private_home: Path) -> None:
    old_umask = os.umask(0o022)
    try:
        with Desk.open() as desk:
            desk.add_person("Maya Chen")
            path = desk.location.path
            assert path is not None
            assert path == locations.data_dir() / "introdesk.db"
            assert str(path).startswith(str(private_home))
            for candidate in (path, path.with_name(path.name + "-wal")):
                assert stat.S_IMODE(candidate.stat().st_mode) == 0o600, candidate
            assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    finally:
        os.umask(old_umask)


def test_an_existing_world_readable_database_is_tightened(db_path: Path) -> None:
    with Desk.open(db_path):
        pass
    os.chmod(db_path, 0o644)
    with Desk.open(db_path):
        pass
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_the_environment_variable_and_urls_choose_the_database(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    chosen = tmp_path / "from-env.db"
    monkeypatch.setenv("INTRODESK_DB", str(chosen))
    with Desk.open() as desk:
        desk.add_person("Env Person")
    with Desk.open(f"sqlite:///{chosen}") as desk:
        assert [p.name for p in desk.list_people()] == ["Env Person"]
    with Desk.open("sqlite://") as desk:  # in memory: works, keeps nothing
        assert desk.count_people() == 0


def test_a_bad_url_is_a_clear_error() -> None:
    with pytest.raises(DatabaseError):
        Desk.open("nosuchdriver://user@host/db")


EXTRA_REVISION = """
from alembic import op

revision = "0002_recreate"
down_revision = "{down}"
branch_labels = None
depends_on = None


def upgrade():
    # Recreate the parent table, as batch mode does for most changes on SQLite.
    with op.batch_alter_table("person", recreate="always") as batch:
        batch.alter_column("title", existing_type=None, comment=None)
"""


def test_a_migration_recreating_a_parent_table_keeps_its_children(
    db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With foreign keys on, recreating `person` would cascade-delete every email (FIELD-NOTES)."""
    import shutil

    from introdesk.store import schema

    with Desk.open(db_path) as desk:
        person = desk.add_person("Maya Chen", emails=["maya@example.org"], tags=["analytics"])
        other = desk.add_person("Dana Ortiz")
        intro = desk.propose_intro(person.id, other.id)
    migrations = tmp_path / "migrations"
    shutil.copytree(schema.MIGRATIONS_DIR, migrations,
                    ignore=shutil.ignore_patterns("__pycache__"))
    (migrations / "versions" / "0002_recreate.py").write_text(
        EXTRA_REVISION.format(down=head_revision()))
    monkeypatch.setattr(schema, "MIGRATIONS_DIR", migrations)
    assert schema.head_revision() == "0002_recreate"
    with Desk.open(db_path) as desk:
        assert desk.get_person(person.id).emails == ("maya@example.org",)
        assert desk.get_person(person.id).tags == ("analytics",)
        assert desk.get_intro(intro.id).side_a_id == person.id
        with desk._engine.connect() as conn:  # noqa: SLF001
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_a_first_schema_database_keeps_its_events_when_upgraded(db_path: Path) -> None:
    """0002 recreates the event table (a wider CHECK on its kind): nothing may be lost."""
    from alembic import command

    engine = create_engine(f"sqlite:///{db_path}")
    with engine.begin() as conn:
        config = schema.alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, "0001")
        conn.execute(text("INSERT INTO connector (id, name, created_at) VALUES (1, 'Me', "
                          "'2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO person (id, name, created_at, updated_at) VALUES "
                          "(1, 'Maya Chen', '2026-01-01 00:00:00', '2026-01-01 00:00:00')"))
        conn.execute(text("INSERT INTO event (id, at, kind, connector_id, person_id, data) VALUES "
                          "(1, '2026-01-01 00:00:00', 'person_added', 1, 1, '{}')"))
    engine.dispose()
    with Desk.open(db_path) as desk:
        (event,) = desk.timeline(person_id=1)
        assert event.summary == "Added Maya Chen."
        dup = desk.add_person("M. Chen")
        desk.merge_people(1, dup.id)  # a kind the first schema's CHECK refused
        assert desk.timeline(person_id=1)[0].kind.value == "person_merged"
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        indexes = {r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name='event'")}
    assert {"ix_event_at", "ix_event_person_id_at", "ix_event_other_person_id_at",
            "ix_event_intro_id"} <= indexes
