"""CSV contact files: LinkedIn (every shape it has had), Google, Outlook, and anything else
through a column mapping the user confirms.

`csv_shapes` finds the delimiter, the header and whose export it is; this module turns the
rows into drafts. Rows without a name (LinkedIn's hidden members) are counted in one problem,
not one problem each: a network of 5,000 can hold hundreds of them.
"""

from __future__ import annotations

import re

from introdesk.interchange import limits
from introdesk.interchange.column_map import ColumnMapping, Role
from introdesk.interchange.csv_shapes import LINKEDIN_COLUMNS, Row, load, parse_date
from introdesk.interchange.drafts import ContactDraft, Problem, ReadResult
from introdesk.interchange.fields import (
    clean_emails,
    clean_phone,
    clean_text,
    is_linkedin,
    unique,
)

__all__ = ["LINKEDIN_COLUMNS", "parse_date", "read_csv"]

# Google puts several values in one cell with this separator.
_MULTI = re.compile(r"\s*:::\s*")
_TAG_SPLIT = re.compile(r"[;,]")
_SAMPLE_ROWS = 3


def read_csv(text: str, name: str, mapping: ColumnMapping | None = None) -> ReadResult:
    """Contacts from CSV text (any newline style). Without a mapping the shape is recognised;
    a file of no known shape comes back with `needs_mapping` set, its headers, a proposed
    mapping and a few sample rows (and drafts read by the proposal, if it found a name). With
    a mapping the user confirmed, the rows after the header are read by it."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    table = load(text, name)
    chosen = mapping if mapping is not None else table.mapping
    if chosen.has_name:
        result = _read_rows(table.data, chosen, table.format, name)
    else:
        result = ReadResult(format=table.format, headers=chosen.headers, mapping=chosen)
    result.problems[:0] = table.problems
    if mapping is None and (table.format == "csv" or not chosen.has_name):
        # Another tool's columns: the UI shows the proposal for the user to confirm.
        result.needs_mapping = True
        result.samples = _samples(table.data)
    if not chosen.has_name:
        result.problems.append(Problem("", (
            "no column with names was recognised: say which column holds what, then read it "
            "again." if mapping is None else
            "no column was chosen as the name (full, first or last name); nothing was read.")))
    return result


def _samples(rows: list[Row]) -> tuple[tuple[str, ...], ...]:
    """A few data rows, so the user can see what each column holds while mapping it."""
    return tuple(tuple(cells) for _, cells in rows[:_SAMPLE_ROWS])


def _read_rows(rows: list[Row], mapping: ColumnMapping, fmt: str, name: str) -> ReadResult:
    if len(rows) > limits.MAX_RECORDS:
        raise limits.too_many(name, "rows")
    result = ReadResult(format=fmt, headers=mapping.headers, mapping=mapping)
    nameless: list[int] = []
    bad_dates: list[tuple[int, str]] = []
    for line, cells in rows:
        draft = _draft(cells, mapping, line, result.problems, bad_dates)
        if draft is None:
            nameless.append(line)
        else:
            result.drafts.append(draft)
    if nameless:
        result.problems.append(_nameless(nameless, fmt))
    if bad_dates:
        result.problems.append(_undated(bad_dates))
    return result


def _nameless(lines: list[int], fmt: str) -> Problem:
    count = "1 row" if len(lines) == 1 else f"{len(lines):,} rows"
    if fmt == "linkedin":  # nothing to find: LinkedIn hides these members' details
        return Problem("", f"{count} without a name (LinkedIn members who hide their "
                           f"details) {'was' if len(lines) == 1 else 'were'} left out.")
    return Problem("", f"{count} without a name {'was' if len(lines) == 1 else 'were'} left "
                       f"out ({_lines(lines)}).")


def _undated(bad: list[tuple[int, str]]) -> Problem:
    first = bad[0][1][:40]
    if len(bad) == 1:
        return Problem(f"line {bad[0][0]}", f"'{first}' is not a date this reader knows; the "
                                            "connection date was left empty.")
    return Problem("", f"{len(bad):,} connection dates (such as '{first}') are not in a form "
                       f"this reader knows; they were left empty ({_lines([n for n, _ in bad])}).")


def _lines(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:5])
    return f"line {shown}" if len(numbers) == 1 else \
        f"lines {shown}{', …' if len(numbers) > 5 else ''}"


def _cells(row: list[str], columns: list[int]) -> list[str]:
    values: list[str] = []
    for column in columns:
        if column < len(row):
            cell = row[column]
            if ":::" in cell:
                values.extend(v for v in _MULTI.split(cell) if v.strip())
            elif cell.strip():
                values.append(cell)
    return values


def _one(row: list[str], columns: list[int]) -> str | None:
    for value in _cells(row, columns):
        cleaned = clean_text(value)
        if cleaned:
            return cleaned
    return None


def _draft(row: list[str], mapping: ColumnMapping, line: int, problems: list[Problem],
           bad_dates: list[tuple[int, str]]) -> ContactDraft | None:
    col = mapping.columns  # cached per role: this runs once per row of a 100,000-row file
    name = _one(row, col(Role.NAME)) or clean_text(" ".join(
        v for v in (_one(row, col(Role.FIRST)), _one(row, col(Role.MIDDLE)),
                    _one(row, col(Role.LAST))) if v))
    if not name:
        return None
    where = f"line {line}"
    emails = clean_emails(_cells(row, col(Role.EMAIL)), where, problems)
    urls = [u.strip() for u in _cells(row, col(Role.LINKEDIN))]
    connected_text = _one(row, col(Role.CONNECTED_ON))
    connected = parse_date(connected_text) if connected_text else None
    if connected_text and connected is None:
        bad_dates.append((line, connected_text))
    # Google marks system groups with "*"; Outlook separates categories with ";".
    tags = [t for v in _cells(row, col(Role.TAGS)) for t in
            (clean_text(part.lstrip("* ")) for part in _TAG_SPLIT.split(v))
            if t and t.casefold() != "mycontacts"]
    notes = "\n\n".join(v.strip() for v in _cells(row, col(Role.NOTES)) if v.strip()) or None
    return ContactDraft(
        name=name, where=where, emails=emails,
        phones=unique([p for p in (clean_phone(v) for v in _cells(row, col(Role.PHONE))) if p]),
        organization=_one(row, col(Role.ORGANIZATION)), title=_one(row, col(Role.TITLE)),
        linkedin_url=next((u for u in urls if is_linkedin(u)), None), notes=notes,
        tags=unique(tags), connected_on=connected)
