"""The expectation-setting messages sent when an intro is made: one per side, from templates
the user can edit (defaults in resources/templates), with $placeholders filled in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from string import Template

from sqlalchemy import select
from sqlalchemy.orm import Session

from introdesk.core.errors import ValidationError
from introdesk.core.vocabulary import Side
from introdesk.core.words import ACTION_NOUNS, PURPOSE_WORDS, format_date
from introdesk.resources import read_text
from introdesk.services.base import DeskBase
from introdesk.services.convert import intro_record
from introdesk.services.records import IntroRecord
from introdesk.store.models import Connector, Introduction, Person, Setting

TEMPLATE_NAMES = {Side.A: "side_a", Side.B: "side_b"}
PLACEHOLDERS = ("side_a", "side_b", "side_a_first", "side_b_first", "purpose", "action_noun",
                "deadline", "context_line", "blurb_line", "connector")
MAX_TEMPLATE = 20_000


@dataclass(frozen=True)
class Message:
    side: Side
    to_name: str
    to_email: str | None
    subject: str
    body: str


def validate_template(text: str) -> None:
    """Refuse a template that is too long or names a placeholder that does not exist."""
    if len(text) > MAX_TEMPLATE:
        raise ValidationError(f"A message template is at most {MAX_TEMPLATE} characters.")
    try:
        Template(text).substitute(dict.fromkeys(PLACEHOLDERS, ""))
    except (KeyError, ValueError) as exc:
        known = ", ".join(f"${p}" for p in PLACEHOLDERS)
        raise ValidationError(
            f"The template uses an unknown or broken placeholder ({exc}); "
            f"the placeholders are {known}. Write $$ for a dollar sign.") from None


def _setting_key(side: Side) -> str:
    return f"template.{TEMPLATE_NAMES[side]}"


def _deadline(moment: datetime) -> str:
    local = moment.astimezone()
    return f"{format_date(local)} at {local:%H:%M}"


def _split_subject(text: str) -> tuple[str, str]:
    first, _, rest = text.partition("\n")
    if first.lower().startswith("subject:"):
        return first[len("subject:"):].strip(), rest.lstrip("\n")
    return "", text


class MessageOps(DeskBase):
    def message_template(self, side: Side | str) -> str:
        """The user's template for this side, or the one shipped with the app."""
        chosen = Side(side)
        with self._read() as session:
            stored = session.get(Setting, _setting_key(chosen))
            if stored is not None and isinstance(stored.value, str):
                return str(stored.value)
        return str(read_text("templates", f"{TEMPLATE_NAMES[chosen]}.txt"))

    def set_message_template(self, side: Side | str, text: str | None) -> str:
        """Save the user's template; None (or empty text) goes back to the shipped one."""
        chosen = Side(side)
        if text is not None:
            validate_template(text)
        with self._write() as session:
            existing = session.get(Setting, _setting_key(chosen))
            if text is None or not text.strip():
                if existing is not None:
                    session.delete(existing)
            else:
                session.merge(Setting(key=_setting_key(chosen), value=text))
        return self.message_template(chosen)

    def compose_messages(self, intro_id: int) -> list[Message]:
        """The message for each side of a made intro, about the first open commitment of side A
        (or the first commitment at all)."""
        templates = {side: self.message_template(side) for side in Side}
        with self._read() as session:
            intro = self._get(session, Introduction, intro_id)
            record = intro_record(session, intro)
            connector = session.scalar(select(Connector.name).where(
                Connector.id == intro.connector_id)) or "Me"
            emails = {pid: self._first_email(session, pid)
                      for pid in (intro.side_a_id, intro.side_b_id) if pid is not None}
        values = _values(record, connector)
        messages = []
        for side, name, pid in ((Side.A, record.side_a_name, record.side_a_id),
                                (Side.B, record.side_b_name, record.side_b_id)):
            text = Template(templates[side]).safe_substitute(values)
            subject, body = _split_subject(text)
            messages.append(Message(side=side, to_name=name,
                                    to_email=emails.get(pid) if pid else None,
                                    subject=subject, body=body.rstrip() + "\n"))
        return messages

    @staticmethod
    def _first_email(session: Session, person_id: int) -> str | None:
        person = session.get(Person, person_id)
        return person.emails[0].address if person is not None and person.emails else None


def _values(intro: IntroRecord, connector: str) -> dict[str, str]:
    commitments = [c for c in intro.commitments if c.owed_by_id == intro.side_a_id] or list(
        intro.commitments)
    focus = next((c for c in commitments if c.is_open), commitments[0] if commitments else None)
    return {
        "side_a": intro.side_a_name,
        "side_b": intro.side_b_name,
        "side_a_first": intro.side_a_name.split()[0],
        "side_b_first": intro.side_b_name.split()[0],
        "purpose": PURPOSE_WORDS[intro.purpose],
        "action_noun": ACTION_NOUNS[focus.action] if focus else "a first message",
        "deadline": _deadline(focus.due_at) if focus else "the next few days",
        "context_line": f"\n\nWhy you two should talk: {intro.context}" if intro.context else "",
        "blurb_line": (f"\n\nIn {intro.side_a_name.split()[0]}'s own words: {intro.blurb}"
                       if intro.blurb else ""),
        "connector": connector,
    }
