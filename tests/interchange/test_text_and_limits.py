"""Bytes to text (encodings, newlines, binary files) and the limits that refuse a whole file."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange import limits
from introdesk.interchange.readers import read_contacts, read_contacts_text
from introdesk.interchange.text import decode, read_text_file

CSV = "Name,Email\r\nJürgen Müller,j@example.de\r\nLéa Moreau,lea@example.fr\r\n"
EXPECTED = "Name,Email\nJürgen Müller,j@example.de\nLéa Moreau,lea@example.fr\n"


@pytest.mark.parametrize("data", [
    CSV.encode("utf-8"),
    codecs.BOM_UTF8 + CSV.encode("utf-8"),
    codecs.BOM_UTF16_LE + CSV.encode("utf-16-le"),
    codecs.BOM_UTF16_BE + CSV.encode("utf-16-be"),
    CSV.encode("utf-16-le"),  # no BOM: told by the zero bytes
    CSV.encode("cp1252"),
    CSV.replace("\r\n", "\r").encode("utf-8"),  # old Mac newlines
    CSV.replace("\r\n", "\n").encode("utf-8") + b"\x1a",  # a DOS end-of-file mark
], ids=["utf8", "utf8-bom", "utf16le-bom", "utf16be-bom", "utf16le-no-bom", "cp1252", "cr",
        "ctrl-z"])
def test_every_usual_encoding_and_newline_reads_the_same(data: bytes) -> None:
    assert decode(data, "people.csv") == EXPECTED


def test_a_utf8_bom_before_cp1252_bytes_is_not_read_as_text() -> None:
    assert decode(codecs.BOM_UTF8 + "Müller".encode("cp1252"), "x.csv") == "Müller"


def test_a_few_stray_control_characters_become_spaces() -> None:
    assert decode(b"Name\nMaya\x0bChen\n", "x.csv") == "Name\nMaya Chen\n"


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"Name\x00,Email\n",
                                  bytes(range(1, 32)) * 4, b"PK\x03\x04\x14\x00\x06\x00"])
def test_binary_files_are_unreadable(data: bytes) -> None:
    with pytest.raises(UnreadableFileError, match=r"^photo\.csv is not a text file"):
        decode(data, "photo.csv")


def test_a_cp1252_file_with_undefined_bytes_is_unreadable() -> None:
    with pytest.raises(UnreadableFileError, match=r"^x\.csv is not readable text .* UTF-8"):
        decode(b"Name\n\x81\x8d\x8f\n", "x.csv")


def test_the_size_is_checked_from_the_file_system_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("wb") as handle:  # sparse: 51 MB by size, nothing written
        handle.truncate(51 * 1024 * 1024)
    with pytest.raises(UnreadableFileError) as caught:
        read_contacts(big)
    assert caught.value.message == ("big.csv is 51 MB; introdesk reads contact files up to "
                                    "50 MB. Split it into smaller files and import each.")


def test_the_file_limit_applies_to_bytes_too(monkeypatch: pytest.MonkeyPatch,
                                             tmp_path: Path) -> None:
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", 1000)
    with pytest.raises(UnreadableFileError, match="^x.csv is 2 KB; .* up to 1 KB"):
        decode(b"a" * 2000, "x.csv")
    path = tmp_path / "y.csv"
    path.write_bytes(b"Name\n" + b"a\n" * 600)
    with pytest.raises(UnreadableFileError, match=r"^y\.csv is 1\.2 KB; .* up to 1 KB"):
        read_text_file(path)


def test_a_missing_file_or_a_folder(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFileError, match="^Cannot open missing.csv: .*Check that"):
        read_contacts(tmp_path / "missing.csv")
    (tmp_path / "exports").mkdir()
    with pytest.raises(UnreadableFileError, match="^exports is a folder"):
        read_contacts(tmp_path / "exports")


def test_a_line_over_the_limit_refuses_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_LINE_CHARS", 50)
    with pytest.raises(UnreadableFileError) as caught:
        read_contacts_text("Name,Email\n" + "x" * 60 + ",a@b.co\n", "long.csv")
    assert caught.value.message.startswith("long.csv has a line of 67 characters (line 2); "
                                           "introdesk reads lines up to 50 characters.")
    with pytest.raises(UnreadableFileError, match="line 3"):
        read_contacts_text("BEGIN:VCARD\nFN:Maya\nNOTE:" + "x" * 60 + "\nEND:VCARD\n", "a.vcf")


def test_too_many_rows_or_cards_refuse_the_file(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_RECORDS", 3)
    with pytest.raises(UnreadableFileError) as caught:
        read_contacts_text("Name,Email\n" + "Maya,m@example.org\n" * 5, "many.csv")
    assert caught.value.message == ("many.csv holds more than 3 rows; introdesk reads up to 3 "
                                    "contacts from one file. Split it into smaller files and "
                                    "import each.")
    with pytest.raises(UnreadableFileError, match="^many.vcf holds more than 3 cards"):
        read_contacts_text("BEGIN:VCARD\nFN:Maya\nEND:VCARD\n" * 5, "many.vcf")
    with pytest.raises(UnreadableFileError, match="more than 3 rows"):  # far past the limit
        read_contacts_text("Name,Email\n" + "Maya,m@example.org\n" * 200, "many.csv")
    # Exactly at the limit, with blank and padding rows around: read.
    text = "Name,Email\n\n" + "Maya,m@example.org\n,,\n" * 3 + "\n" * 50
    assert len(read_contacts_text(text, "three.csv").drafts) == 3
    assert len(read_contacts_text("BEGIN:VCARD\nFN:Maya\nEND:VCARD\n" * 3, "3.vcf").drafts) == 3
