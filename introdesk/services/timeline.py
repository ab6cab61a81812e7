"""The timeline: append-only events, rendered into sentences when read (they store ids only)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from introdesk.core.clock import aware_or_now, require_aware
from introdesk.core.errors import ValidationError
from introdesk.core.vocabulary import Action, EventKind, Purpose, Resolution
from introdesk.core.words import ACTION_NOUNS, DONE_PHRASES, PURPOSE_WORDS
from introdesk.services import validate
from introdesk.services.base import DeskBase
from introdesk.services.convert import NameBook
from introdesk.services.records import EventRecord
from introdesk.store.models import Commitment, Event, Introduction, Organization, Person


class TimelineOps(DeskBase):
    def timeline(
        self,
        *,
        person_id: int | None = None,
        intro_id: int | None = None,
        kinds: Iterable[EventKind | str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[EventRecord]:
        """Events newest first, optionally about one person, one intro, some kinds, a period."""
        query = self._event_query(select(Event), person_id, intro_id, kinds, since, until)
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as session:
            self._check_refs(session, person_id, intro_id)
            return _render(session, list(session.scalars(query)))

    def event_ids(
        self,
        *,
        person_id: int | None = None,
        intro_id: int | None = None,
        kinds: Iterable[EventKind | str] | None = None,
        since: datetime | None = None,
        until: datetime | None = None,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[int]:
        """The ids `timeline` would return, newest first (for lazy views), optionally a slice."""
        query = self._event_query(select(Event.id), person_id, intro_id, kinds, since, until)
        query = query.offset(offset)
        if limit is not None:
            query = query.limit(limit)
        with self._read() as session:
            self._check_refs(session, person_id, intro_id)
            return list(session.scalars(query))

    def event_rows(self, ids: Sequence[int]) -> list[EventRecord]:
        """Rendered events for these ids, in the same order (missing ids skipped)."""
        if not ids:
            return []
        with self._read() as session:
            found = {e.id: e for e in session.scalars(select(Event).where(Event.id.in_(list(ids))))}
            return _render(session, [found[i] for i in ids if i in found])

    def _event_query(
        self, query: Select[Any], person_id: int | None, intro_id: int | None,
        kinds: Iterable[EventKind | str] | None, since: datetime | None, until: datetime | None,
    ) -> Select[Any]:
        if person_id is not None:
            query = query.where(or_(Event.person_id == person_id, Event.other_person_id == person_id))
        if intro_id is not None:
            query = query.where(Event.intro_id == intro_id)
        if kinds is not None:
            chosen = [validate.choice(EventKind, k, "kind of event") for k in kinds]
            query = query.where(Event.kind.in_(chosen))
        if since is not None:
            query = query.where(Event.at >= require_aware(since, "start of the period"))
        if until is not None:
            query = query.where(Event.at <= require_aware(until, "end of the period"))
        return query.order_by(Event.at.desc(), Event.id.desc())

    def _check_refs(self, session: Session, person_id: int | None, intro_id: int | None) -> None:
        if person_id is not None:
            self._get(session, Person, person_id)
        if intro_id is not None:
            self._get(session, Introduction, intro_id)

    def add_note(
        self, text: str, *, person_id: int | None = None, intro_id: int | None = None,
        at: datetime | None = None,
    ) -> EventRecord:
        """A free note on the timeline, about a person, an intro, or neither."""
        when = aware_or_now(at)
        body = validate.optional_text(text, "note")
        if not body:
            raise ValidationError("A note needs some text.")
        with self._write() as session:
            other = None
            if person_id is not None:
                self._get(session, Person, person_id)
            if intro_id is not None:
                intro = self._get(session, Introduction, intro_id)
                if person_id is None:
                    person_id, other = intro.side_a_id, intro.side_b_id
            event = self._event(session, EventKind.NOTE, when, person_id=person_id,
                                other_person_id=other, intro_id=intro_id, data={"text": body})
            session.flush()
            return _render(session, [event])[0]


def _render(session: Session, events: list[Event]) -> list[EventRecord]:
    names = NameBook(session, [e.person_id for e in events] + [e.other_person_id for e in events])
    commitment_ids = {e.commitment_id for e in events if e.commitment_id is not None}
    actions: dict[int, Action] = dict(session.execute(
        select(Commitment.id, Commitment.action).where(Commitment.id.in_(commitment_ids))
    ).all()) if commitment_ids else {}
    intro_ids = {e.intro_id for e in events if e.intro_id is not None}
    purposes: dict[int, Purpose] = dict(session.execute(
        select(Introduction.id, Introduction.purpose).where(Introduction.id.in_(intro_ids))
    ).all()) if intro_ids else {}
    org_ids = {e.organization_id for e in events if e.organization_id is not None}
    orgs: dict[int, str] = dict(session.execute(
        select(Organization.id, Organization.name).where(Organization.id.in_(org_ids))
    ).all()) if org_ids else {}
    records = []
    for event in events:
        summary = _summary(event, names, actions, purposes, orgs)
        records.append(EventRecord(
            id=event.id, at=event.at, kind=event.kind, summary=summary,
            person_id=event.person_id, other_person_id=event.other_person_id,
            intro_id=event.intro_id, commitment_id=event.commitment_id, data=dict(event.data or {}),
        ))
    return records


def _summary(event: Event, names: NameBook, actions: dict[int, Action],
             purposes: dict[int, Purpose], orgs: dict[int, str]) -> str:
    p, o = names(event.person_id), names(event.other_person_id)
    data = event.data or {}
    intro = f"intro #{event.intro_id}" if event.intro_id is not None else "an intro"
    purpose = PURPOSE_WORDS.get(purposes.get(event.intro_id or -1, Purpose.NETWORKING), "")
    action = actions.get(event.commitment_id or -1, Action.CALL)
    reason = data.get("reason")
    kind = event.kind
    if kind is EventKind.PERSON_ADDED:
        return f"Added {p}."
    if kind is EventKind.PERSON_EDITED:
        return f"Edited {p}: {', '.join(data.get('fields', [])) or 'details'}."
    if kind is EventKind.ORGANIZATION_ADDED:
        return f"Added the organization {orgs.get(event.organization_id or -1, '(removed)')}."
    if kind is EventKind.ORGANIZATION_EDITED:
        return f"Renamed an organization to {orgs.get(event.organization_id or -1, '(removed)')}."
    if kind is EventKind.INTRO_PROPOSED:
        return f"Proposed introducing {p} to {o} ({purpose}), {intro}."
    if kind is EventKind.CONSENT_ASKED:
        return f"Asked {p} for their OK to be introduced to {o} ({intro})."
    if kind is EventKind.CONSENT_AGREED:
        return f"{p} agreed to the introduction with {o} ({intro})."
    if kind is EventKind.CONSENT_DECLINED:
        return f"{p} declined the introduction with {o}; {intro} is closed."
    if kind is EventKind.INTRO_MADE:
        return f"Introduced {p} to {o} ({purpose}), {intro}."
    if kind is EventKind.CONSENT_OVERRIDDEN:
        return f"Made {intro} before both sides agreed: {reason}."
    if kind is EventKind.RISK_OVERRIDDEN:
        because = f" Reason: {reason}" if reason else " No reason given."
        return f"Referred {p} anyway despite a stop warning ({intro}).{because}"
    if kind is EventKind.COMMITMENT_ADDED:
        return f"{p} owes {o} {ACTION_NOUNS[action]} ({intro})."
    if kind is EventKind.COMMITMENT_RESOLVED:
        return _resolution_sentence(p, o, action, data.get("resolution"), intro)
    if kind is EventKind.INTRO_CONNECTED:
        return f"{p} and {o} are in touch ({intro})."
    if kind is EventKind.INTRO_CLOSED:
        outcome = str(data.get("outcome", "")).replace("_", " ")
        return f"Closed {intro} between {p} and {o}: {outcome}."
    if kind is EventKind.NOTE:
        return f"Note: {data.get('text', '')}"
    if kind is EventKind.PERSON_FORGOTTEN:
        return "A person was forgotten; every trace of them was erased."
    if kind is EventKind.DEMO_LOADED:
        return (f"Loaded the demo network ({data.get('people', 0)} people, "
                f"{data.get('intros', 0)} introductions).")
    if kind is EventKind.PERSON_MERGED:
        merged = data.get("merged", {}).get("name", "another record")
        return f"Merged {merged} into {p}."
    if kind is EventKind.PERSON_UNMERGED:
        return f"Undid the merge: {o} is a separate person from {p} again."
    if kind is EventKind.IMPORTED:
        return (f"Imported {data.get('source', 'a file')} ({data.get('format', '')}): "
                f"{data.get('added', 0)} added, {data.get('merged', 0)} merged, "
                f"{data.get('skipped', 0)} skipped.")
    if kind is EventKind.COMMITMENT_REOPENED:
        was = str(data.get("was", "")).replace("_", " ")
        return f"Took back the verdict ({was}) on {p}'s promise to {o}; it is open again ({intro})."
    if kind is EventKind.PERSON_TRASHED:
        return f"Moved {p} to the trash."
    if kind is EventKind.PERSON_RESTORED:
        return f"Restored {p} from the trash."
    return kind.value.replace("_", " ").capitalize() + "."


def _resolution_sentence(p: str, o: str, action: Action, resolution: object, intro: str) -> str:
    done = DONE_PHRASES[action]
    noun = ACTION_NOUNS[action]
    if resolution == Resolution.KEPT:
        return f"{p} {done} {o} as promised ({intro})."
    if resolution == Resolution.LATE:
        return f"{p} {done} {o}, but late ({intro})."
    if resolution == Resolution.WITHDREW:
        return f"{p} backed out of {noun} owed to {o} and said so ({intro})."
    if resolution == Resolution.GHOSTED:
        return f"{p} ghosted {o}: never {done} them, without a word ({intro})."
    if resolution == Resolution.EXCUSED:
        return f"{p} was excused from {noun} owed to {o} ({intro})."
    return f"{p}'s promise to {o} was resolved ({intro})."

