"""CSV contact files: LinkedIn (every shape it has had), Google, Outlook, and anything else
through a column mapping.

The header row is found by its names, never by skipping a fixed number of lines: LinkedIn puts
a "Notes:" preamble before it, older exports do not, and Excel re-saves may have no header.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange import limits
from introdesk.interchange.column_map import ColumnMapping, Role, fold, propose_mapping
from introdesk.interchange.drafts import ContactDraft, Problem, ReadResult
from introdesk.interchange.fields import (
    clean_emails,
    clean_phone,
    clean_text,
    is_linkedin,
    unique,
)

LINKEDIN_COLUMNS = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                    "Connected On")
# A fixed English table: Qt sets the C locale from the user's, so strptime('%b') would not do.
MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    start=1)}
_HEADER_SEARCH_ROWS = 50
# Google puts several values in one cell with this separator.
_MULTI = re.compile(r"\s*:::\s*")

csv.field_size_limit(limits.MAX_LINE_CHARS + 1)


def parse_date(text: str) -> date | None:
    """`30 May 2024`, `23-Apr-23`, `1/8/18, 6:14 PM` (US order), `2024-05-30`."""
    value = text.strip()
    if m := re.match(r"^(\d{1,2})[ -]([A-Za-z]{3})[a-z]*[ -](\d{2}|\d{4})\b", value):
        day, month, year = int(m[1]), MONTHS.get(m[2].lower()), int(m[3])
    elif m := re.match(r"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})\b", value):
        month, day, year = int(m[1]), int(m[2]), int(m[3])
    elif m := re.match(r"^(\d{4})-(\d{2})-(\d{2})\b", value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        return None
    if year < 100:
        year += 2000
    try:
        return date(year, month, day) if month else None
    except ValueError:
        return None


def _rows(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, row))
            if len(rows) > limits.MAX_RECORDS + _HEADER_SEARCH_ROWS:
                raise UnreadableFileError(
                    f"The file holds more than {limits.MAX_RECORDS:,} rows; split it into "
                    "smaller files.")
    except csv.Error:
        # A stray quote or NUL: read line by line, so one bad line costs that line's quoting.
        rows = [(n, _split_line(line, delimiter))
                for n, line in enumerate(text.split("\n"), start=1)]
    return rows


def _split_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _find_header(rows: list[tuple[int, list[str]]]) -> tuple[int, ColumnMapping] | None:
    for index, (_, row) in enumerate(rows[:_HEADER_SEARCH_ROWS]):
        if len(row) < 2:
            continue
        mapping = propose_mapping([cell.strip() for cell in row])
        if mapping.has_name and mapping.known >= 2:
            return index, mapping
    return None


def _linkedin_without_header(rows: list[tuple[int, list[str]]]) -> bool:
    """Excel re-saves can drop the header: seven columns, a profile URL, a date last."""
    sample = [row for _, row in rows[:20] if len(row) == 7 and any(c.strip() for c in row)]
    return bool(sample) and all(
        parse_date(row[6]) is not None and (not row[2].strip() or is_linkedin(row[2]))
        for row in sample)


def sniff(text: str) -> tuple[str, list[tuple[int, list[str]]], int, ColumnMapping] | None:
    """Delimiter, rows, header index (-1: none) and the proposed mapping; None if unknown."""
    candidates = sorted(",;\t", key=lambda d: -text[:5000].count(d))
    for delimiter in candidates:
        rows = _rows(text, delimiter)
        found = _find_header(rows)
        if found is not None:
            return delimiter, rows, found[0], found[1]
        if delimiter == "," and _linkedin_without_header(rows):
            return delimiter, rows, -1, propose_mapping(list(LINKEDIN_COLUMNS))
    return None


def shape_of(mapping: ColumnMapping) -> str:
    folded = {fold(h) for h in mapping.headers}
    if "connectedon" in folded or {"firstname", "lastname", "url", "company", "position"} <= folded:
        return "linkedin"
    if any(h.startswith(("email1", "phone1", "organization1")) for h in folded) \
            or "groupmembership" in folded or "givenname" in folded:
        return "google"
    if {"jobtitle", "emailaddress"} <= folded or "businessphone" in folded \
            or "email2address" in folded or any("messagerie" in h or "emailadresse" == h
                                                for h in folded):
        return "outlook"
    return "csv"


def read_csv(text: str, name: str, mapping: ColumnMapping | None = None) -> ReadResult:
    """Contacts from CSV text. Without a mapping the shape is recognised; a file whose columns
    cannot be recognised comes back with `needs_mapping` set and its headers."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    found = sniff(text)
    if found is None:
        first_line = next((line for line in text.split("\n") if line.strip()), "")
        delimiter = max(",;\t", key=first_line.count)
        rows = _rows(text, delimiter)
        header_index = next((i for i, (_, row) in enumerate(rows)
                             if any(c.strip() for c in row)), 0)
        if mapping is None:
            headers = tuple(c.strip() for c in rows[header_index][1]) if rows else ()
            return ReadResult(format="csv", needs_mapping=True, headers=headers,
                              mapping=propose_mapping(headers),
                              samples=_samples(rows[header_index + 1:]), problems=[Problem(
                                  "", "the columns were not recognised: say which column "
                                      "holds what.")])
        return _read_rows(rows[header_index + 1:], mapping, "csv")
    _, rows, header_index, proposed = found
    fmt = shape_of(proposed)
    if mapping is not None:
        return _read_rows(rows[header_index + 1:], mapping, fmt)
    result = _read_rows(rows[header_index + 1:], proposed, fmt)
    if fmt == "csv":
        result.needs_mapping = True
        result.headers = proposed.headers
        result.mapping = proposed
        result.samples = _samples(rows[header_index + 1:])
    return result


