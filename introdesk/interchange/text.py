"""Bytes to text for contact files: size first, then the encoding, then the lines.

Exports come as UTF-8 with or without a BOM, UTF-16 (some Windows tools, usually with a BOM),
or the Windows code page cp1252 (Outlook). A file holding NUL bytes or many control characters
is not text: a photo, a spreadsheet or a database picked by mistake.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange import limits

# Control characters other than tab and newline (CR is gone by then).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)


def read_text_file(path: Path) -> str:
    """The file's text with newlines normalised to \\n; UnreadableFileError if it is not text.

    The size is taken from the file system first, so a huge file is refused unread."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise _cannot(f"Cannot open {path.name}", exc) from exc
    if size > limits.MAX_FILE_BYTES:
        raise limits.file_too_big(path.name, size)
    try:
        with path.open("rb") as handle:
            # One byte more than allowed: a file that grew since stat() is still caught.
            data = handle.read(limits.MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise _cannot(f"Cannot read {path.name}", exc) from exc
    return decode(data, path.name)


def _cannot(what: str, exc: OSError) -> UnreadableFileError:
    return UnreadableFileError(f"{what}: {exc.strerror or exc}. Check that the file exists "
                               "and that you may read it.")


def decode(data: bytes, name: str) -> str:
    """Text from a file's bytes, whatever of the usual encodings it is in."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise limits.file_too_big(name, len(data))
    if data.startswith(_UTF32_BOMS):
        text = _strict(data, "utf-32", name)
    elif data.startswith(_UTF16_BOMS):
        text = _strict(data, "utf-16", name)
    elif (encoding := _bomless_utf16(data)) is not None:
        text = _strict(data, encoding, name)
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            # Not UTF-8: Outlook's Windows code page. A stray UTF-8 BOM would read as "ï»¿".
            text = _strict(data.removeprefix(codecs.BOM_UTF8), "cp1252", name)
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return _without_controls(text.removesuffix("\x1a"), name)  # ^Z: an old DOS end of file


def _bomless_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte of plain text is zero."""
    sample = data[:400]
    if len(sample) < 4 or len(sample) % 2:
        return None
    if not any(sample[1::2]) and all(sample[0::2]):
        return "utf-16-le"
    if not any(sample[0::2]) and all(sample[1::2]):
        return "utf-16-be"
    return None


def _without_controls(text: str, name: str) -> str:
    """A few stray control characters (Excel's vertical tab in a cell) become spaces; NUL
    bytes, or more than one character in a hundred, mean the file is not text."""
    controls = len(_CONTROL.findall(text, 0, 1_000_000))
    if "\x00" in text or controls > max(8, min(len(text), 1_000_000) // 100):
        raise UnreadableFileError(
            f"{name} is not a text file (it holds binary data). Export your contacts as "
            "vCard (.vcf) or CSV and import that.")
    return _CONTROL.sub(" ", text)


def check_lines(text: str, name: str, *, exempt: Callable[[str], bool] | None = None) -> None:
    """UnreadableFileError for a line over the limit. `exempt` lets a reader allow its own long
    lines (a vCard's unfolded photo is bound by the photo limit instead)."""
    limit = limits.MAX_LINE_CHARS
    if len(text) <= limit:
        return
    lines = text.split("\n")
    if max(map(len, lines)) <= limit:  # the usual answer, without a loop in Python
        return
    for number, line in enumerate(lines, start=1):
        if len(line) > limit and not (exempt is not None and exempt(line)):
            raise limits.line_too_long(name, number, len(line))


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise UnreadableFileError(
            f"{name} is not readable text ({exc.reason} at byte {exc.start:,}). Open it in a "
            "spreadsheet or text editor, save it as UTF-8 (CSV) and import that.") from exc
