"""One entry for every contact file: the format is told by content first, then by name.

`ReadResult.format` is "vcard", "linkedin", "google", "outlook" or "csv" (a CSV of another
tool, whose column mapping the user confirms).
"""

from __future__ import annotations

from pathlib import Path

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange.column_map import ColumnMapping
from introdesk.interchange.csv_reader import read_csv
from introdesk.interchange.csv_shapes import load
from introdesk.interchange.drafts import ReadResult
from introdesk.interchange.text import check_lines, decode, read_text_file
from introdesk.interchange.vcard_reader import (
    contains_vcard,
    is_photo_line,
    looks_like_vcard,
    read_vcards,
)

VCARD_SUFFIXES = (".vcf", ".vcard")
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
CONTACT_SUFFIXES = VCARD_SUFFIXES + CSV_SUFFIXES


def read_contacts(path: Path, *, mapping: ColumnMapping | None = None) -> ReadResult:
    """Drafts and problems from a vCard or CSV file. Raises UnreadableFileError only for a
    file that cannot be read at all (missing, too big, not text, not a contact file)."""
    path = Path(path)
    if path.is_dir():
        raise UnreadableFileError(f"{path.name} is a folder; choose the contact files inside "
                                  "it.")
    return read_contacts_text(read_text_file(path), path.name, mapping=mapping)


def read_contacts_bytes(data: bytes, name: str, *,
                        mapping: ColumnMapping | None = None) -> ReadResult:
    return read_contacts_text(decode(data, name), name, mapping=mapping)


def read_contacts_text(text: str, name: str, *,
                       mapping: ColumnMapping | None = None) -> ReadResult:
    """The same as `read_contacts` for text already decoded; `name` is the file's name (its
    extension is a hint, and messages name it)."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    suffix = Path(name).suffix.lower()
    if looks_like_vcard(text) or suffix in VCARD_SUFFIXES and contains_vcard(text):
        check_lines(text, name, exempt=is_photo_line)
        return read_vcards(text, name)
    check_lines(text, name)
    if not text.strip():
        raise UnreadableFileError(f"{name} is empty. Export your contacts again and import "
                                  "the new file.")
    if suffix == ".json":
        raise UnreadableFileError(f"{name} is a JSON file: introdesk reads its own JSON export "
                                  "into an empty database only (introdesk import FILE.json).")
    if suffix in VCARD_SUFFIXES:
        raise UnreadableFileError(f"{name} is not a vCard file (no BEGIN:VCARD in it). "
                                  "Export the contacts again and retry.")
    if suffix not in CSV_SUFFIXES and not load(text, name).recognised:
        raise UnreadableFileError(f"{name} is neither a vCard nor a contacts CSV file; "
                                  "introdesk imports .vcf files and CSV files (LinkedIn, "
                                  "Google, Outlook or any table with a name column).")
    return read_csv(text, name, mapping)
