"""vCard 2.1, 3.0 and 4.0 files, one card at a time.

vobject parses a whole file as one stream: one bad card (often a bad PHOTO) aborts everything
after it. So the file is split into cards here, and each card is read alone from only the
properties introdesk uses (a damaged address or birthday cannot cost the contact). vobject
parses each of those lines (parameters, quoted-printable, charset); the value's escapes are
undone here, because vobject's vCard decoding cuts text at every unescaped comma ("FN:Chen,
Maya" comes back "Chen") and vCard 2.1 exporters never escape commas. Photos are taken out
first: vobject also cuts vCard 4 `data:` URIs at the comma.
"""

from __future__ import annotations

import base64
import binascii
import re
import warnings
from typing import Any

import vobject  # type: ignore[import-untyped]

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
# Property name, after an optional Apple group ("item1.URL").
_NAME = re.compile(r"^(?:[\w-]+\.)?([\w-]+)\s*[;:]")
_BINARY_PROPERTY = re.compile(r"^(?:[\w-]+\.)?(?:PHOTO|LOGO|SOUND|KEY)[;:]", re.IGNORECASE)
_PHOTO = re.compile(r"^(?:[\w-]+\.)?PHOTO[;:]", re.IGNORECASE)
_BASE64_CHARS = re.compile(r"^[A-Za-z0-9+/=]+$")
_WANTED = {"FN", "N", "EMAIL", "TEL", "ORG", "TITLE", "NOTE", "URL", "CATEGORIES",
           "X-SOCIALPROFILE"}
_ESCAPES = {"n": "\n", "N": "\n", ",": ",", ";": ";", "\\": "\\", ":": ":"}

Line = tuple[int, str]  # (physical line number, text)


def looks_like_vcard(text: str) -> bool:
    """The first non-blank line opens a card."""
    for line in text.lstrip("\ufeff").split("\n", 50)[:50]:
        if line.strip():
            return bool(_BEGIN.match(line))
    return False


def contains_vcard(text: str) -> bool:
    """Some line opens a card (a .vcf file with a stray line before its first card)."""
    return any(_BEGIN.match(line) for line in text.split("\n"))


def is_photo_line(line: str) -> bool:
    """A property carrying inline data: long by nature, so bound by the photo limit instead
    of the line limit."""
    return bool(_BINARY_PROPERTY.match(line))


def split_cards(text: str, name: str = "The file") -> list[tuple[int, list[Line]]]:
    """(first line number, lines) of each BEGIN:VCARD … END:VCARD block, without its END. A
    BEGIN inside an open card ends that card there (cards do not nest here); a card still open
    at the end of the file ends there."""
    cards: list[tuple[int, list[Line]]] = []
    current: list[Line] | None = None
    for number, line in enumerate(text.split("\n"), start=1):
        if _BEGIN.match(line):
            if current is not None:
                cards.append((current[0][0], current))
            current = [(number, "BEGIN:VCARD")]
        elif current is not None:
            if _END.match(line):
                cards.append((current[0][0], current))
                current = None
            else:
                current.append((number, line))
        if len(cards) > limits.MAX_RECORDS:
            raise limits.too_many(name, "cards")
    if current is not None:
        cards.append((current[0][0], current))
        if len(cards) > limits.MAX_RECORDS:
            raise limits.too_many(name, "cards")
    return cards


def read_vcards(text: str, name: str = "The file") -> ReadResult:
    """Drafts from every card; a card that cannot be read costs that card and is named in a
    problem. Raises UnreadableFileError only past the card-count limit."""
    result = ReadResult(format="vcard")
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    cards = split_cards(text, name)
    for index, (line, lines) in enumerate(cards, start=1):
        where = f"card {index} (line {line})"
        try:
            draft = _read_card(lines, where, result.problems)
        except Exception as exc:  # noqa: BLE001 - whatever breaks, it costs this card only
            result.problems.append(Problem(where, f"could not be read ({_reason(exc)}); "
                                                  "the card was left out."))
            continue
        if draft is not None:
            result.drafts.append(draft)
    if not cards:
        result.problems.append(Problem("", "no cards (BEGIN:VCARD … END:VCARD) were found."))
    return result


