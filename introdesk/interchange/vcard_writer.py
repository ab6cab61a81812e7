"""vCard 4.0 (RFC 6350) out: escaped values, lines folded at 75 octets, CRLF."""

from __future__ import annotations

from collections.abc import Iterable

from introdesk.interchange.drafts import ContactDraft

_FOLD_AT = 75


def escape(value: str) -> str:
    return (value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
            .replace("\r\n", "\n").replace("\n", "\\n"))


def fold(line: str) -> str:
    """Split a content line into 75-octet pieces, never inside a UTF-8 character."""
    pieces: list[str] = []
    current, size = "", 0
    limit = _FOLD_AT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
            limit = _FOLD_AT - 1  # continuation lines start with a space
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces)


def _name_parts(name: str) -> str:
    """N needs family;given — a best guess from the display name (last word is the family;
    credentials after a comma are not part of it)."""
    words = name.split(",")[0].split()
    if len(words) < 2:
        return f"{escape(name)};;;;"
    return f"{escape(words[-1])};{escape(' '.join(words[:-1]))};;;"


def vcard(draft: ContactDraft) -> str:
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{escape(draft.name)}",
             f"N:{_name_parts(draft.name)}"]
    lines += [f"EMAIL:{escape(e)}" for e in draft.emails]
    lines += [f"TEL:{escape(p)}" for p in draft.phones]
    if draft.organization:
        lines.append(f"ORG:{escape(draft.organization)}")
    if draft.title:
        lines.append(f"TITLE:{escape(draft.title)}")
    if draft.linkedin_url:
        lines.append(f"URL:{escape(draft.linkedin_url)}")
    if draft.tags:
        lines.append("CATEGORIES:" + ",".join(escape(t) for t in draft.tags))
    if draft.notes:
        lines.append(f"NOTE:{escape(draft.notes)}")
    lines.append("END:VCARD")
    return "".join(fold(line) + "\r\n" for line in lines)


def write_vcards(drafts: Iterable[ContactDraft]) -> str:
    return "".join(vcard(d) for d in drafts)
