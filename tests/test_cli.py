"""The command line as a user meets it: real processes, one clear line per error."""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest

from introdesk import __version__
from introdesk.core.clock import utc_now
from introdesk.core.vocabulary import RiskLevel, Tier
from introdesk.services import Desk


def run(*args: str, env_db: str | None = None) -> subprocess.CompletedProcess[str]:
    import os

    env = dict(os.environ)
    if env_db is not None:
        env["INTRODESK_DB"] = env_db
    return subprocess.run([sys.executable, "-m", "introdesk", *args], capture_output=True,
                          text=True, env=env, timeout=120)


def assert_one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("introdesk: "), result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"introdesk {__version__}"


def test_demo_then_the_scripting_api(tmp_path: Path) -> None:
    db = tmp_path / "demo.db"
    result = run("--db", str(db), "demo")
    assert result.returncode == 0, result.stderr
    assert "people" in result.stdout and str(db) in result.stdout
    now = utc_now()
    with Desk.open(db) as desk:
        people = {p.name: p for p in desk.list_people()}
        assert 35 <= len(people) <= 45
        intros = desk.list_intros()
        assert 25 <= len(intros) <= 40
        made_at = [i.made_at for i in intros if i.made_at]
        assert min(made_at) < now - timedelta(days=600)  # spread over about two years
        resolutions = {c.resolution for i in intros for c in i.commitments}
        assert {"kept", "late", "withdrew", "excused", "ghosted", None} <= resolutions
        assert sum(i.outcome == "declined" for i in intros) >= 2
        assert desk.assess_risk(people["Jordan Blake"].id, now=now).level is RiskLevel.STOP
        assert desk.assess_risk(people["Priya Raman"].id, now=now).level is RiskLevel.CAUTION
        assert desk.assess_risk(people["Sam Okafor"].id, now=now).level is RiskLevel.CAUTION
        assert desk.reliability(people["Maya Chen"].id, now=now).tier is Tier.RELIABLE
        attention = desk.needs_attention(now=now)
        assert attention.overdue and attention.due_soon and attention.stale_consents
        assert desk.track_record(people["Dana Ortiz"].id).ghosted >= 1


def test_demo_refuses_a_database_that_holds_people(tmp_path: Path) -> None:
    db = tmp_path / "mine.db"
    with Desk.open(db) as desk:
        desk.add_person("My Own Contact")
    line = assert_one_clear_line(run("--db", str(db), "demo"))
    assert "already holds 1 people" in line or "already holds 1" in line
    with Desk.open(db) as desk:
        assert desk.count_people() == 1


def test_db_is_accepted_after_the_command(tmp_path: Path) -> None:
    db = tmp_path / "after.db"
    assert run("demo", "--db", str(db)).returncode == 0
    with Desk.open(db) as desk:
        assert desk.count_people() > 30


def test_the_environment_variable_chooses_the_database(tmp_path: Path) -> None:
    db = tmp_path / "env.db"
    assert run("demo", env_db=str(db)).returncode == 0
    assert db.exists()


def test_self_test_passes() -> None:
    result = run("--self-test")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip().endswith("self-test passed")


@pytest.mark.parametrize("args", [
    ("--db", "{tmp}", "demo"),                       # a folder
    ("--db", "{tmp}/newer.db", "demo"),              # a newer schema
    ("--db", "nosuchdriver://x/y", "demo"),          # an unknown URL scheme
    ("frobnicate",),                                 # an unknown command
])
def test_errors_are_one_line_without_traceback(tmp_path: Path, args: tuple[str, ...]) -> None:
    import sqlite3

    newer = tmp_path / "newer.db"
    with Desk.open(newer):
        pass
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num='9999'")
    assert_one_clear_line(run(*(a.format(tmp=tmp_path) for a in args)))


def test_no_display_is_one_clear_line(tmp_path: Path) -> None:
    import os

    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = subprocess.run([sys.executable, "-m", "introdesk", "--db", str(tmp_path / "x.db")],
                            capture_output=True, text=True, env=env, timeout=60)
    line = assert_one_clear_line(result)
    assert "No display found" in line
