"""Choosing the reader: content first (BEGIN:VCARD, a known header), then the file's name."""

from __future__ import annotations

from pathlib import Path

import pytest

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange.column_map import Role, propose_mapping
from introdesk.interchange.readers import (
    read_contacts,
    read_contacts_bytes,
    read_contacts_text,
)

CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Maya Chen\r\nEND:VCARD\r\n"
LINKEDIN = ("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
            "Maya,Chen,https://www.linkedin.com/in/maya,,Acme,Analyst,30 May 2024\n")


@pytest.mark.parametrize("name", ["contacts.vcf", "contacts.VCARD", "contacts.csv",
                                  "contacts.txt", "contacts", "contacts.dat"])
def test_a_vcard_is_read_as_one_whatever_its_name(name: str) -> None:
    result = read_contacts_text("\n\n" + CARD, name)
    assert result.format == "vcard" and [d.name for d in result.drafts] == ["Maya Chen"]


def test_a_vcf_with_a_stray_line_before_its_first_card() -> None:
    result = read_contacts_text("exported by PhoneTool 2.0\n" + CARD, "phone.vcf")
    assert [d.name for d in result.drafts] == ["Maya Chen"]


@pytest.mark.parametrize("name", ["Connections.csv", "Connections.txt", "Connections",
                                  "Connections.export"])
def test_a_known_csv_shape_is_read_whatever_its_name(name: str) -> None:
    result = read_contacts_text(LINKEDIN, name)
    assert result.format == "linkedin" and [d.name for d in result.drafts] == ["Maya Chen"]


def test_bytes_with_a_bom_reach_the_right_reader() -> None:
    result = read_contacts_bytes(b"\xef\xbb\xbf" + CARD.encode(), "a.vcf")
    assert [d.name for d in result.drafts] == ["Maya Chen"]
    result = read_contacts_text("\ufeff" + CARD, "a.vcf")  # a BOM left in the text
    assert [d.name for d in result.drafts] == ["Maya Chen"]


def test_a_mapping_passes_through_to_the_csv_reader(tmp_path: Path) -> None:
    path = tmp_path / "list.csv"
    path.write_text("Who,Where\nMaya Chen,Acme\n", encoding="utf-8")
    mapping = propose_mapping(["Who", "Where"]).with_role(0, Role.NAME).with_role(
        1, Role.ORGANIZATION)
    (maya,) = read_contacts(path, mapping=mapping).drafts
    assert (maya.name, maya.organization) == ("Maya Chen", "Acme")


@pytest.mark.parametrize(("text", "name", "message"), [
    ("", "empty.csv", "empty.csv is empty. Export your contacts again and import the new file."),
    ("  \n\n", "blank.vcf", ("blank.vcf is empty. Export your contacts again and import the new "
                            "file.")),
    ("Hello there", "letter.vcf", ("letter.vcf is not a vCard file (no BEGIN:VCARD in it). "
                                  "Export the contacts again and retry.")),
    ("just some words, and more", "notes.pdf",
     ("notes.pdf is neither a vCard nor a contacts CSV file; introdesk imports .vcf files and "
     "CSV files (LinkedIn, Google, Outlook or any table with a name column).")),
    ('{"people": []}', "backup.json",
     ("backup.json is a JSON file: introdesk reads its own JSON export into an empty database "
     "only (introdesk import FILE.json).")),
])
def test_unreadable_files_raise_one_clear_error(text: str, name: str, message: str) -> None:
    with pytest.raises(UnreadableFileError) as caught:
        read_contacts_text(text, name)
    assert caught.value.message == message


def test_a_csv_or_txt_of_unknown_columns_goes_to_the_mapping_step() -> None:
    result = read_contacts_text("just some words, and more", "notes.txt")
    assert result.format == "csv" and result.needs_mapping and result.drafts == []
