"""The shape of a CSV contact file: its delimiter, its rows, where its header is, and whose
export it is (LinkedIn, Google, Outlook, or some other tool).

The header row is found by its names, never by skipping a fixed number of lines: LinkedIn puts
a "Notes:" preamble before it, its 2018 exports do not, and Excel re-saves may drop it.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from introdesk.interchange import limits
from introdesk.interchange.column_map import ColumnMapping, fold, propose_mapping
from introdesk.interchange.drafts import Problem
from introdesk.interchange.fields import is_linkedin

LINKEDIN_COLUMNS = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                    "Connected On")
LINKEDIN_2018_COLUMNS = ("First Name", "Last Name", "Email Address", "Company", "Position",
                         "Connected On")
DELIMITERS = (",", ";", "\t")
# A fixed English table: Qt sets the C locale from the user's, so strptime('%b') would not do.
MONTHS = {name: number for number, name in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
    start=1)}
# The header is looked for among this many non-empty rows (LinkedIn's preamble has three).
HEADER_SEARCH_ROWS = 50

Row = tuple[int, list[str]]  # (physical line where the record starts, its cells)

# Python's default (128 KB) is below the line limit; a longer cell is handled as damage.
csv.field_size_limit(limits.MAX_LINE_CHARS + 1)


def _year(text: str) -> int:
    year = int(text)
    if len(text) <= 2:  # Excel and LinkedIn 2018 write two digits; LinkedIn began in 2003
        year += 2000 if year < 70 else 1900
    return year


# A network's 30,000 connection dates fall on a few thousand days (LinkedIn began in 2003).
@lru_cache(maxsize=32_768)
def parse_date(text: str) -> date | None:
    """`30 May 2024`, `23-Apr-23`, `1/8/18, 6:14 PM` (US order unless the first number cannot
    be a month), `23.04.2023`, `2024-05-30`, `May 30, 2024`; None for anything else."""
    value = text.strip()
    month: int | None
    if m := re.match(r"^(\d{1,2})[ -]([A-Za-z]{3})[A-Za-z]*\.?[ -](\d{4}|\d{2})\b", value):
        day, month, year = int(m[1]), MONTHS.get(m[2].lower()), _year(m[3])
    elif m := re.match(r"^([A-Za-z]{3})[A-Za-z]*\.? (\d{1,2}),? (\d{4})\b", value):
        month, day, year = MONTHS.get(m[1].lower()), int(m[2]), int(m[3])
    elif m := re.match(r"^(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})\b", value):
        month, day, year = int(m[1]), int(m[2]), _year(m[3])
        if month > 12 >= day:  # a European re-save: 23/04/2023
            month, day = day, month
    elif m := re.match(r"^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})\b", value):
        day, month, year = int(m[1]), int(m[2]), _year(m[3])
    elif m := re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})\b", value):
        year, month, day = int(m[1]), int(m[2]), int(m[3])
    else:
        return None
    try:
        return date(year, month, day) if month else None
    except ValueError:
        return None


def _split_line(line: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


def _filled(cells: list[str]) -> bool:
    return bool("".join(cells).strip())


def read_rows(text: str, delimiter: str, name: str, *,
              limit: int | None = None) -> tuple[list[Row], list[Problem]]:
    """The non-empty rows of `text` (already \\n-only), each with the line it starts on.

    A quote that is not closed where it should be swallows the lines after it into one cell
    (to the end of the file, if it is never closed): those lines are read one by one instead
    and a problem names them. `limit` stops early (for sniffing); past the record limit the
    file is refused."""
    rows: list[Row] = []
    problems: list[Problem] = []
    lines: list[str] | None = None  # split only if a record spans several lines
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    end = 0  # the last physical line consumed so far
    try:
        for cells in reader:
            start, end = end + 1, reader.line_num
            if end > start and limit is None:
                lines = lines if lines is not None else text.split("\n")
                if _misquoted(lines[start - 1:end], delimiter):
                    problems.append(Problem(f"line {start}", (
                        f"a quote opened here is not closed where it should be, so lines "
                        f"{start}–{end} were read one by one; check these contacts.")))
                    _add(rows, lines, range(start, end + 1), delimiter, name)
                    continue
            if _filled(cells):  # not blank lines, nor the empty rows Excel adds to a table
                rows.append((start, cells))
                if limit is not None and len(rows) >= limit:
                    break
                if len(rows) > limits.MAX_RECORDS + HEADER_SEARCH_ROWS:
                    raise limits.too_many(name, "rows")
    except csv.Error:
        lines = lines if lines is not None else text.split("\n")
        problems.append(Problem(f"line {end + 1}", (
            "a value starting here is over 1 MB or its quote is never closed, so each line "
            "from here on was read as a row of its own; check these contacts.")))
        _add(rows, lines, range(end + 1, len(lines) + 1), delimiter, name)
    return rows, problems


def _misquoted(lines: list[str], delimiter: str) -> bool:
    """A record over several lines whose quotes do not pair up as CSV wants: an odd number of
    them, and a strict parser refuses it (a stray quote inside a plain cell is fine)."""
    if not sum(line.count('"') for line in lines) % 2:
        return False
    try:
        list(csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter, strict=True))
    except csv.Error:
        return True
    return False


def _add(rows: list[Row], lines: list[str], numbers: range, delimiter: str, name: str) -> None:
    for number in numbers:
        cells = _split_line(lines[number - 1], delimiter)
        if _filled(cells):
            rows.append((number, cells))
            if len(rows) > limits.MAX_RECORDS + HEADER_SEARCH_ROWS:
                raise limits.too_many(name, "rows")


def find_header(rows: list[Row]) -> tuple[int, ColumnMapping] | None:
    for index, (_, row) in enumerate(rows[:HEADER_SEARCH_ROWS]):
        if len(row) < 2:
            continue
        mapping = propose_mapping(row)
        if mapping.has_name and mapping.known >= 2:
            return index, mapping
    return None


def _trimmed(row: list[str]) -> list[str]:
    """Without the empty cells Excel may add to the right of a table."""
    end = len(row)
    while end and not row[end - 1].strip():
        end -= 1
    return row[:end]


def headerless_linkedin(rows: list[Row]) -> tuple[str, ...] | None:
    """LinkedIn's columns for an Excel re-save that lost its header, told by content: seven
    columns with a profile URL third and a date last (current), or six with a member id or
    an email third and a date last (2018). Hidden members (",,,,,,02 Jun 2022") fit both."""
    sample = [row for row in (_trimmed(cells) for _, cells in rows[:20]) if row]
    if not sample or any(parse_date(row[-1]) is None for row in sample):
        return None
    thirds = [row[2].strip() for row in sample if len(row) > 2]
    if all(len(row) == 7 for row in sample) and any(is_linkedin(c) for c in thirds) \
            and all(not c or is_linkedin(c) for c in thirds):
        return LINKEDIN_COLUMNS
    if all(len(row) == 6 for row in sample) and any(_member_or_email(c) for c in thirds) \
            and all(not c or _member_or_email(c) for c in thirds):
        return LINKEDIN_2018_COLUMNS
    return None


def _member_or_email(cell: str) -> bool:
    return cell.startswith("urn:li:") or "@" in cell


def shape_of(mapping: ColumnMapping) -> str:
    """'linkedin', 'google', 'outlook', or 'csv' (some other tool: the user confirms)."""
    folded = {fold(h) for h in mapping.headers}
    if "connectedon" in folded or {"firstname", "lastname", "url", "company", "position"} <= folded:
        return "linkedin"
    if any(h.startswith(("email1", "phone1", "organization1", "website1")) for h in folded) \
            or "groupmembership" in folded or "givenname" in folded:
        return "google"
    if {"jobtitle", "emailaddress"} <= folded or folded & _OUTLOOK_MARKERS:
        return "outlook"
    return "csv"


# Headers only Outlook writes, in English, German, French and Spanish.
_OUTLOOK_MARKERS = {"businessphone", "email2address", "emaildisplayname", "emailadresse",
                    "email2adresse", "emailangezeigtername", "telefongeschaftlich",
                    "adressedemessagerie", "telephonebureau", "direcciondecorreoelectronico",
                    "telefonodeltrabajo"}


@dataclass
class Table:
    """A CSV file read into rows, with where its header is (-1: none) and what it holds."""

    delimiter: str
    rows: list[Row]
    header_index: int
    mapping: ColumnMapping
    format: str
    recognised: bool
    problems: list[Problem] = field(default_factory=list)

    @property
    def data(self) -> list[Row]:
        return self.rows[self.header_index + 1:]


def _head(text: str) -> str:
    """Enough lines to find the header in, so that sniffing does not parse a 50 MB file once
    per delimiter (blank lines and multi-line cells are why it is more than 50)."""
    end = -1
    for _ in range(HEADER_SEARCH_ROWS * 4):
        end = text.find("\n", end + 1)
        if end < 0:
            return text
    return text[:end + 1]


def load(text: str, name: str) -> Table:
    """Find the delimiter and the header (by names, or LinkedIn's shape without one)."""
    head = _head(text)
    candidates = sorted(DELIMITERS, key=lambda d: -head[:20_000].count(d))
    found: tuple[str, int, ColumnMapping] | None = None
    for delimiter in candidates:
        sample, _ = read_rows(head, delimiter, name, limit=HEADER_SEARCH_ROWS)
        header = find_header(sample)
        if header is not None:
            found = (delimiter, header[0], header[1])
            break
    if found is None:
        for delimiter in candidates:
            columns = headerless_linkedin(read_rows(head, delimiter, name, limit=20)[0])
            if columns is not None:
                found = (delimiter, -1, propose_mapping(columns))
                break
    if found is not None:
        delimiter, index, mapping = found
        rows, problems = read_rows(text, delimiter, name)
        if index >= 0:  # the same header in the full read (a damaged quote may move it)
            header = find_header(rows)
            index, mapping = header if header is not None else (-1, mapping)
        return Table(delimiter, rows, index, mapping, shape_of(mapping), True, problems)
    first_line = next((line for line in head.split("\n") if line.strip()), "")
    delimiter = max(DELIMITERS, key=first_line.count)
    rows, problems = read_rows(text, delimiter, name)
    mapping = propose_mapping(rows[0][1] if rows else [])
    return Table(delimiter, rows, 0, mapping, "csv", False, problems)
