"""Input checks for the Desk: each returns the cleaned value or raises a plain-words error."""

from __future__ import annotations

import re
from collections.abc import Iterable
from enum import StrEnum
from typing import TypeVar

from introdesk.core.errors import ValidationError

E = TypeVar("E", bound=StrEnum)

MAX_NAME = 300
MAX_TEXT = 20_000
# Deliberately loose: one @, something on each side, a dot in the domain, no spaces.
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")


def name(value: object, what: str = "name") -> str:
    if not isinstance(value, str):
        raise ValidationError(f"The {what} must be text.")
    cleaned = " ".join(value.split())  # what `\s+` → " " and strip() give, faster
    if not cleaned:
        raise ValidationError(f"A {what} is required.")
    if len(cleaned) > MAX_NAME:
        raise ValidationError(f"The {what} is longer than {MAX_NAME} characters.")
    return cleaned


def optional_text(value: object, what: str, limit: int = MAX_TEXT) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise ValidationError(f"The {what} must be text.")
    cleaned = value.strip()
    if len(cleaned) > limit:
        raise ValidationError(f"The {what} is longer than {limit} characters.")
    return cleaned or None


def email(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("An email address must be text.")
    cleaned = value.strip()
    if not _EMAIL.match(cleaned) or len(cleaned) > 320:
        raise ValidationError(f"'{cleaned}' is not an email address (expected name@example.org).")
    return cleaned


def emails(values: Iterable[object]) -> list[str]:
    seen: dict[str, str] = {}
    for value in values:
        cleaned = email(value)
        seen.setdefault(cleaned.casefold(), cleaned)
    return list(seen.values())


def phone(value: object) -> str:
    if not isinstance(value, str):
        raise ValidationError("A phone number must be text.")
    cleaned = " ".join(value.split())
    if not re.search(r"\d", cleaned) or len(cleaned) > 64:
        raise ValidationError(f"'{cleaned}' is not a phone number.")
    return cleaned


def tags(values: Iterable[object]) -> list[str]:
    if isinstance(values, str):
        values = [values]
    result: dict[str, str] = {}
    for value in values:
        cleaned = name(value, "tag")
        if len(cleaned) > 100:
            raise ValidationError(f"The tag '{cleaned[:20]}…' is longer than 100 characters.")
        result.setdefault(cleaned.casefold(), cleaned)
    return list(result.values())


def choice(enum_class: type[E], value: object, what: str) -> E:
    try:
        return enum_class(str(value))
    except ValueError:
        allowed = ", ".join(member.value for member in enum_class)
        raise ValidationError(f"'{value}' is not a {what}; choose one of: {allowed}.") from None


def name_key(value: str) -> str:
    return " ".join(value.split()).casefold()
