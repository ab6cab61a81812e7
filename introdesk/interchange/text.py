"""Bytes to text for contact files: size first, then the encoding, then the lines.

Exports come as UTF-8 with or without a BOM, UTF-16 with a BOM (some Windows tools), or the
Windows code page cp1252 (Outlook). A file holding NUL bytes or control characters is not text.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange import limits

# Control characters other than tab, newline, carriage return, form feed: a binary file.
_BINARY = re.compile(r"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")


def read_text_file(path: Path) -> str:
    """The file's text with newlines normalised to \\n; UnreadableFileError if it is not text."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UnreadableFileError(f"Cannot open {path.name}: {exc.strerror or exc}.") from exc
    if size > limits.MAX_FILE_BYTES:
        raise UnreadableFileError(
            f"{path.name} is {limits.megabytes(size)}; introdesk reads contact files up to "
            f"{limits.megabytes(limits.MAX_FILE_BYTES)}. Split it into smaller files.")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnreadableFileError(f"Cannot read {path.name}: {exc.strerror or exc}.") from exc
    return decode(data, path.name)


def decode(data: bytes, name: str) -> str:
    if len(data) > limits.MAX_FILE_BYTES:
        raise UnreadableFileError(
            f"{name} is {limits.megabytes(len(data))}; introdesk reads contact files up to "
            f"{limits.megabytes(limits.MAX_FILE_BYTES)}. Split it into smaller files.")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _strict(data, "utf-16", name)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _strict(data, "cp1252", name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if _BINARY.search(text):
        raise UnreadableFileError(
            f"{name} is not a text file (it holds binary data). Export your contacts as "
            "vCard (.vcf) or CSV and import that.")
    return text


def check_lines(text: str, name: str) -> None:
    longest = max((len(line) for line in text.split("\n")), default=0)
    if longest > limits.MAX_LINE_CHARS:
        raise UnreadableFileError(
            f"{name} has a line of {longest:,} characters; introdesk reads lines up to "
            f"{limits.MAX_LINE_CHARS:,}. Is it really a contact file?")


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(
            f"{name} is not readable text ({exc.reason} at byte {exc.start}). "
            "Save it as UTF-8 and try again.") from exc
