"""The full-database JSON export: an envelope naming the format and its version, then every
table's rows. Reading checks the envelope before anything is imported."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange import limits

FORMAT = "introdesk"
VERSION = 1

Tables = dict[str, list[dict[str, Any]]]


def dump(tables: Tables, *, exported_at: datetime, schema: str) -> bytes:
    envelope = {"format": FORMAT, "version": VERSION, "schema": schema,
                "exported_at": exported_at.isoformat(), "tables": tables}
    return json.dumps(envelope, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")


def load(data: bytes, name: str, expected_tables: set[str]) -> tuple[Tables, str]:
    """The tables and the schema revision they were exported at."""
    if len(data) > limits.MAX_FILE_BYTES:
        raise UnreadableFileError(f"{name} is over {limits.megabytes(limits.MAX_FILE_BYTES)}.")
    try:
        envelope = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UnreadableFileError(f"{name} is not a JSON file ({exc}).") from exc
    if not isinstance(envelope, dict) or envelope.get("format") != FORMAT:
        raise UnreadableFileError(f"{name} is not an introdesk export.")
    version = envelope.get("version")
    if not isinstance(version, int) or version > VERSION:
        raise UnreadableFileError(f"{name} was written by a newer introdesk (export version "
                                  f"{version}); update introdesk to import it.")
    tables = envelope.get("tables")
    if not isinstance(tables, dict) or not all(isinstance(v, list) for v in tables.values()):
        raise UnreadableFileError(f"{name} is damaged: its tables are missing.")
    missing = expected_tables - set(tables)
    if missing:
        raise UnreadableFileError(f"{name} is damaged: it lacks {', '.join(sorted(missing))}.")
    return tables, str(envelope.get("schema", ""))
