"""The drag-and-drop format for people: the contacts table produces it, the intro form takes it."""

from __future__ import annotations

import json
from collections.abc import Sequence

from PySide6.QtCore import QMimeData

PERSON_IDS_MIME = "application/x-introdesk-person-ids"


def people_mime(ids: Sequence[int], names: Sequence[str]) -> QMimeData:
    data = QMimeData()
    data.setData(PERSON_IDS_MIME, json.dumps(list(ids)).encode())
    data.setText("\n".join(names))
    return data


def person_ids_from(data: QMimeData | None) -> list[int]:
    """The ids carried, or [] for anything else dropped (files, text, bad data)."""
    if data is None or not data.hasFormat(PERSON_IDS_MIME):
        return []
    try:
        values = json.loads(bytes(data.data(PERSON_IDS_MIME).data()).decode())
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(values, list):
        return []
    return [v for v in values if isinstance(v, int) and not isinstance(v, bool)]
