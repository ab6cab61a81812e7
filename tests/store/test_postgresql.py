"""The same models and migrations on PostgreSQL, for a team of connectors sharing one database.

Uses $INTRODESK_TEST_POSTGRES_URL when set; otherwise starts a throwaway server on a Unix socket
(no TCP) if PostgreSQL is installed — .ci/run installs it, so CI always runs these tests.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from introdesk.core.errors import DatabaseError
from introdesk.core.vocabulary import RiskLevel, Tier
from introdesk.services import Desk, Expectation
from introdesk.store.schema import head_revision
from tests.conftest import T0

PORT = 55439


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


@pytest.fixture(scope="session")
def server_url() -> Iterator[str]:
    given = os.environ.get("INTRODESK_TEST_POSTGRES_URL")
    if given:
        yield given
        return
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not bins:
        pytest.skip("PostgreSQL is not installed here (.ci/run installs it)")
    bindir = os.path.dirname(bins[-1])
    folder = tempfile.mkdtemp(prefix="introdesk-pg-")
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    data = os.path.join(folder, "data")
    subprocess.run(_as_postgres([f"{bindir}/initdb", "-D", data, "-A", "trust", "-U", "introdesk",
                                 "--no-sync"]), check=True, capture_output=True)
    options = f"-k {folder} -p {PORT} -c listen_addresses='' -c fsync=off"
    subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-o", options, "-w", "-l",
                                 os.path.join(folder, "log"), "start"]),
                   check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://introdesk@/postgres?host={folder}&port={PORT}"
    finally:
        subprocess.run(_as_postgres([f"{bindir}/pg_ctl", "-D", data, "-m", "immediate", "stop"]),
                       capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture
def pg_url(server_url: str) -> Iterator[str]:
    """A fresh, empty database for one test."""
    name = f"introdesk_{uuid.uuid4().hex[:12]}"
    admin = create_engine(server_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield server_url.replace("/postgres?", f"/{name}?")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


def _made_and_ghosted(desk: Desk, owed_by: int, owed_to: int) -> int:
    """An intro of the two, made on T0 with `owed_by` promising a call, ghosted on day 3."""
    intro = desk.propose_intro(owed_by, owed_to, at=T0)
    desk.record_consent(intro.id, owed_by, agreed=True, at=T0)
    desk.record_consent(intro.id, owed_to, agreed=True, at=T0)
    made = desk.make_intro(intro.id, at=T0, expectations=[
        Expectation(owed_by, owed_to, "call", T0 + timedelta(days=2))])
    desk.resolve(made.commitments[0].id, "ghosted", at=T0 + timedelta(days=3))
    return intro.id


def test_the_scripting_api_runs_on_postgresql(pg_url: str) -> None:
    with Desk.open(pg_url) as desk:
        maya = desk.add_person("Maya Chen", email="maya@example.org", organization="Acme",
                               tags=["analytics"])
        dana = desk.add_person("Dana Ortiz")
        intro_id = _made_and_ghosted(desk, maya.id, dana.id)
        later = T0 + timedelta(days=10)
        assert desk.assess_risk(maya.id, now=later).level is RiskLevel.STOP
        assert desk.reliability(maya.id, now=later).tier is Tier.UNRELIABLE
        assert [p.name for p in desk.find_people("ACME")] == ["Maya Chen"]
        assert desk.timeline(person_id=maya.id)[0].at.tzinfo is not None
        dup = desk.add_person("M. Chen", email="mc@example.com", tags=["Analytics", "ml"])
        merged = desk.merge_people(maya.id, dup.id)
        assert merged.tags == ("analytics", "ml")
        merge_event = desk.timeline(person_id=maya.id)[0]
        assert desk.undo_merge(merge_event.id).id == dup.id
        desk.forget(dana.id)
        assert desk.get_intro(intro_id).side_b_name == "a forgotten person"
    with Desk.open(pg_url) as desk:  # reopening at head migrates nothing and keeps everything
        assert desk.get_person(maya.id).emails == ("maya@example.org",)


def test_a_newer_schema_is_refused_on_postgresql(pg_url: str) -> None:
    with Desk.open(pg_url):
        pass
    engine = create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    with pytest.raises(DatabaseError, match="newer version of introdesk"):
        Desk.open(pg_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT version_num FROM alembic_version")).scalar() == "9999_future"
    engine.dispose()
    assert head_revision() != "9999_future"


def test_an_import_and_everyones_tiers_run_on_postgresql(pg_url: str, tmp_path: Path) -> None:
    """The paths SQLite does not take: ids from RETURNING, rows through SQLAlchemy, and the
    reliability cache reading through the PostgreSQL driver."""
    source = tmp_path / "Connections.csv"
    source.write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                      "Maya,Chen,https://www.linkedin.com/in/maya,maya@example.org,Acme,CTO,"
                      "01 Mar 2024\nOmar,Haddad,,omar@example.org,Globex,,02 Mar 2024\n",
                      encoding="utf-8")
    with Desk.open(pg_url) as desk:
        first = desk.add_person("Dana Ortiz")
        assert desk.import_files([source], at=T0).added == 2
        maya, omar = desk.find_people("Maya Chen")[0], desk.find_people("Omar Haddad")[0]
        assert maya.id > first.id and omar.emails == ("omar@example.org",)
        assert maya.organization == "Acme" and maya.created_at == T0
        _made_and_ghosted(desk, omar.id, maya.id)
        later = T0 + timedelta(days=10)
        rows = desk.contact_rows([maya.id, omar.id], now=later)
        assert [r.standing.tier for r in rows] == [Tier.NEW, Tier.UNRELIABLE]
