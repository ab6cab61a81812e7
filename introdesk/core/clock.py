"""Time rules shared by every layer: aware datetimes in, UTC stored."""

from __future__ import annotations

from datetime import UTC, datetime

from introdesk.core.errors import ValidationError


def utc_now() -> datetime:
    return datetime.now(UTC)


def require_aware(value: datetime, what: str = "time") -> datetime:
    """Return `value` in UTC; a naive datetime is refused because its moment is ambiguous."""
    if not isinstance(value, datetime):
        raise ValidationError(f"The {what} must be a date and time, not {type(value).__name__}.")
    if value.tzinfo is None or value.tzinfo.utcoffset(value) is None:
        raise ValidationError(
            f"The {what} {value.isoformat(sep=' ', timespec='minutes')} has no time zone; "
            "give a timezone-aware time (for example with tzinfo=timezone.utc)."
        )
    return value.astimezone(UTC)


def aware_or_now(value: datetime | None, what: str = "time") -> datetime:
    return utc_now() if value is None else require_aware(value, what)


def days_between(earlier: datetime, later: datetime) -> float:
    return (later - earlier).total_seconds() / 86400.0


def describe_age(moment: datetime, now: datetime) -> str:
    """'today', '3 days ago', 'in 2 days', '1 year ago' — for reasons a person reads."""
    days = days_between(moment, now)
    whole = int(abs(days))
    if whole == 0:
        return "today"
    if whole >= 365:
        amount, unit = whole // 365, "year"
    elif whole >= 60:
        amount, unit = whole // 30, "month"
    else:
        amount, unit = whole, "day"
    phrase = f"{amount} {unit}{'' if amount == 1 else 's'}"
    return f"{phrase} ago" if days > 0 else f"in {phrase}"
