"""How much a file may hold before introdesk refuses to read it (nothing is written then).

The limits keep a wrong file (a video renamed .csv, a database dump) from filling memory or
freezing an import; real contact exports stay far below them. Readers look the values up at
call time, so tests can shrink them.
"""

from __future__ import annotations

import math

from introdesk.core.errors import UnreadableFileError

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_LINE_CHARS = 1024 * 1024
MAX_PHOTO_BYTES = 5 * 1024 * 1024  # decoded; a bigger photo is dropped, its card still read
MAX_RECORDS = 100_000  # cards in a vCard file, rows in a CSV


def megabytes(count: int) -> str:
    """A size for people: rounded up to a tenth, so a file just over a limit never shows as
    the limit itself."""
    unit, size = ("MB", count / (1024 * 1024)) if count >= 1024 * 1024 else ("KB", count / 1024)
    shown = f"{math.ceil(size * 10) / 10:.1f}".removesuffix(".0")
    return f"{shown} {unit}"


def file_too_big(name: str, size: int) -> UnreadableFileError:
    return UnreadableFileError(
        f"{name} is {megabytes(size)}; introdesk reads contact files up to "
        f"{megabytes(MAX_FILE_BYTES)}. Split it into smaller files and import each.")


def line_too_long(name: str, line: int, length: int) -> UnreadableFileError:
    return UnreadableFileError(
        f"{name} has a line of {length:,} characters (line {line:,}); introdesk reads lines up "
        f"to {MAX_LINE_CHARS:,} characters. Is it really a contact file? Export your contacts "
        "again as vCard (.vcf) or CSV and import that.")


def too_many(name: str, kind: str) -> UnreadableFileError:
    return UnreadableFileError(
        f"{name} holds more than {MAX_RECORDS:,} {kind}; introdesk reads up to "
        f"{MAX_RECORDS:,} contacts from one file. Split it into smaller files and import each.")
