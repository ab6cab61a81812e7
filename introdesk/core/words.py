"""Phrases for text a person reads, kept independent of the process locale (FIELD-NOTES)."""

from __future__ import annotations

from datetime import datetime, tzinfo

from introdesk.core.vocabulary import Action, Purpose

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# "X hasn't <done> Y yet" / "X never <done> Y": one participle phrase serves both.
DONE_PHRASES: dict[Action, str] = {
    Action.CALL: "called",
    Action.EMAIL: "emailed",
    Action.REPLY: "replied to",
    Action.MEET: "met",
    Action.SEND_BLURB: "sent a blurb to",
    Action.ATTEND: "attended the meeting with",
}

# "X owes Y a <noun>": for commitment titles.
ACTION_NOUNS: dict[Action, str] = {
    Action.CALL: "a call",
    Action.EMAIL: "an email",
    Action.REPLY: "a reply",
    Action.MEET: "a meeting",
    Action.SEND_BLURB: "a blurb",
    Action.ATTEND: "attendance",
}

PURPOSE_WORDS: dict[Purpose, str] = {
    Purpose.JOB_REFERRAL: "job referral",
    Purpose.HIRE: "hire",
    Purpose.ADVICE: "advice",
    Purpose.NETWORKING: "networking",
    Purpose.BUSINESS: "business",
}


def format_date(moment: datetime, tz: tzinfo | None = None) -> str:
    """'12 Mar 2026' in `tz` (default: the moment's own zone), with English month names."""
    local = moment.astimezone(tz) if tz is not None else moment
    return f"{local.day} {_MONTHS[local.month - 1]} {local.year}"


def intro_label(intro_id: int, purpose: Purpose) -> str:
    return f"intro #{intro_id} ({PURPOSE_WORDS[purpose]})"


def plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