def _reason(exc: Exception) -> str:
    text = re.sub(r"^At line \d+:\s*", "", str(exc).strip()).splitlines()
    return text[0][:100] if text else exc.__class__.__name__


def _head(line: str) -> str:
    return line.split(":", 1)[0].upper()


def _unfold(lines: list[Line]) -> list[Line]:
    """Quoted-printable values continue after a line ending in '=' (a soft break, checked
    first: the next line may start with a real space); folded lines continue with a space or
    tab; vCard 2.1 base64 data may continue on unindented lines. Pieces are joined once at the
    end: a 5 MB photo comes in some 90,000 of them."""
    logical: list[tuple[int, str, list[str]]] = []  # (first line, head, pieces)
    for number, line in lines:
        if logical:
            _, head, pieces = logical[-1]
            if pieces[-1].endswith("=") and "QUOTED-PRINTABLE" in head:
                pieces[-1] = pieces[-1][:-1]
                pieces.append(line)
                continue
            if line[:1] in (" ", "\t"):
                pieces.append(line[1:])
                continue
            if _is_base64(head) and _BASE64_CHARS.match(line):
                pieces.append(line)
                continue
        logical.append((number, _head(line), [line]))
    return [(number, "".join(pieces)) for number, _, pieces in logical]


def _is_base64(head: str) -> bool:
    return bool(re.search(r"ENCODING=B\b|BASE64", head.upper()))


def _take_photo(lines: list[Line], where: str,
                problems: list[Problem]) -> tuple[list[Line], bytes | None]:
    """The first inline photo, and the lines without any inline data (LOGO, SOUND and KEY are
    not used)."""
    kept: list[Line] = []
    photo: bytes | None = None
    for number, line in lines:
        if not is_photo_line(line):
            kept.append((number, line))
            continue
        if photo is not None or not _PHOTO.match(line):
            continue
        head, _, value = line.partition(":")
        if value.lower().startswith("data:"):
            meta, _, payload = value.partition(",")
            encoded = payload if ";base64" in meta.lower() else ""
        else:
            encoded = value if _is_base64(head) else ""  # else a link to a photo elsewhere
        if encoded.strip():
            photo = _decode_photo(encoded, where, problems)
    return kept, photo


def _decode_photo(encoded: str, where: str, problems: list[Problem]) -> bytes | None:
    data = "".join(encoded.split()).rstrip("=")
    if len(data) * 3 // 4 > limits.MAX_PHOTO_BYTES:  # measured before decoding anything
        problems.append(Problem(where, f"the photo is over "
                                       f"{limits.megabytes(limits.MAX_PHOTO_BYTES)}; the "
                                       "contact was read without it."))
        return None
    try:
        # Some exporters leave the padding out.
        return base64.b64decode(data + "=" * (-len(data) % 4), validate=True) or None
    except (binascii.Error, ValueError):
        problems.append(Problem(where, "the photo is damaged; the contact was read "
                                       "without it."))
        return None


def _properties(lines: list[Line], where: str,
                problems: list[Problem]) -> tuple[dict[str, list[str]], list[str]]:
    """Property → decoded values with their escapes still in, for the properties introdesk
    reads; and what was wrong with the lines that could not be parsed."""
    found: dict[str, list[str]] = {}
    failures: list[str] = []
    not_understood: list[str] = []
    for number, line in lines[1:]:
        match = _NAME.match(line)
        if match is None:
            if line.strip():
                not_understood.append(str(number))
        elif match[1].upper() in _WANTED:
            try:
                name, value = _parse_line(line, number)
            except Exception as exc:  # noqa: BLE001 - vobject raises many kinds
                failures.append(f"line {number} is damaged: {_reason(exc)}")
                continue
            found.setdefault(name, []).append(value)
    if len(not_understood) == 1:
        problems.append(Problem(where, f"line {not_understood[0]} could not be understood "
                                       "and was left out."))
    elif not_understood:
        shown = ", ".join(not_understood[:5]) + (", …" if len(not_understood) > 5 else "")
        problems.append(Problem(where, f"lines {shown} could not be understood and were left "
                                       "out."))
    return found, failures