def _samples(rows: list[tuple[int, list[str]]], count: int = 3) -> tuple[tuple[str, ...], ...]:
    """A few data rows, so the user can see what each column holds while mapping it."""
    return tuple(tuple(row) for _, row in rows if any(c.strip() for c in row))[:count]


def _read_rows(rows: list[tuple[int, list[str]]], mapping: ColumnMapping,
               fmt: str) -> ReadResult:
    result = ReadResult(format=fmt, headers=mapping.headers, mapping=mapping)
    nameless = 0
    for line, row in rows:
        if not any(cell.strip() for cell in row):
            continue
        draft = _draft(row, mapping, f"line {line}", result.problems)
        if draft is None:
            nameless += 1
        else:
            result.drafts.append(draft)
        if len(result.drafts) > limits.MAX_RECORDS:
            raise UnreadableFileError(f"The file holds more than {limits.MAX_RECORDS:,} rows; "
                                      "split it into smaller files.")
    if nameless:
        why = (" (LinkedIn members who hide their details)" if fmt == "linkedin" else "")
        rows_were = "1 row" if nameless == 1 else f"{nameless:,} rows"
        left = "was" if nameless == 1 else "were"
        result.problems.append(Problem("", f"{rows_were} without a name{why} {left} left out."))
    return result


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


def _draft(row: list[str], mapping: ColumnMapping, where: str,
           problems: list[Problem]) -> ContactDraft | None:
    col = mapping.columns  # cached per role: this runs once per row of a 30,000-row file
    name = _one(row, col(Role.NAME)) or clean_text(" ".join(
        v for v in (_one(row, col(Role.FIRST)), _one(row, col(Role.MIDDLE)),
                    _one(row, col(Role.LAST))) if v))
    if not name:
        return None
    emails = clean_emails(_cells(row, col(Role.EMAIL)), where, problems)
    urls = [u.strip() for u in _cells(row, col(Role.LINKEDIN))]
    connected = _one(row, col(Role.CONNECTED_ON))
    # Google marks system groups with "*"; Outlook separates categories with ";".
    tags = [t for v in _cells(row, col(Role.TAGS)) for t in
            (clean_text(part.lstrip("* ")) for part in re.split(r"[;,]", v))
            if t and t.casefold() != "mycontacts"]
    notes = "\n\n".join(v.strip() for v in _cells(row, col(Role.NOTES)) if v.strip()) or None
    return ContactDraft(
        name=name, where=where, emails=emails,
        phones=unique([p for p in (clean_phone(v) for v in _cells(row, col(Role.PHONE))) if p]),
        organization=_one(row, col(Role.ORGANIZATION)), title=_one(row, col(Role.TITLE)),
        linkedin_url=next((u for u in urls if is_linkedin(u)), None), notes=notes,
        tags=unique(tags), connected_on=parse_date(connected) if connected else None)
