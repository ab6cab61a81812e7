"""Every shape FIELD-NOTES lists, read from fixtures written for these tests (invented people)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange import limits
from introdesk.interchange.column_map import Role, propose_mapping
from introdesk.interchange.csv_reader import parse_date
from introdesk.interchange.drafts import ContactDraft, ReadResult
from introdesk.interchange.readers import read_contacts, read_contacts_text

FIXTURES = Path(__file__).with_name("fixtures")


def read(name: str) -> ReadResult:
    return read_contacts(FIXTURES / name)


def by_name(result: ReadResult) -> dict[str, ContactDraft]:
    return {d.name: d for d in result.drafts}


def test_linkedin_current_export_with_preamble_bom_crlf_and_hidden_members() -> None:
    result = read("linkedin_current.csv")
    assert result.format == "linkedin"
    people = by_name(result)
    assert list(people) == ["Maya Chen, PhD", "Dana Ortiz (she/her) 🌱", "Omar Haddad"]
    maya = people["Maya Chen, PhD"]
    assert (maya.organization, maya.title, maya.emails) == ("Acme Analytics",
                                                            "Analyst, Data Platform", ())
    assert maya.linkedin_url == "https://www.linkedin.com/in/maya-chen-0a1b2c"
    assert maya.connected_on == date(2024, 5, 30) and maya.where == "line 5"
    assert people["Dana Ortiz (she/her) 🌱"].emails == ("Dana.Ortiz@example.org",)
    assert people["Omar Haddad"].organization == "Initech, Inc."
    assert [str(p) for p in result.problems] == [
        "2 rows without a name (LinkedIn members who hide their details) were left out."]


def test_linkedin_2018_export_member_urns_are_not_emails() -> None:
    result = read("linkedin_2018.csv")
    assert result.format == "linkedin" and result.problems == []
    lee, ana = result.drafts
    assert (lee.name, lee.emails, lee.connected_on) == ("Lee Park", (), date(2018, 1, 8))
    assert (ana.emails, ana.connected_on) == (("ana.silva@example.com",), date(2017, 12, 24))


@pytest.mark.parametrize("name", ["linkedin_excel_header.csv", "linkedin_excel_noheader.csv"])
def test_linkedin_excel_resaves_with_and_without_a_header(name: str) -> None:
    result = read(name)
    assert result.format == "linkedin" and result.problems == []
    first = result.drafts[0]
    assert first.connected_on == date(2023, 4, 23)
    assert first.linkedin_url is not None and "linkedin.com/in/" in first.linkedin_url
    if name.endswith("noheader.csv"):
        assert [d.name for d in result.drafts] == ["Zoe Berg", "Kai Ito"]
        assert result.drafts[1].emails == ("kai@example.net",)


def test_google_csv_splits_values_on_three_colons() -> None:
    result = read("google.csv")
    assert result.format == "google" and result.problems == []
    (noor,) = result.drafts
    assert noor.name == "Noor Khan"
    assert noor.emails == ("noor@example.org", "noor.khan@example.com", "noor@home.example")
    assert noor.phones == ("+44 20 7946 0000", "+44 7700 900000")
    assert (noor.organization, noor.title) == ("Initech", "Staff Engineer")
    assert noor.tags == ("Mentors",) and noor.notes == "Met at the\ndata meetup"
    (sam,) = read("google_2020.csv").drafts
    assert (sam.name, sam.tags, sam.phones) == ("Sam J. Reyes", ("Friends",), ("+1 555 0100",))


def test_outlook_english_ignores_the_honorific_title_and_display_name() -> None:
    result = read("outlook_en.csv")
    assert result.format == "outlook" and result.problems == []
    (ruth,) = result.drafts
    assert (ruth.name, ruth.title) == ("Ruth Okafor", "Director of Research")
    assert ruth.emails == ("ruth.okafor@example.org", "r.okafor@example.net")
    assert ruth.tags == ("VIP", "Research") and ruth.notes == "Board contact"


def test_outlook_german_in_cp1252_through_the_synonym_table() -> None:
    raw = (FIXTURES / "outlook_de.csv").read_bytes()
    assert "Müller".encode("cp1252") in raw  # really cp1252, not UTF-8
    result = read("outlook_de.csv")
    assert result.format == "outlook" and result.problems == []
    (juergen,) = result.drafts
    assert (juergen.name, juergen.organization, juergen.title) == (
        "Jürgen Müller", "Bäckerei Größe GmbH", "Geschäftsführer")
    assert juergen.emails == ("juergen.mueller@example.de",)
    assert juergen.phones == ("+49 30 123456",) and juergen.notes == "Kennt François aus Köln"


def test_other_csv_proposes_a_mapping_for_the_user_to_confirm() -> None:
    result = read("semicolon_other.csv")
    assert result.needs_mapping and result.mapping is not None
    assert result.mapping.roles == (Role.NAME, Role.EMAIL, Role.ORGANIZATION, Role.TITLE,
                                    Role.NOTES)
    confirmed = read_contacts(FIXTURES / "semicolon_other.csv", mapping=result.mapping)
    (lea,) = confirmed.drafts
    assert (lea.name, lea.emails, lea.organization) == ("Léa Moreau", ("lea.moreau@example.fr",),
                                                        "Société Générale Test")


def test_unrecognised_columns_are_read_once_the_user_maps_them() -> None:
    result = read("unknown_columns.csv")
    assert result.needs_mapping and result.drafts == []
    assert result.headers == ("Who", "Where", "Reach")
    mapping = propose_mapping(result.headers).with_role(0, Role.NAME) \
        .with_role(1, Role.ORGANIZATION).with_role(2, Role.EMAIL)
    people = by_name(read_contacts(FIXTURES / "unknown_columns.csv", mapping=mapping))
    assert people["Tom Hart"].organization == "Hart & Co"
    assert people["Léa Moreau"].emails == ("lea@example.fr",)


def test_android_quoted_printable_and_a_bad_email_cost_only_that_email() -> None:
    result = read("android_qp.vcf")
    juergen, ruth = result.drafts
    assert juergen.name == "Jürgen Müller"
    assert juergen.notes == "Kennt viele Leute in Köln und spricht gern über Brot."
    assert juergen.phones == ("+49 170 1234567",)
    assert (ruth.organization, ruth.title, ruth.tags) == ("Umbrella", "Director of Research",
                                                         ("Board", "VIP"))
    assert ruth.emails == ("ruth.okafor@example.org",)
    assert ruth.linkedin_url == "https://www.linkedin.com/in/ruth-okafor"
    assert [p.where for p in result.problems] == ["card 2 (line 10)"]


def _photo_bytes() -> bytes:
    return b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4


def test_iphone_vcard3_photo_and_escaped_commas() -> None:
    (kai,) = read("iphone_photo.vcf").drafts
    assert kai.photo == _photo_bytes()
    assert kai.notes == "Prefers email, never calls." and kai.organization == "Globex"


def test_vcard4_data_uri_photo_bom_and_folded_lines() -> None:
    result = read("v4_data_photo.vcf")
    (zoe,) = result.drafts
    assert zoe.photo == _photo_bytes()
    assert zoe.title == "This title is folded across two lines"
    assert result.problems == []


def test_one_broken_card_costs_one_card() -> None:
    result = read("one_bad_card.vcf")
    assert [d.name for d in result.drafts] == ["Maya Chen", "Dana Ortiz"]
    wheres = {p.where for p in result.problems}
    assert wheres == {"card 2 (line 6)", "card 3 (line 14)"}


def test_an_oversized_photo_is_dropped_with_a_problem(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_PHOTO_BYTES", 100)
    result = read("iphone_photo.vcf")
    (kai,) = result.drafts
    assert kai.photo is None and kai.name == "Kai Ito"
    assert "photo is over" in result.problems[0].what


def test_limits_refuse_the_whole_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:  # sparse: 51 MB by size, nothing written
        handle.truncate(51 * 1024 * 1024)
    with pytest.raises(UnreadableFileError, match="up to 50 MB"):
        read_contacts(big)
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 50)
    with pytest.raises(UnreadableFileError, match="line of"):
        read_contacts_text("Name,Email\n" + "x" * 60 + ",a@b.co\n", "long.csv")
    monkeypatch.setattr(limits, "MAX_RECORDS", 3)
    with pytest.raises(UnreadableFileError, match="more than 3 rows"):
        read_contacts_text("Name,Email\n" + "Maya,m@example.org\n" * 5, "many.csv")
    with pytest.raises(UnreadableFileError, match="more than 3 cards"):
        read_contacts_text("BEGIN:VCARD\nFN:Maya\nEND:VCARD\n" * 5, "many.vcf")


@pytest.mark.parametrize(("content", "name", "words"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "photo.csv", "not a text file"),
    (b"", "empty.csv", "is empty"),
    (b"Hello there", "letter.vcf", "not a vCard"),
    (b"just some words", "notes.pdf", "neither a vCard nor a CSV"),
])
def test_unreadable_files_raise_one_clear_error(tmp_path: Path, content: bytes, name: str,
                                                words: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(UnreadableFileError, match=words):
        read_contacts(path)
    with pytest.raises(UnreadableFileError, match="Cannot open"):
        read_contacts(tmp_path / "missing.csv")


@pytest.mark.parametrize(("text", "expected"), [
    ("30 May 2024", date(2024, 5, 30)), ("1/8/18, 6:14 PM", date(2018, 1, 8)),
    ("23-Apr-23", date(2023, 4, 23)), ("2024-05-30", date(2024, 5, 30)),
    ("31 Feb 2024", None), ("yesterday", None), ("02 Jun 2022", date(2022, 6, 2)),
])
def test_dates_use_a_fixed_english_month_table(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


def test_a_maxed_out_linkedin_network_reads_whole() -> None:
    rows = [f"Person{i},Surname{i},https://www.linkedin.com/in/p{i},,Org {i % 50},Role,"
            f"{1 + i % 28} May 2024" for i in range(30_000)]
    text = ("Notes:\n\"note\"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,"
            "Connected On\n" + "\n".join(rows) + "\n")
    result = read_contacts_text(text, "Connections.csv")
    assert len(result.drafts) == 30_000 and result.problems == []
    assert result.drafts[-1].name == "Person29999 Surname29999"