def _parse_line(line: str, number: int) -> tuple[str, str]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # vobject may warn about odd input; problems say it
        name, params, value, group = vobject.base.parseLine(line, number)
        try:
            content = vobject.base.ContentLine(name, params, value, group)
        except UnicodeDecodeError:
            # Quoted-printable bytes with no charset named: Outlook's Windows code page.
            content = vobject.base.ContentLine(name, [*params, ["CHARSET", "windows-1252"]],
                                               value, group)
    decoded: Any = content.value
    encoding = {e.upper() for e in content.params.get("ENCODING", [])}
    if encoding & {"B", "BASE64"} or "BASE64" in content.singletonparams:
        decoded = base64.b64decode("".join(str(decoded).split()) + "==")  # text sent as base64
    if isinstance(decoded, bytes):
        decoded = decoded.decode("utf-8", errors="replace")
    return str(content.name).upper(), str(decoded)


def _split(value: str, separators: str = "", *, unescape: bool = True) -> list[str]:
    """Split at unescaped separators; undo backslash escapes (\\n, \\, \\; \\\\) unless told
    not to (N is split twice: by ';', then each part by ',')."""
    parts: list[str] = []
    current: list[str] = []
    chars = iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars, "")
            current.append(_ESCAPES.get(following, char + following) if unescape
                           else char + following)
        elif char in separators:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def _texts(found: dict[str, list[str]], key: str) -> list[str]:
    return [text for text in (clean_text(_split(v)[0]) for v in found.get(key, [])) if text]


def _read_card(lines: list[Line], where: str, problems: list[Problem]) -> ContactDraft | None:
    logical, photo = _take_photo(_unfold(lines), where, problems)
    found, failures = _properties(logical, where, problems)
    name = _name(found)
    if not name:
        problems.append(Problem(where, f"could not be read ({failures[0]}); the card was left "
                                       "out." if failures else
                                       "has no name (FN or N); the card was left out."))
        return None
    problems.extend(Problem(where, f"{failure}; it was left out.") for failure in failures)
    emails = clean_emails([_split(v)[0] for v in found.get("EMAIL", [])], where, problems)
    phones = [clean_phone(re.sub(r"^tel:", "", v, flags=re.IGNORECASE))
              for v in _texts(found, "TEL")]
    links = _texts(found, "URL") + _texts(found, "X-SOCIALPROFILE")
    organizations = [clean_text(_split(v, ";")[0]) for v in found.get("ORG", [])]
    tags = [t for v in found.get("CATEGORIES", []) for t in
            (clean_text(part) for part in _split(v, ",;")) if t]
    notes = [_split(v)[0].replace("\r\n", "\n").replace("\r", "\n").strip()
             for v in found.get("NOTE", [])]
    titles = _texts(found, "TITLE")
    return ContactDraft(
        name=name, where=where, emails=emails, phones=unique([p for p in phones if p]),
        organization=next((o for o in organizations if o), None),
        title=titles[0] if titles else None,
        linkedin_url=next((u for u in links if is_linkedin(u)), None),
        notes="\n\n".join(n for n in notes if n) or None, tags=unique(tags), photo=photo)


def _name(found: dict[str, list[str]]) -> str | None:
    """FN; without one, the parts of N in reading order (prefix, given, additional, family,
    suffix), several values of one part (N:Chen;Maya,Lin) joined by spaces."""
    formatted = _texts(found, "FN")
    if formatted:
        return formatted[0]
    for structured in found.get("N", []):
        parts = [" ".join(_split(part, ",")) for part in
                 _split(structured, ";", unescape=False)] + [""] * 5
        family, given, additional, prefix, suffix = parts[:5]
        name = clean_text(f"{prefix} {given} {additional} {family} {suffix}")
        if name:
            return name
    return None
