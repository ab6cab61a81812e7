"""Introductions: propose, ask and record consent, make with expectations, resolve, close."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from introdesk.core import lifecycle
from introdesk.core.clock import aware_or_now, require_aware
from introdesk.core.errors import TransitionError, ValidationError
from introdesk.core.vocabulary import (
    Action,
    ConsentState,
    EventKind,
    IntroStatus,
    Outcome,
    Purpose,
    Resolution,
    RiskLevel,
    Side,
)
from introdesk.core.words import format_date
from introdesk.services import validate
from introdesk.services.convert import (
    NameBook,
    commitment_records,
    intro_record,
    intro_records,
)
from introdesk.services.insight import InsightOps
from introdesk.services.people import PeopleOps
from introdesk.services.records import CommitmentRecord, Expectation, IntroRecord
from introdesk.services.search import where_person_matches
from introdesk.store.models import Commitment, Consent, Introduction, Person


class IntroOps(PeopleOps, InsightOps):
    def propose_intro(
        self,
        side_a: int,
        side_b: int,
        *,
        purpose: Purpose | str = Purpose.JOB_REFERRAL,
        context: str = "",
        blurb: str = "",
        organization: str | None = None,
        at: datetime | None = None,
    ) -> IntroRecord:
        """A draft intro putting `side_a` (who is introduced) in touch with `side_b` (to whom)."""
        when = aware_or_now(at)
        with self._write() as session:
            intro = self._propose_in(session, side_a, side_b, purpose=purpose, context=context,
                                     blurb=blurb, organization=organization, when=when)
            return intro_record(session, intro)

    def _propose_in(
        self, session: Session, side_a: int, side_b: int, *, purpose: Purpose | str,
        context: str, blurb: str, organization: str | None, when: datetime,
    ) -> Introduction:
        chosen_purpose = validate.choice(Purpose, purpose, "purpose")
        context_text = validate.optional_text(context, "context") or ""
        blurb_text = validate.optional_text(blurb, "blurb") or ""
        if side_a == side_b:
            raise ValidationError("The same person cannot be on both sides of an introduction.")
        a = self._get(session, Person, side_a)
        b = self._get(session, Person, side_b)
        intro = Introduction(
            connector_id=self.connector_id, side_a_id=a.id, side_b_id=b.id,
            purpose=chosen_purpose, context=context_text, blurb=blurb_text,
            status=IntroStatus.DRAFT, created_at=when,
        )
        intro.organization = self._organization_named(session, organization, when)
        intro.consents = [
            Consent(side=Side.A, person_id=a.id, state=ConsentState.NOT_ASKED),
            Consent(side=Side.B, person_id=b.id, state=ConsentState.NOT_ASKED),
        ]
        session.add(intro)
        session.flush()
        self._event(session, EventKind.INTRO_PROPOSED, when, person_id=a.id,
                    other_person_id=b.id, intro_id=intro.id)
        return intro

    def ask_consent(self, intro_id: int, person_id: int, *, at: datetime | None = None) -> IntroRecord:
        """Record that this side was asked for their OK (double opt-in)."""
        when = aware_or_now(at)
        with self._write() as session:
            intro = self._get(session, Introduction, intro_id)
            self._ask_in(session, intro, person_id, when)
            return intro_record(session, intro)

    def _ask_in(self, session: Session, intro: Introduction, person_id: int, when: datetime) -> None:
        consent = self._consent_for(session, intro, person_id)
        consent.state = lifecycle.check_consent_step(intro.status, consent.state, ConsentState.ASKED)
        consent.asked_at = when
        intro.status = lifecycle.intro_status_after_consent(intro.status, ConsentState.ASKED)
        self._event(session, EventKind.CONSENT_ASKED, when, person_id=person_id,
                    other_person_id=_other_side(intro, person_id), intro_id=intro.id)

    def record_consent(
        self, intro_id: int, person_id: int, *, agreed: bool, at: datetime | None = None,
        note: str | None = None,
    ) -> IntroRecord:
        """Record one side's answer; a decline closes the intro as declined (and never counts
        against anyone)."""
        when = aware_or_now(at)
        with self._write() as session:
            intro = self._get(session, Introduction, intro_id)
            self._answer_in(session, intro, person_id, agreed=agreed, when=when, note=note)
            return intro_record(session, intro)

    def _answer_in(self, session: Session, intro: Introduction, person_id: int, *, agreed: bool,
                   when: datetime, note: str | None = None) -> None:
        if not isinstance(agreed, bool):
            raise ValidationError("agreed must be True or False.")
        note_text = validate.optional_text(note, "note")
        target = ConsentState.AGREED if agreed else ConsentState.DECLINED
        consent = self._consent_for(session, intro, person_id)
        consent.state = lifecycle.check_consent_step(intro.status, consent.state, target)
        consent.answered_at = when
        intro.status = lifecycle.intro_status_after_consent(intro.status, target)
        if target is ConsentState.DECLINED:
            intro.outcome = Outcome.DECLINED
            intro.closed_at = when
        kind = EventKind.CONSENT_AGREED if agreed else EventKind.CONSENT_DECLINED
        self._event(session, kind, when, person_id=person_id,
                    other_person_id=_other_side(intro, person_id), intro_id=intro.id,
                    data={"note": note_text} if note_text else None)

    def make_intro(
        self,
        intro_id: int,
        *,
        at: datetime | None = None,
        expectations: Sequence[Expectation] | None = None,
        override_reason: str | None = None,
        risk_override_reason: str | None = None,
    ) -> IntroRecord:
        """Make the introduction and the commitments in it.

        Without `expectations`, side A owes side B a call within the default window. Making
        before both sides agreed needs `override_reason`. If either side is at the stop level
        the caller has already confirmed "Refer anyway": the override is recorded as an event,
        with `risk_override_reason` when given.
        """
        when = aware_or_now(at)
        with self._write() as session:
            intro = self._get(session, Introduction, intro_id)
            self._make_in(session, intro, when=when, expectations=expectations,
                          override_reason=override_reason,
                          risk_override_reason=risk_override_reason)
            return intro_record(session, intro)

    def record_intro(
        self,
        side_a: int,
        side_b: int,
        *,
        purpose: Purpose | str = Purpose.JOB_REFERRAL,
        context: str = "",
        blurb: str = "",
        organization: str | None = None,
        consents: Mapping[int, ConsentState | str | tuple[ConsentState | str, datetime]]
        | None = None,
        make: bool = False,
        at: datetime | None = None,
        expectations: Sequence[Expectation] | None = None,
        override_reason: str | None = None,
        risk_override_reason: str | None = None,
    ) -> IntroRecord:
        """Everything the introduction form does, in one transaction: propose, record each
        side's consent as given (asked, agreed or declined; optionally with its own time), and
        make it if `make`."""
        when = aware_or_now(at)
        with self._write() as session:
            intro = self._propose_in(session, side_a, side_b, purpose=purpose, context=context,
                                     blurb=blurb, organization=organization, when=when)
            for person_id, given in (consents or {}).items():
                state, answered = given if isinstance(given, tuple) else (given, when)
                chosen = validate.choice(ConsentState, state, "consent state")
                answered = require_aware(answered, "consent time")
                if chosen in (ConsentState.ASKED, ConsentState.AGREED, ConsentState.DECLINED):
                    self._ask_in(session, intro, person_id, answered)
                if chosen in (ConsentState.AGREED, ConsentState.DECLINED):
                    self._answer_in(session, intro, person_id,
                                    agreed=chosen is ConsentState.AGREED, when=answered)
            if make:
                self._make_in(session, intro, when=when, expectations=expectations,
                              override_reason=override_reason,
                              risk_override_reason=risk_override_reason)
            return intro_record(session, intro)

    def _make_in(
        self, session: Session, intro: Introduction, *, when: datetime,
        expectations: Sequence[Expectation] | None, override_reason: str | None,
        risk_override_reason: str | None,
    ) -> None:
        override = validate.optional_text(override_reason, "override reason")
        risk_reason = validate.optional_text(risk_override_reason, "reason")
        a_id, b_id = _both_sides(intro)
        consent_a = self._consent_for(session, intro, a_id).state
        consent_b = self._consent_for(session, intro, b_id).state
        overridden = lifecycle.check_can_make(intro.status, consent_a, consent_b, override)
        settings = self._settings_in(session)
        window = timedelta(days=settings.default_window_days)
        wanted = list(expectations) if expectations is not None else [
            Expectation(owed_by=a_id, owed_to=b_id, action=Action.CALL)
        ]
        commitments = [self._commitment_from(e, intro, when, window) for e in wanted]
        risks = {pid: self._assess_in(session, pid, when) for pid in (a_id, b_id)}
        intro.status = IntroStatus.MADE
        intro.made_at = when
        intro.consent_override_reason = override if overridden else None
        intro.commitments.extend(commitments)
        session.flush()
        self._event(session, EventKind.INTRO_MADE, when, person_id=a_id,
                    other_person_id=b_id, intro_id=intro.id,
                    data={"commitments": [c.id for c in commitments]})
        if overridden:
            self._event(session, EventKind.CONSENT_OVERRIDDEN, when, person_id=a_id,
                        other_person_id=b_id, intro_id=intro.id, data={"reason": override})
        for pid, risk in risks.items():
            if risk.level is RiskLevel.STOP:
                self._event(
                    session, EventKind.RISK_OVERRIDDEN, when, person_id=pid,
                    other_person_id=_other_side(intro, pid), intro_id=intro.id,
                    data={"reason": risk_reason,
                          "warnings": [r.text for r in risk.reasons if r.level is RiskLevel.STOP]},
                )

    def add_commitment(
        self, intro_id: int, owed_by: int, owed_to: int, action: Action | str = Action.CALL, *,
        due: datetime | None = None, at: datetime | None = None,
    ) -> CommitmentRecord:
        """Add a promise to an intro that was made (and is not closed)."""
        when = aware_or_now(at)
        with self._write() as session:
            intro = self._get(session, Introduction, intro_id)
            if intro.status not in (IntroStatus.MADE, IntroStatus.CONNECTED):
                raise TransitionError(
                    f"Commitments belong to an introduction that was made; this one is "
                    f"{intro.status.value}."
                )
            window = timedelta(days=self._settings_in(session).default_window_days)
            commitment = self._commitment_from(
                Expectation(owed_by=owed_by, owed_to=owed_to, action=action, due=due),
                intro, when, window, base=when)
            intro.commitments.append(commitment)
            session.flush()
            self._event(session, EventKind.COMMITMENT_ADDED, when, person_id=owed_by,
                        other_person_id=owed_to, intro_id=intro.id, commitment_id=commitment.id)
            return commitment_records(session, [commitment])[0]

    def resolve(
        self, commitment_id: int, resolution: Resolution | str, *, at: datetime | None = None,
        note: str | None = None,
    ) -> CommitmentRecord:
        """How a commitment ended: kept, late, withdrew, ghosted or excused. Recorded once."""
        when = aware_or_now(at)
        chosen = validate.choice(Resolution, resolution, "resolution")
        note_text = validate.optional_text(note, "note")
        with self._write() as session:
            commitment = self._get(session, Commitment, commitment_id)
            lifecycle.check_resolve(commitment.resolution)
            commitment.resolution = chosen
            commitment.resolved_at = when
            commitment.note = note_text
            self._event(session, EventKind.COMMITMENT_RESOLVED, when,
                        person_id=commitment.owed_by_id, other_person_id=commitment.owed_to_id,
                        intro_id=commitment.intro_id, commitment_id=commitment.id,
                        data={"resolution": chosen.value, "note": note_text})
            return commitment_records(session, [commitment])[0]

    def mark_connected(self, intro_id: int, *, at: datetime | None = None) -> IntroRecord:
        """The two sides are in touch."""
        when = aware_or_now(at)
        with self._write() as session:
            intro = self._get(session, Introduction, intro_id)
            intro.status = lifecycle.check_intro_step(intro.status, IntroStatus.CONNECTED)
            intro.connected_at = when
            self._event(session, EventKind.INTRO_CONNECTED, when, person_id=intro.side_a_id,
                        other_person_id=intro.side_b_id, intro_id=intro.id)
            return intro_record(session, intro)

    def close_intro(
        self, intro_id: int, outcome: Outcome | str, *, at: datetime | None = None,
        note: str | None = None,
    ) -> IntroRecord:
        when = aware_or_now(at)
        chosen = validate.choice(Outcome, outcome, "outcome")
        note_text = validate.optional_text(note, "note")
        with self._write() as session:
            intro = self._get(session, Introduction, intro_id)
            intro.status = lifecycle.check_close(intro.status, chosen)
            intro.outcome = chosen
            intro.closed_at = when
            self._event(session, EventKind.INTRO_CLOSED, when, person_id=intro.side_a_id,
                        other_person_id=intro.side_b_id, intro_id=intro.id,
                        data={"outcome": chosen.value, "note": note_text})
            return intro_record(session, intro)

    def get_intro(self, intro_id: int) -> IntroRecord:
        with self._read() as session:
            return intro_record(session, self._get(session, Introduction, intro_id))

    def intro_ids(
        self, *, status: IntroStatus | str | None = None, person_id: int | None = None,
        text: str = "",
    ) -> list[int]:
        """Ids of intros, newest first; optionally one status, one person, or matching words
        of either side's name (for lazy views)."""
        query = self._intro_query(select(Introduction.id), status, person_id, text)
        with self._read() as session:
            return list(session.scalars(query))

    def intro_rows(self, ids: Sequence[int]) -> list[IntroRecord]:
        """Records for these ids, in the same order (missing ids skipped); a fixed number of
        queries whatever the number of ids."""
        if not ids:
            return []
        with self._read() as session:
            found = {i.id: i for i in session.scalars(
                select(Introduction).where(Introduction.id.in_(list(ids)))).unique()}
            return intro_records(session, [found[i] for i in ids if i in found])

    def _intro_query(
        self, query: Select[Any], status: IntroStatus | str | None, person_id: int | None,
        text: str,
    ) -> Select[Any]:
        if status is not None:
            query = query.where(Introduction.status == validate.choice(IntroStatus, status, "status"))
        if person_id is not None:
            query = query.where(or_(Introduction.side_a_id == person_id,
                                    Introduction.side_b_id == person_id))
        if text.strip():
            matching = where_person_matches(select(Person.id), text)
            query = query.where(or_(Introduction.side_a_id.in_(matching),
                                    Introduction.side_b_id.in_(matching)))
        return query.order_by(Introduction.created_at.desc(), Introduction.id.desc())

    def list_intros(
        self, *, status: IntroStatus | str | None = None, person_id: int | None = None,
        offset: int = 0, limit: int | None = None,
    ) -> list[IntroRecord]:
        """Newest first; optionally only one status, or only intros a person is in."""
        with self._read() as session:
            query = self._intro_query(select(Introduction), status, person_id, "").offset(offset)
            if limit is not None:
                query = query.limit(limit)
            return intro_records(session, session.scalars(query).unique())

    def commitments_owed_by(self, person_id: int) -> list[CommitmentRecord]:
        """Everything this person promised, oldest due first: the evidence behind their score."""
        with self._read() as session:
            self._get(session, Person, person_id)
            rows = session.scalars(select(Commitment).where(Commitment.owed_by_id == person_id)
                                   .order_by(Commitment.due_at, Commitment.id))
            return commitment_records(session, rows)

    # Helpers

    def _consent_for(self, session: Session, intro: Introduction, person_id: int) -> Consent:
        for consent in intro.consents:
            if consent.person_id is not None and consent.person_id == person_id:
                return consent
        person = self._get(session, Person, person_id)  # an unknown id gets its own message
        names = NameBook(session, [intro.side_a_id, intro.side_b_id])
        raise ValidationError(
            f"{person.name} is not part of introduction #{intro.id} "
            f"(it is between {names(intro.side_a_id)} and {names(intro.side_b_id)})."
        )

    def _commitment_from(
        self, expectation: Expectation, intro: Introduction, made_at: datetime,
        window: timedelta, base: datetime | None = None,
    ) -> Commitment:
        sides = {intro.side_a_id, intro.side_b_id} - {None}
        for pid in (expectation.owed_by, expectation.owed_to):
            if pid not in sides:
                raise ValidationError(
                    f"A commitment is owed between the two sides of introduction #{intro.id}; "
                    f"person {pid} is not one of them."
                )
        if expectation.owed_by == expectation.owed_to:
            raise ValidationError("A person cannot owe a commitment to themselves.")
        action = validate.choice(Action, expectation.action, "commitment action")
        start = base or made_at
        due = start + window if expectation.due is None else require_aware(expectation.due, "due time")
        intro_made = intro.made_at or made_at
        if due < intro_made:
            raise ValidationError(
                f"The due time {format_date(due)} is before the introduction was made "
                f"({format_date(intro_made)}); a promise cannot fall due before it was made."
            )
        return Commitment(owed_by_id=expectation.owed_by, owed_to_id=expectation.owed_to,
                          action=action, due_at=due, created_at=made_at)


def _both_sides(intro: Introduction) -> tuple[int, int]:
    if intro.side_a_id is None or intro.side_b_id is None:
        raise TransitionError(
            f"Introduction #{intro.id} lost one side when a person was forgotten; "
            "it cannot be made any more."
        )
    return intro.side_a_id, intro.side_b_id


def _other_side(intro: Introduction, person_id: int | None) -> int | None:
    return intro.side_b_id if person_id == intro.side_a_id else intro.side_a_id
