"""What the history says: reliability, the pre-referral warning, track records, what needs attention."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from introdesk.core import reliability as reliability_model
from introdesk.core import risk as risk_model
from introdesk.core.clock import aware_or_now
from introdesk.core.reliability import Reliability, ReliabilityPoint
from introdesk.core.risk import RiskAssessment
from introdesk.core.track_record import TrackRecord, track_record
from introdesk.core.vocabulary import ConsentState, IntroStatus
from introdesk.services.base import DeskBase
from introdesk.services.convert import NameBook, commitment_records
from introdesk.services.facts import outcome_facts, owed_facts, referral_facts
from introdesk.services.records import Attention, StaleConsent
from introdesk.store.models import Commitment, Consent, Introduction, Person


def local_zone() -> tzinfo:
    """The zone reasons are written in: the machine's own (DESIGN.md: shown in local time)."""
    zone = datetime.now().astimezone().tzinfo
    assert zone is not None
    return zone


class InsightOps(DeskBase):
    def reliability(self, person_id: int, *, now: datetime | None = None) -> Reliability:
        when = aware_or_now(now, "time")
        with self._read() as session:
            self._get(session, Person, person_id)
            params = self._settings_in(session).reliability_params()
            return reliability_model.score(outcome_facts(session, person_id), now=when, params=params)

    def reliability_history(
        self, person_id: int, *, now: datetime | None = None
    ) -> list[ReliabilityPoint]:
        """The score at each resolved commitment's due time and at `now` (for the chart)."""
        when = aware_or_now(now, "time")
        with self._read() as session:
            self._get(session, Person, person_id)
            params = self._settings_in(session).reliability_params()
            return reliability_model.history(outcome_facts(session, person_id), now=when,
                                             params=params)

    def assess_risk(self, person_id: int, *, now: datetime | None = None) -> RiskAssessment:
        """What to say the moment this person is put into an intro: stop, caution or clear."""
        when = aware_or_now(now, "time")
        with self._read() as session:
            return self._assess_in(session, person_id, when)

    def _assess_in(self, session: Session, person_id: int, when: datetime) -> RiskAssessment:
        person = self._get(session, Person, person_id)
        settings = self._settings_in(session)
        outcomes = outcome_facts(session, person_id)
        current = reliability_model.score(outcomes, now=when,
                                          params=settings.reliability_params())
        return risk_model.assess(
            person.name, owed_facts(session, person_id), current, now=when,
            stop_window_days=settings.stop_window_days, display_tz=local_zone(),
        )

    def track_record(self, recipient_id: int, *, connector_id: int | None = None) -> TrackRecord:
        """How the people this connector referred to `recipient_id` followed through."""
        with self._read() as session:
            recipient = self._get(session, Person, recipient_id)
            facts = referral_facts(session, recipient_id, connector_id or self.connector_id)
            return track_record(recipient.name, facts)

    def needs_attention(self, *, now: datetime | None = None) -> Attention:
        """Overdue commitments, those due within the due-soon window, and consents asked long
        ago with no answer; each list oldest first."""
        when = aware_or_now(now, "time")
        with self._read() as session:
            settings = self._settings_in(session)
            soon = when + timedelta(days=settings.due_soon_days)
            open_commitments = list(session.scalars(
                select(Commitment).where(Commitment.resolution.is_(None), Commitment.due_at <= soon)
                .order_by(Commitment.due_at, Commitment.id)
            ))
            records = commitment_records(session, open_commitments)
            overdue = tuple(r for r in records if r.due_at < when)
            due_soon = tuple(r for r in records if r.due_at >= when)
            return Attention(overdue=overdue, due_soon=due_soon,
                             stale_consents=self._stale_consents(session, when, settings.stale_consent_days))

    @staticmethod
    def _stale_consents(session: Session, when: datetime, days: float) -> tuple[StaleConsent, ...]:
        cutoff = when - timedelta(days=days)
        rows = list(session.execute(
            select(Consent.intro_id, Consent.person_id, Consent.asked_at,
                   Introduction.side_a_id, Introduction.side_b_id)
            .join(Introduction, Introduction.id == Consent.intro_id)
            .where(Consent.state == ConsentState.ASKED, Consent.asked_at <= cutoff,
                   Consent.person_id.is_not(None),
                   Introduction.status.in_((IntroStatus.DRAFT, IntroStatus.ASKING)))
            .order_by(Consent.asked_at, Consent.intro_id)
        ))
        names = NameBook(session, [r.side_a_id for r in rows] + [r.side_b_id for r in rows])
        result = []
        for row in rows:
            other = row.side_b_id if row.person_id == row.side_a_id else row.side_a_id
            result.append(StaleConsent(intro_id=row.intro_id, person_id=row.person_id,
                                       person_name=names(row.person_id), other_name=names(other),
                                       asked_at=row.asked_at))
        return tuple(result)
