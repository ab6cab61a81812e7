"""What readers produce: contact drafts, and the problems met on the way."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from introdesk.interchange.column_map import ColumnMapping


class ContactDraft(NamedTuple):
    """One contact as read from a file, not yet stored.

    `where` says which card or line it came from ("card 3", "line 12"), for the preview and for
    problems found later (a duplicate, an invalid email). A named tuple rather than a frozen
    dataclass: as immutable, and a third of the cost to make, thirty thousand times an import.
    """

    name: str
    where: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    organization: str | None = None
    title: str | None = None
    linkedin_url: str | None = None
    notes: str | None = None
    tags: tuple[str, ...] = ()
    connected_on: date | None = None
    photo: bytes | None = None


@dataclass(frozen=True)
class Problem:
    """Something wrong in one card or line; the rest of the file is still read."""

    where: str
    what: str

    def __str__(self) -> str:
        return f"{self.where}: {self.what}" if self.where else self.what


@dataclass
class ReadResult:
    """Everything a reader got out of one file."""

    format: str
    drafts: list[ContactDraft] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    # A CSV of no known shape: the user says which column holds what, then it is read again.
    needs_mapping: bool = False
    headers: tuple[str, ...] = ()
    mapping: ColumnMapping | None = None
    samples: tuple[tuple[str, ...], ...] = ()
