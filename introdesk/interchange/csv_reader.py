"""CSV contact files: LinkedIn (every shape it has had), Google, Outlook, and anything else
through a column mapping the user confirms.

`csv_shapes` finds the delimiter, the header and whose export it is; this module turns the
rows into drafts. Rows without a name (LinkedIn's hidden members) are counted in one problem,
not one problem each: a network of 5,000 can hold hundreds of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    """Drafts from the data rows. Single-valued roles are read a column at a time, one
    comprehension each rather than several calls a row: most of the time of a 30,000-row
    file was spent in those calls."""
    if len(rows) > limits.MAX_RECORDS:
        raise limits.too_many(name, "rows")
    result = ReadResult(format=fmt, headers=mapping.headers, mapping=mapping)
    col = _Columns.of(mapping)
    every = [cells for _, cells in rows]
    connected_texts = _column(every, col.connected_on)
    nameless: list[int] = []
    bad_dates: list[tuple[int, str]] = []
    problems = result.problems
    for (line, row), full_name, organization, title, url, connected_text in zip(
            rows, _names(every, col), _column(every, col.organization), _column(every, col.title),
            _linkedin_urls(every, col.linkedin), connected_texts, strict=True):
        if not full_name:
            nameless.append(line)
            continue
        connected = parse_date(connected_text) if connected_text else None
        if connected_text and connected is None:
            bad_dates.append((line, connected_text))
        where = f"line {line}"
        addresses = _cells(row, col.email) if col.email else None
        result.drafts.append(ContactDraft(
            name=full_name, where=where,
            emails=clean_emails(addresses, where, problems) if addresses else (),
            phones=_phones(row, col.phone) if col.phone else (),
            organization=organization, title=title, linkedin_url=url,
            notes=_notes(row, col.notes) if col.notes else None,
            tags=_tags(row, col.tags) if col.tags else (), connected_on=connected))
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


@dataclass(frozen=True, slots=True)
class _Columns:
    """Each role's columns, looked up once per file rather than once per row (an Enum's hash
    is Python code: twelve dictionary lookups a row were a tenth of the reading time)."""

    name: tuple[int, ...]
    first: tuple[int, ...]
    middle: tuple[int, ...]
    last: tuple[int, ...]
    email: tuple[int, ...]
    phone: tuple[int, ...]
    organization: tuple[int, ...]
    title: tuple[int, ...]
    linkedin: tuple[int, ...]
    notes: tuple[int, ...]
    tags: tuple[int, ...]
    connected_on: tuple[int, ...]

    @classmethod
    def of(cls, mapping: ColumnMapping) -> _Columns:
        return cls(*(tuple(mapping.columns(Role[f.upper()])) for f in _COLUMN_FIELDS))


_COLUMN_FIELDS = tuple(_Columns.__dataclass_fields__)


def _cells(row: list[str], columns: tuple[int, ...]) -> list[str]:
    values: list[str] = []
    for column in columns:
        if column < len(row):
            cell = row[column]
            if ":::" in cell:
                values.extend(v for v in _MULTI.split(cell) if v.strip())
            elif cell.strip():
                values.append(cell)
    return values


def _one(row: list[str], columns: tuple[int, ...]) -> str | None:
    """The first value in these columns that is not blank, cleaned (as `clean_text` does,
    inlined: this runs several times for each row)."""
    for column in columns:
        if column < len(row):
            cell = row[column]
            for value in _MULTI.split(cell) if ":::" in cell else (cell,):
                cleaned = " ".join(value.split())
                if cleaned:
                    return cleaned
    return None


def _plain_cells(rows: list[list[str]], columns: tuple[int, ...]) -> list[str] | None:
    """The one column's cells, when none holds several values (the usual case)."""
    if len(columns) != 1:
        return None
    column = columns[0]
    cells = [row[column] if column < len(row) else "" for row in rows]
    return None if ":::" in "\n".join(cells) else cells


def _column(rows: list[list[str]], columns: tuple[int, ...]) -> list[str | None]:
    """`_one` of each row: its first value in these columns, cleaned, or None."""
    if not columns:
        return [None] * len(rows)
    cells = _plain_cells(rows, columns)
    if cells is not None:
        return [" ".join(cell.split()) or None for cell in cells]
    return [_one(row, columns) for row in rows]


def _names(rows: list[list[str]], col: _Columns) -> list[str | None]:
    """The full name, else first, middle and last joined (each is clean, so the join is)."""
    names = _column(rows, col.name)
    if col.first or col.middle or col.last:
        parts = zip(_column(rows, col.first), _column(rows, col.middle),
                    _column(rows, col.last), strict=True)
        names = [name or " ".join(filter(None, part)) or None
                 for name, part in zip(names, parts, strict=True)]
    return names


def _linkedin_urls(rows: list[list[str]], columns: tuple[int, ...]) -> list[str | None]:
    """Each row's first LinkedIn profile URL in these columns."""
    if not columns:
        return [None] * len(rows)
    cells = _plain_cells(rows, columns)
    if cells is not None:
        return [cell.strip() if is_linkedin(cell) else None for cell in cells]
    return [next((u.strip() for u in _cells(row, columns) if is_linkedin(u)), None)
            for row in rows]


def _phones(row: list[str], columns: tuple[int, ...]) -> tuple[str, ...]:
    return unique([p for p in (clean_phone(v) for v in _cells(row, columns)) if p])


def _notes(row: list[str], columns: tuple[int, ...]) -> str | None:
    return "\n\n".join(v.strip() for v in _cells(row, columns) if v.strip()) or None


def _tags(row: list[str], columns: tuple[int, ...]) -> tuple[str, ...]:
    # Google marks system groups with "*"; Outlook separates categories with ";".
    return unique([t for v in _cells(row, columns) for t in
                   (clean_text(part.lstrip("* ")) for part in _TAG_SPLIT.split(v))
                   if t and t.casefold() != "mycontacts"])
