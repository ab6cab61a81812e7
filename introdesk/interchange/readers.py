"""One entry for every contact file: the format is told by content first, then by name."""

from __future__ import annotations

from pathlib import Path

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange.column_map import ColumnMapping
from introdesk.interchange.csv_reader import read_csv
from introdesk.interchange.drafts import ReadResult
from introdesk.interchange.text import check_lines, decode, read_text_file
from introdesk.interchange.vcard_reader import looks_like_vcard, read_vcards

CONTACT_SUFFIXES = (".vcf", ".vcard", ".csv", ".txt")


def read_contacts(path: Path, *, mapping: ColumnMapping | None = None) -> ReadResult:
    """Drafts and problems from a vCard or CSV file. Raises UnreadableFileError only for a
    file that cannot be read at all (missing, too big, not text, not a contact file)."""
    if path.is_dir():
        raise UnreadableFileError(f"{path.name} is a folder; choose contact files inside it.")
    return read_contacts_text(read_text_file(path), path.name, mapping=mapping)


def read_contacts_bytes(data: bytes, name: str, *,
                        mapping: ColumnMapping | None = None) -> ReadResult:
    return read_contacts_text(decode(data, name), name, mapping=mapping)


def read_contacts_text(text: str, name: str, *,
                       mapping: ColumnMapping | None = None) -> ReadResult:
    check_lines(text, name)
    if looks_like_vcard(text):
        return read_vcards(text)
    suffix = Path(name).suffix.lower()
    if suffix == ".json":
        raise UnreadableFileError(f"{name} is a JSON file: introdesk reads its own JSON export "
                                  "into an empty database only (introdesk import FILE.json).")
    if suffix in (".vcf", ".vcard"):
        raise UnreadableFileError(f"{name} is not a vCard file (it does not start with "
                                  "BEGIN:VCARD). Export the contacts again and retry.")
    if not text.strip():
        raise UnreadableFileError(f"{name} is empty.")
    if suffix not in CONTACT_SUFFIXES and "," not in text and ";" not in text \
            and "\t" not in text:
        raise UnreadableFileError(f"{name} is neither a vCard nor a CSV file; introdesk "
                                  "imports .vcf and .csv files.")
    return read_csv(text, name, mapping)
