"""Contacts to CSV, safe to open in a spreadsheet.

A cell starting with = + - @, a tab or a carriage return is a formula to Excel and LibreOffice
(OWASP "CSV injection"); such cells get a leading apostrophe, which shows the text as text.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from introdesk.interchange.drafts import ContactDraft

HEADER = ("Name", "Emails", "Phones", "Organization", "Title", "LinkedIn URL", "Tags", "Notes")
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralize(cell: str) -> str:
    if cell.lstrip(" ").startswith(_FORMULA_STARTS) or cell.startswith(_FORMULA_STARTS):
        return "'" + cell
    return cell


def write_csv(drafts: Iterable[ContactDraft]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    for d in drafts:
        writer.writerow([neutralize(cell) for cell in (
            d.name, "; ".join(d.emails), "; ".join(d.phones), d.organization or "",
            d.title or "", d.linkedin_url or "", "; ".join(d.tags), d.notes or "")])
    return out.getvalue()
