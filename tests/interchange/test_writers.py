"""vCard, CSV and calendar writers: exact output, safe cells, and vCard out → in."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from introdesk.interchange.csv_writer import neutralize, write_csv
from introdesk.interchange.drafts import ContactDraft
from introdesk.interchange.ics_writer import CalendarEntry, write_calendar
from introdesk.interchange.readers import read_contacts_text
from introdesk.interchange.vcard_writer import fold, write_vcards

JUERGEN = ContactDraft(
    name="Jürgen Müller, PhD", emails=("j@example.de", "jm@example.com"),
    phones=("+49 30 123456",), organization="Bäckerei; Größe GmbH", title="CEO, founder",
    linkedin_url="https://www.linkedin.com/in/jm", notes="a;b,c\\d\nsecond line " + "ü" * 70,
    tags=("a,b", "bakers"))


def test_vcard_round_trip_keeps_every_field() -> None:
    people = [JUERGEN, ContactDraft(name="Maya")]
    text = write_vcards(people)
    back = read_contacts_text(text, "out.vcf")
    assert back.problems == []
    assert [d._replace(where="") for d in back.drafts] == people


def test_vcard_lines_are_escaped_crlf_and_folded_at_75_octets() -> None:
    text = write_vcards([JUERGEN])
    assert text.startswith("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Jürgen Müller\\, PhD\r\n")
    assert "N:Müller;Jürgen;;;\r\n" in text
    assert "ORG:Bäckerei\\; Größe GmbH\r\n" in text and "CATEGORIES:a\\,b,bakers\r\n" in text
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert "\n" not in text.replace("\r\n", "")
    assert fold("x" * 80) == "x" * 75 + "\r\n " + "x" * 5
    folded = fold("ü" * 40)  # 80 octets: a two-octet character is never split
    assert folded.split("\r\n ")[0] == "ü" * 37


@pytest.mark.parametrize("hostile", ["=1+1", "+1 555", "-2+3", "@SUM(A1)", "\t=1", "\r=1",
                                     "  =HYPERLINK(\"http://x\")"])
def test_csv_cells_never_start_a_formula(hostile: str) -> None:
    text = write_csv([ContactDraft(name=hostile, notes=hostile, tags=(hostile,),
                                   organization=hostile)])
    rows = list(csv.reader(io.StringIO(text)))
    for cell in rows[1]:
        if cell:
            assert cell.startswith("'") and cell[1:] == hostile
    assert neutralize("Maya Chen") == "Maya Chen" and neutralize("") == ""


def test_csv_has_a_header_and_joins_lists() -> None:
    rows = list(csv.reader(io.StringIO(write_csv([JUERGEN]))))
    assert rows[0] == ["Name", "Emails", "Phones", "Organization", "Title", "LinkedIn URL",
                       "Tags", "Notes"]
    # A phone number starting with + is neutralized too: spreadsheets read "+..." as a formula.
    assert rows[1][:3] == ["Jürgen Müller, PhD", "j@example.de; jm@example.com",
                           "'+49 30 123456"]


def test_calendar_has_vevents_at_due_time_without_alarms() -> None:
    due = datetime(2026, 3, 4, 9, 0, tzinfo=UTC)
    data = write_calendar([CalendarEntry("commitment-7@introdesk", "Maya Chen: call Dana Ortiz",
                                         "Follow-up of introduction #3", due)],
                          now=datetime(2026, 3, 2, tzinfo=UTC))
    calendar = Calendar.from_ical(data)
    (event,) = calendar.walk("VEVENT")
    assert str(event["uid"]) == "commitment-7@introdesk"
    assert event.decoded("dtstart") == due
    assert (event.decoded("dtend") - due).total_seconds() == 1800
    assert str(event["summary"]) == "Maya Chen: call Dana Ortiz"
    assert calendar.walk("VTODO") == [] and calendar.walk("VALARM") == []
