"""The dashboard's data: every series a chart draws, computed here so tests check numbers."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from introdesk.core import stats
from introdesk.core.clock import aware_or_now
from introdesk.core.reliability import Standing
from introdesk.core.risk import RiskAssessment
from introdesk.core.track_record import TrackRecord, track_record
from introdesk.core.vocabulary import ConsentState, Resolution, RiskLevel, Side, Tier
from introdesk.services.facts import referral_facts
from introdesk.services.insight import InsightOps
from introdesk.services.search import active
from introdesk.store.models import Commitment, Consent, Introduction, Person


@dataclass(frozen=True)
class WatchEntry:
    person_id: int
    name: str
    assessment: RiskAssessment

    @property
    def headline(self) -> str:
        return self.assessment.reasons[0].text if self.assessment.reasons else ""


@dataclass(frozen=True)
class RecipientRecord:
    person_id: int
    record: TrackRecord


@dataclass(frozen=True)
class Dashboard:
    distribution: stats.Distribution
    watch: tuple[WatchEntry, ...]
    intros_per_month: stats.MonthlySeries
    funnel: stats.Funnel
    follow_through: tuple[stats.RatePoint, ...]
    recipients: tuple[RecipientRecord, ...]


class DashboardOps(InsightOps):
    def dashboard(self, *, now: datetime | None = None, recipients: int = 8,
                  watch: int = 15) -> Dashboard:
        when = aware_or_now(now, "time")
        with self._read() as session:
            params = self._settings_in(session).reliability_params()
            people: dict[int, str] = {pid: name for pid, name in session.execute(
                active(select(Person.id, Person.name)))}
            scores = self._reliability.standings(session, list(people), when, params)
            intro_facts = _intro_facts(session)
            resolved = [(due.astimezone(), resolution) for due, resolution in session.execute(
                select(Commitment.due_at, Commitment.resolution)
                .where(Commitment.resolution.is_not(None))) if resolution is not None]
            watch_list = self._watch(session, people, scores, when)[:watch]
            received = Counter(session.scalars(
                select(Introduction.side_b_id).where(
                    Introduction.made_at.is_not(None), Introduction.side_b_id.is_not(None),
                    Introduction.connector_id == self.connector_id)))
            top = stats.busiest({pid: n for pid, n in received.items() if pid is not None},
                                recipients)
            records = tuple(RecipientRecord(pid, track_record(
                people[pid], referral_facts(session, pid, self.connector_id))) for pid in top)
        return Dashboard(
            distribution=stats.score_distribution(scores.values()),
            watch=tuple(watch_list),
            intros_per_month=stats.intros_per_month(intro_facts),
            funnel=stats.funnel(intro_facts),
            follow_through=tuple(stats.follow_through_by_month(resolved)),
            recipients=records,
        )

    def _watch(self, session: Session, people: dict[int, str], scores: dict[int, Standing],
               when: datetime) -> list[WatchEntry]:
        """Stop first, then caution; within a level, the most recent reason first."""
        suspects = set(session.scalars(select(Commitment.owed_by_id).where(
            (Commitment.resolution == Resolution.GHOSTED)
            | (Commitment.resolution.is_(None) & (Commitment.due_at < when)))))
        suspects |= {pid for pid, r in scores.items() if r.tier is Tier.UNRELIABLE}
        entries = []
        for pid in suspects:
            assessment = self._assess_in(session, pid, when)
            if assessment.level is not RiskLevel.CLEAR:
                entries.append(WatchEntry(pid, people[pid], assessment))

        def rank(entry: WatchEntry) -> tuple[int, float, str]:
            latest = max((r.due.timestamp() for r in entry.assessment.reasons if r.due), default=0)
            return (-entry.assessment.level.rank, -latest, entry.name)

        return sorted(entries, key=rank)


def _intro_facts(session: Session) -> list[stats.IntroFact]:
    consents: dict[tuple[int, Side], ConsentState] = {
        (intro_id, side): state for intro_id, side, state in session.execute(
            select(Consent.intro_id, Consent.side, Consent.state))}
    return [
        stats.IntroFact(
            created_at=created.astimezone(), made_at=made.astimezone() if made else None,
            connected_at=connected, outcome=outcome,
            consent_a=consents.get((iid, Side.A), ConsentState.NOT_ASKED),
            consent_b=consents.get((iid, Side.B), ConsentState.NOT_ASKED))
        for iid, created, made, connected, outcome in session.execute(
            select(Introduction.id, Introduction.created_at, Introduction.made_at,
                   Introduction.connected_at, Introduction.outcome))
    ]
