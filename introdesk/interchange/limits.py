"""How much a file may hold before introdesk refuses to read it (nothing is written then)."""

from __future__ import annotations

MAX_FILE_BYTES = 50 * 1024 * 1024
MAX_LINE_CHARS = 1024 * 1024
MAX_PHOTO_BYTES = 5 * 1024 * 1024
MAX_RECORDS = 100_000


def megabytes(count: int) -> str:
    return f"{count / (1024 * 1024):.0f} MB"
