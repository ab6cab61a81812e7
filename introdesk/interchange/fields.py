"""Cleaning single values read from any format: names, emails, phones, profile URLs."""

from __future__ import annotations

import re

from introdesk.interchange.drafts import Problem

# Deliberately loose (the store checks the same way): one @, a dot in the domain, no spaces.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def clean_text(value: str | None) -> str | None:
    """Whitespace folded (stray tabs, double spaces, newlines) and trimmed; None if empty."""
    if value is None:
        return None
    # str.split() splits on exactly what `\s` matches, and is several times faster.
    return " ".join(value.split()) or None


def clean_email(value: str) -> str | None:
    """`mailto:Maya@Example.ORG` → `Maya@example.org`; None if it is not an address."""
    cleaned = value.strip().strip("<>").strip()
    if cleaned.lower().startswith("mailto:"):
        cleaned = cleaned[7:]
    if not _EMAIL.match(cleaned) or len(cleaned) > 320:
        return None
    local, domain = cleaned.rsplit("@", 1)
    return f"{local}@{domain.lower()}"


def clean_emails(raws: list[str], where: str, problems: list[Problem]) -> tuple[str, ...]:
    """The addresses among `raws`, without repeats; a problem for each one that is not."""
    emails: list[str] = []
    for raw in raws:
        if raw.strip().lower().startswith("urn:li:"):
            continue  # 2018 LinkedIn exports put a member id where the email goes
        cleaned = clean_email(raw)
        if cleaned is None:
            problems.append(Problem(where, f"'{raw.strip()[:80]}' is not an email address; "
                                           "it was left out."))
        else:
            emails.append(cleaned)
    return unique(emails)


def clean_phone(value: str) -> str | None:
    cleaned = clean_text(value)
    if cleaned is None or not re.search(r"\d", cleaned) or len(cleaned) > 64:
        return None
    return cleaned


def is_linkedin(url: str) -> bool:
    return "linkedin.com/" in url.lower()


def unique(values: list[str]) -> tuple[str, ...]:
    """In order, without repeats in any case."""
    seen: set[str] = set()
    result = []
    for value in values:
        if value.casefold() not in seen:
            seen.add(value.casefold())
            result.append(value)
    return tuple(result)
