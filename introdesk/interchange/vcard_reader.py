"""vCard 3.0 and 4.0 files, one card at a time.

vobject parses a whole file as one stream: one bad card (often a bad PHOTO) aborts everything
after it. So the file is split into cards here, and each card is parsed alone; photos are taken
out before vobject sees the card (it cuts vCard 4 `data:` URIs at the comma).
"""

from __future__ import annotations

import base64
import binascii
import re
import warnings
from typing import Any

import vobject  # type: ignore[import-untyped]

from introdesk.core.errors import UnreadableFileError
from introdesk.interchange import limits
from introdesk.interchange.drafts import ContactDraft, Problem, ReadResult
from introdesk.interchange.fields import (
    clean_emails,
    clean_phone,
    clean_text,
    is_linkedin,
    unique,
)

_BEGIN = re.compile(r"^\s*BEGIN\s*:\s*VCARD\s*$", re.IGNORECASE)
_END = re.compile(r"^\s*END\s*:\s*VCARD\s*$", re.IGNORECASE)
_PHOTO = re.compile(r"^(?:[\w-]+\.)?PHOTO[;:]", re.IGNORECASE)


def looks_like_vcard(text: str) -> bool:
    head = text.lstrip()[:200]
    return bool(re.match(r"BEGIN\s*:\s*VCARD", head, re.IGNORECASE))


def split_cards(text: str) -> list[tuple[int, list[str]]]:
    """(first line number, lines) of each BEGIN:VCARD … END:VCARD block."""
    cards: list[tuple[int, list[str]]] = []
    current: list[str] | None = None
    start = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if _BEGIN.match(line):
            current, start = [line.strip()], number
        elif current is not None:
            current.append(line)
            if _END.match(line):
                cards.append((start, current))
                current = None
                if len(cards) > limits.MAX_RECORDS:
                    raise UnreadableFileError(
                        f"The file holds more than {limits.MAX_RECORDS:,} cards; split it into "
                        "smaller files.")
    if current is not None:
        cards.append((start, [*current, "END:VCARD"]))
    return cards


def read_vcards(text: str) -> ReadResult:
    result = ReadResult(format="vcard")
    cards = split_cards(text.replace("\r\n", "\n").replace("\r", "\n"))
    for index, (line, lines) in enumerate(cards, start=1):
        where = f"card {index} (line {line})"
        try:
            draft = _read_card(lines, where, result.problems)
        except Exception as exc:  # noqa: BLE001 - vobject raises many kinds; one card is lost
            result.problems.append(Problem(where, f"could not be read ({_reason(exc)}); "
                                                  "the card was left out."))
            continue
        if draft is not None:
            result.drafts.append(draft)
    if not cards:
        result.problems.append(Problem("", "no cards (BEGIN:VCARD … END:VCARD) were found."))
    return result


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:120] if text else exc.__class__.__name__


def _unfold(lines: list[str]) -> list[str]:
    """Folded lines continue with a space or tab; quoted-printable ones end with '='."""
    logical: list[str] = []
    for line in lines:
        if logical and line[:1] in (" ", "\t"):
            logical[-1] += line[1:]
        elif logical and logical[-1].endswith("=") and "QUOTED-PRINTABLE" in \
                logical[-1].upper().split(":", 1)[0]:
            logical[-1] = logical[-1][:-1] + line
        else:
            logical.append(line)
    return logical


def _take_photo(lines: list[str], where: str,
                problems: list[Problem]) -> tuple[list[str], bytes | None]:
    kept: list[str] = []
    photo: bytes | None = None
    for line in lines:
        if not _PHOTO.match(line):
            kept.append(line)
            continue
        head, _, value = line.partition(":")
        if value.lower().startswith("data:"):
            meta, _, payload = value.partition(",")
            encoded = payload if ";base64" in meta.lower() else None
        elif "ENCODING=B" in head.upper() or "BASE64" in head.upper():
            encoded = value
        else:
            encoded = None  # a link to a photo elsewhere: nothing to carry
        if encoded is None or photo is not None:
            continue
        if len(encoded) * 3 // 4 > limits.MAX_PHOTO_BYTES:
            problems.append(Problem(where, f"the photo is over "
                                           f"{limits.megabytes(limits.MAX_PHOTO_BYTES)}; the "
                                           "contact was read without it."))
            continue
        try:
            photo = base64.b64decode("".join(encoded.split()), validate=True)
        except (binascii.Error, ValueError):
            problems.append(Problem(where, "the photo is damaged; the contact was read "
                                           "without it."))
    return kept, photo


def _read_card(lines: list[str], where: str, problems: list[Problem]) -> ContactDraft | None:
    logical, photo = _take_photo(_unfold(lines), where, problems)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        card = vobject.readOne("\r\n".join(logical) + "\r\n", allowQP=True)
    name = _name(card)
    if not name:
        problems.append(Problem(where, "has no name (FN or N); the card was left out."))
        return None
    emails = clean_emails(_values(card, "email"), where, problems)
    phones = [p for p in (clean_phone(v) for v in _values(card, "tel")) if p]
    urls = [u.strip() for u in _values(card, "url")]
    org_parts = _first(card, "org")
    organization = clean_text(org_parts[0] if isinstance(org_parts, list) and org_parts
                              else org_parts if isinstance(org_parts, str) else None)
    tags: list[str] = []
    for value in _raw_values(card, "categories"):
        parts = value if isinstance(value, list) else str(value).split(",")
        tags.extend(t for t in (clean_text(str(p)) for p in parts) if t)
    notes = "\n\n".join(v.strip() for v in _values(card, "note") if v.strip()) or None
    return ContactDraft(
        name=name, where=where, emails=emails, phones=unique(phones),
        organization=organization, title=clean_text(_text(_first(card, "title"))),
        linkedin_url=next((u for u in urls if is_linkedin(u)), None),
        notes=notes, tags=unique(tags), photo=photo)


def _raw_values(card: Any, key: str) -> list[Any]:
    return [line.value for line in card.contents.get(key, [])]


def _values(card: Any, key: str) -> list[str]:
    return [_text(v) for v in _raw_values(card, key) if _text(v)]


def _first(card: Any, key: str) -> Any:
    values = _raw_values(card, key)
    return values[0] if values else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return " ".join(_text(v) for v in value)
    return str(value).strip()


def _name(card: Any) -> str | None:
    formatted = clean_text(_text(_first(card, "fn")))
    if formatted:
        return formatted
    structured = _first(card, "n")
    if structured is None:
        return None
    parts = [getattr(structured, attr, "") for attr in
             ("prefix", "given", "additional", "family", "suffix")]
    return clean_text(" ".join(_text(p) for p in parts))
