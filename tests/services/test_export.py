"""Exports through the Desk and the command line: contents, privacy, the JSON round trip."""

from __future__ import annotations

import stat
from datetime import timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from introdesk.cli import main
from introdesk.core.errors import UnreadableFileError, ValidationError
from introdesk.interchange.readers import read_contacts
from introdesk.services import Desk, Expectation
from introdesk.services.demo import load_demo
from tests.conftest import T0


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _network(desk: Desk) -> tuple[int, int]:
    maya = desk.add_person("Maya Chen", email="maya@example.org", organization="Acme",
                           tags=["python"], notes="line one\nline two ✓", at=T0)
    dana = desk.add_person("Dana Ortiz", phones=["+1 555 0100"], at=T0)
    intro = desk.propose_intro(maya.id, dana.id, purpose="job_referral", context="Data role",
                               at=T0)
    desk.record_consent(intro.id, maya.id, agreed=True, at=T0)
    desk.record_consent(intro.id, dana.id, agreed=True, at=T0)
    desk.make_intro(intro.id, at=T0, expectations=[
        Expectation(maya.id, dana.id, "call", T0 + timedelta(days=2)),
        Expectation(dana.id, maya.id, "reply", T0 + timedelta(days=4))])
    return maya.id, intro.id


def test_contacts_export_as_vcard_and_csv_0600(desk: Desk, tmp_path: Path) -> None:
    maya_id, _ = _network(desk)
    assert desk.export_vcard(tmp_path / "all.vcf") == 2
    assert desk.export_csv(tmp_path / "one.csv", [maya_id]) == 1
    for name in ("all.vcf", "one.csv"):
        assert _mode(tmp_path / name) == 0o600
    back = read_contacts(tmp_path / "all.vcf").drafts
    assert [(d.name, d.emails, d.organization, d.tags, d.notes) for d in back][0] == (
        "Dana Ortiz", (), None, (), None)
    assert (back[1].emails, back[1].notes) == (("maya@example.org",), "line one\nline two ✓")
    csv_text = (tmp_path / "one.csv").read_bytes()
    assert csv_text.startswith(b"\xef\xbb\xbfName,") and b"Maya Chen" in csv_text
    assert not list(tmp_path.glob(".*.part"))


def test_calendar_of_open_follow_ups_by_person_and_intro(desk: Desk, tmp_path: Path) -> None:
    maya_id, intro_id = _network(desk)
    made = desk.get_intro(intro_id)
    desk.resolve(made.commitments[1].id, "kept", at=T0 + timedelta(days=3))
    assert desk.export_ics(tmp_path / "all.ics", now=T0) == 1
    assert desk.export_ics(tmp_path / "maya.ics", person_id=maya_id, now=T0) == 1
    assert desk.export_ics(tmp_path / "intro.ics", intro_id=intro_id, now=T0) == 1
    (event,) = Calendar.from_ical((tmp_path / "all.ics").read_bytes()).walk("VEVENT")
    assert str(event["summary"]) == "Maya Chen: call Dana Ortiz"
    assert event.decoded("dtstart") == T0 + timedelta(days=2)
    assert "Data role" in str(event["description"])
    assert _mode(tmp_path / "all.ics") == 0o600


def test_json_round_trip_reproduces_the_database_exactly(tmp_path: Path) -> None:
    with Desk.open(tmp_path / "a.db") as desk:
        load_demo(desk)
        maya_id, _ = _network(desk)
        forgotten = desk.add_person("Gone Person", email="gone@example.org")
        desk.forget(forgotten.id)
        desk.update_settings(half_life_days=200)
        count = desk.export_json(tmp_path / "out.json", now=T0)
        original = desk.dump_tables()
    assert _mode(tmp_path / "out.json") == 0o600
    with Desk.open(tmp_path / "b.db") as desk:
        assert desk.import_json(tmp_path / "out.json") == count
        assert desk.dump_tables() == original
        assert desk.reliability(maya_id, now=T0) is not None
        desk.add_person("After Import")  # ids continue past the imported ones
        with pytest.raises(ValidationError, match="empty database"):
            desk.import_json(tmp_path / "out.json")


def test_json_that_is_not_ours_is_refused(desk: Desk, tmp_path: Path) -> None:
    path = tmp_path / "x.json"
    path.write_text('{"format": "other"}')
    with pytest.raises(UnreadableFileError, match="not an introdesk export"):
        desk.import_json(path)
    path.write_text('{"format": "introdesk", "version": 99, "tables": {}}')
    with pytest.raises(UnreadableFileError, match="newer introdesk"):
        desk.import_json(path)
    assert desk.count_people() == 0


def test_export_from_the_command_line(db_path: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    with Desk.open(db_path) as desk:
        maya_id, intro_id = _network(desk)
    for fmt, words in (("vcf", "Wrote 2 contacts"), ("csv", "Wrote 2 contacts"),
                       ("ics", "Wrote 2 follow-ups"), ("json", "records")):
        out = tmp_path / f"out.{fmt}"
        assert main(["export", "--format", fmt, "--out", str(out), "--db", str(db_path)]) == 0
        assert words in capsys.readouterr().out and _mode(out) == 0o600
    assert main(["--db", str(db_path), "export", "--format", "ics", "--intro", str(intro_id),
                 "--out", str(tmp_path / "i.ics")]) == 0
    assert main(["--db", str(db_path), "export", "--format", "csv", "--intro", "1",
                 "--out", str(tmp_path / "x.csv")]) == 1
    assert "--intro works with --format ics only" in capsys.readouterr().err
    assert main(["--db", str(db_path), "export", "--format", "vcf", "--person", "999",
                 "--out", str(tmp_path / "x.vcf")]) == 1
    assert "There is no person with id 999" in capsys.readouterr().err
    assert not (tmp_path / "x.vcf").exists()
    fresh = tmp_path / "fresh.db"
    assert main(["--db", str(fresh), "import", str(tmp_path / "out.json")]) == 0
    assert "Imported out.json" in capsys.readouterr().out
