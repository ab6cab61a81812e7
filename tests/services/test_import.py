"""Importing contacts: matching, one transaction, the imported event, the command line."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from introdesk.cli import main
from introdesk.core.errors import (
    OperationCancelled,
    UnreadableFileError,
    ValidationError,
)
from introdesk.core.vocabulary import EventKind
from introdesk.services import Desk
from introdesk.services.import_plan import Decision, MatchReason, linkedin_key
from tests.conftest import T0

FIXTURES = Path(__file__).parents[1] / "interchange" / "fixtures"


def _count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def test_a_linkedin_file_imports_with_one_event_and_a_backup(desk: Desk) -> None:
    desk.add_person("Someone Else", at=T0)
    summary = desk.import_files([FIXTURES / "linkedin_current.csv"], at=T0)
    assert (summary.added, summary.merged, summary.skipped) == (3, 0, 0)
    assert summary.describe() == ("Imported linkedin_current.csv: 3 added, 0 merged, 0 skipped, "
                                  "1 problem.")
    maya = desk.find_people("Maya Chen")[0]
    assert (maya.organization, maya.title) == ("Acme Analytics", "Analyst, Data Platform")
    assert maya.linkedin_url == "https://www.linkedin.com/in/maya-chen-0a1b2c"
    (event,) = desk.timeline(kinds=[EventKind.IMPORTED])
    assert event.data == {"source": "linkedin_current.csv", "format": "linkedin", "added": 3,
                          "merged": 0, "skipped": 0, "problems": 1}
    assert event.summary == ("Imported linkedin_current.csv (linkedin): 3 added, 0 merged, "
                             "0 skipped.")
    assert len(desk.backups()) == 1


def test_reimporting_merges_on_email_and_profile_and_fills_only_gaps(desk: Desk) -> None:
    desk.add_person("Dana O.", email="dana.ortiz@example.org", title="Chief Technology Officer",
                    at=T0)
    desk.add_person("Omar H", linkedin_url="http://linkedin.com/in/omar-haddad/", at=T0)
    read = desk.read_import_files([FIXTURES / "linkedin_current.csv"])
    plan = desk.plan_import(read)
    reasons = {i.draft.name: (i.reason, i.decision) for i in plan.items}
    assert reasons["Dana Ortiz (she/her) 🌱"] == (MatchReason.EMAIL, Decision.MERGE)
    assert reasons["Omar Haddad"] == (MatchReason.LINKEDIN, Decision.MERGE)
    assert reasons["Maya Chen, PhD"] == (None, Decision.ADD)
    summary = desk.apply_import(plan, source=read.source, format=read.format, at=T0)
    assert (summary.added, summary.merged) == (1, 2)
    dana = desk.find_person_by_email("dana.ortiz@example.org")
    assert dana is not None and dana.name == "Dana O."  # typed by the connector: kept
    assert dana.title == "Chief Technology Officer" and dana.organization == "Globex"
    assert desk.count_people() == 3


def test_name_and_organization_matches_are_offered_and_the_user_decides(desk: Desk) -> None:
    ruth = desk.add_person("ruth  OKAFOR", organization="umbrella", at=T0)
    read = desk.read_import_files([FIXTURES / "outlook_en.csv"])
    plan = desk.plan_import(read)
    (item,) = plan.items
    assert (item.match_id, item.reason, item.decision) == (ruth.id, MatchReason.NAME,
                                                           Decision.MERGE)
    assert desk.plan_import(read, merge_on_name=False).items[0].decision is Decision.ADD
    skipped = desk.apply_import(plan.with_decision(0, Decision.SKIP), source="x", format="y")
    assert (skipped.added, skipped.merged, skipped.skipped) == (0, 0, 1)
    assert desk.count_people() == 1
    with pytest.raises(ValidationError, match="cannot be merged"):
        desk.plan_import(desk.read_import_files([FIXTURES / "google.csv"])) \
            .with_decision(0, Decision.MERGE)


def test_rows_of_one_file_sharing_an_email_are_combined(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text("Name,Email,Phone\nMaya Chen,maya@example.org,\n"
                    "Maya C.,MAYA@example.org,+1 555 0100\n")
    read = desk.read_import_files([path])
    plan = desk.plan_import(read)
    (item,) = plan.items
    assert item.draft.phones == ("+1 555 0100",)
    assert "the same person as line 2" in str(plan.problems[-1])


def test_a_cancelled_import_writes_nothing(desk: Desk, db_path: Path) -> None:
    rows = "".join(f"Person {i},p{i}@example.org\n" for i in range(1200))
    read_path = db_path.parent / "many.csv"
    read_path.write_text("Name,Email\n" + rows)
    read = desk.read_import_files([read_path])
    plan = desk.plan_import(read)
    seen: list[tuple[int, int]] = []
    with pytest.raises(OperationCancelled):
        desk.apply_import(plan, source="many.csv", format="csv",
                          progress=lambda done, total: seen.append((done, total)),
                          cancelled=lambda: len(seen) >= 2)
    assert seen == [(500, 1200), (1000, 1200)]
    assert _count(db_path, "person") == 0 and _count(db_path, "person_email") == 0
    assert desk.timeline(kinds=[EventKind.IMPORTED]) == []
    done = desk.apply_import(plan, source="many.csv", format="csv")
    assert done.added == 1200 and _count(db_path, "person_email") == 1200


def test_an_unreadable_file_raises_and_writes_nothing(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "photo.vcf"
    path.write_bytes(b"\x00\x01\x02")
    with pytest.raises(UnreadableFileError):
        desk.import_files([FIXTURES / "google.csv", path])
    assert desk.count_people() == 0


def test_linkedin_keys_ignore_scheme_www_case_and_tracking() -> None:
    assert linkedin_key("https://www.LinkedIn.com/in/Maya-Chen/?trk=abc") == \
        linkedin_key("linkedin.com/in/maya-chen") == "linkedin.com/in/maya-chen"


def test_the_command_line_imports_and_prints_the_summary(
        db_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["import", str(FIXTURES / "android_qp.vcf"), str(FIXTURES / "google.csv"),
                 "--db", str(db_path)]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == ("Imported android_qp.vcf, google.csv: 3 added, 0 merged, "
                                   "0 skipped, 1 problem.")
    assert "android_qp.vcf, card 2 (line 10): 'not-an-email' is not an email address" in out
    assert main(["import", str(FIXTURES / "google.csv"), "--db", str(db_path)]) == 0
    assert "0 added, 1 merged" in capsys.readouterr().out
    assert main(["import", str(db_path.parent / "nope.csv"), "--db", str(db_path)]) == 1
    assert capsys.readouterr().err.startswith("introdesk: Cannot open nope.csv")
