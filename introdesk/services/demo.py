"""A small, realistic network for a first look (`introdesk demo`): every feature has something
to show — reliable people, a recent ghost (stop), an old one (caution), overdue and due-soon
follow-ups, consents waiting for an answer, declines. Deterministic: the same story every time,
placed relative to the moment it is loaded.
"""

from __future__ import annotations

import json
import random
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from introdesk.core.clock import aware_or_now
from introdesk.core.errors import ValidationError
from introdesk.core.vocabulary import Action, EventKind, Purpose, Resolution
from introdesk.resources import read_text
from introdesk.services.desk import Desk
from introdesk.services.records import Expectation


@dataclass(frozen=True)
class DemoNetwork:
    """The cast, from resources/demo/network.json (invented people, example.org emails)."""

    organizations: tuple[str, ...]
    people: tuple[dict[str, Any], ...]
    seekers: tuple[str, ...]
    managers: tuple[str, ...]
    advisers: tuple[str, ...]

    @classmethod
    def load(cls) -> DemoNetwork:
        raw = json.loads(read_text("demo", "network.json"))
        return cls(organizations=tuple(raw["organizations"]), people=tuple(raw["people"]),
                   seekers=tuple(raw["seekers"]), managers=tuple(raw["managers"]),
                   advisers=tuple(raw["advisers"]))


@dataclass(frozen=True)
class DemoSummary:
    people: int
    organizations: int
    intros: int
    commitments: int

    def __str__(self) -> str:
        return (f"{self.people} people in {self.organizations} organizations, "
                f"{self.intros} introductions, {self.commitments} commitments")


class _Story:
    """Writes intros through the public Desk API, exactly as a connector would have."""

    def __init__(self, desk: Desk, people: dict[str, int], now: datetime) -> None:
        self.desk, self.people, self.now = desk, people, now
        self.intros = 0
        self.commitments = 0

    def ago(self, days: float) -> datetime:
        return self.now - timedelta(days=days)

    def intro(
        self, a: str, b: str, *, days_ago: float, purpose: Purpose = Purpose.JOB_REFERRAL,
        context: str = "", results: tuple[Resolution | None, ...] = (Resolution.KEPT,),
        manager_reply: Resolution | None | bool = False, window: float = 2.0,
        late_days: float = 2.0,
    ) -> int:
        """Propose, ask, agree, make; then resolve each expectation as `results` says."""
        a_id, b_id = self.people[a], self.people[b]
        start = self.ago(days_ago)
        intro = self.desk.propose_intro(a_id, b_id, purpose=purpose, context=context,
                                        blurb=f"{a} in a few words: motivated, prepared, on time.",
                                        at=start)
        self.desk.ask_consent(intro.id, a_id, at=start)
        self.desk.ask_consent(intro.id, b_id, at=start)
        self.desk.record_consent(intro.id, a_id, agreed=True, at=start + timedelta(hours=5))
        made_at = start + timedelta(days=1)
        self.desk.record_consent(intro.id, b_id, agreed=True, at=made_at - timedelta(hours=2))
        expectations = [Expectation(a_id, b_id, Action.CALL, made_at + timedelta(days=window))
                        for _ in results]
        if manager_reply is not False:
            expectations.append(Expectation(b_id, a_id, Action.REPLY, made_at + timedelta(days=5)))
        made = self.desk.make_intro(intro.id, at=made_at, expectations=expectations,
                                    risk_override_reason="Demo history")
        outcomes = list(results) + ([manager_reply] if manager_reply is not False else [])
        for commitment, outcome in zip(made.commitments, outcomes, strict=True):
            if outcome is None or not isinstance(outcome, Resolution):
                continue
            when = commitment.due_at + (timedelta(days=late_days) if outcome is Resolution.LATE
                                        else timedelta(hours=-6))
            if when > self.now:
                when = self.now
            self.desk.resolve(commitment.id, outcome, at=when)
        self.intros += 1
        self.commitments += len(made.commitments)
        return intro.id


def load_demo(desk: Desk, *, now: datetime | None = None, seed: int = 7) -> DemoSummary:
    """Fill an empty database with the demo network; refuses a database that holds people."""
    when = aware_or_now(now)
    existing = desk.count_people()
    if existing:
        raise ValidationError(
            f"The database {desk.location.describe()} already holds {existing} people; the demo "
            "only fills an empty database. Choose another file with --db."
        )
    network = DemoNetwork.load()
    rng = random.Random(seed)
    founded = when - timedelta(days=760)
    people = {}
    for entry in network.people:
        record = desk.add_person(
            entry["name"], email=_demo_email(entry["name"]), organization=entry["organization"],
            title=entry["title"], tags=entry["tags"], at=founded,
        )
        people[entry["name"]] = record.id
    story = _Story(desk, people, when)
    _key_stories(story)
    _everyday_history(story, network, rng)
    desk_summary = DemoSummary(people=len(people), organizations=len(network.organizations),
                               intros=story.intros, commitments=story.commitments)
    with desk._write() as session:  # noqa: SLF001 - the demo is part of the service layer
        desk._event(session, EventKind.DEMO_LOADED, when,
                    data={"people": desk_summary.people, "intros": desk_summary.intros})
    return desk_summary


def _demo_email(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    parts = ascii_name.lower().split()
    return f"{parts[0]}.{parts[-1]}@example.org"


def _key_stories(s: _Story) -> None:
    # Maya: the reliable one, years of kept promises, one late.
    for days, manager in ((700, "Ravi Iyer"), (420, "Aisha Karim"), (200, "Elena Petrova"),
                          (90, "Mateo Silva")):
        s.intro("Maya Chen", manager, days_ago=days, context="Strong SQL, wants a team lead role.")
    s.intro("Maya Chen", "Dana Ortiz", days_ago=30, results=(Resolution.LATE,),
            manager_reply=Resolution.KEPT, context="Dana's team is hiring an analyst.")
    # Jordan ghosted Dana 60 days ago: the red "stop" warning.
    s.intro("Jordan Blake", "Marcus Webb", days_ago=400, context="Frontend for the ops dashboard.")
    s.intro("Jordan Blake", "Dana Ortiz", days_ago=62, results=(Resolution.GHOSTED,),
            context="Dashboard work in Dana's team.")
    # Priya ghosted once, almost two years ago, and has kept every promise since: caution.
    s.intro("Priya Raman", "Daniel Park", days_ago=650, results=(Resolution.GHOSTED,),
            context="Design lead opening.")
    s.intro("Priya Raman", "Aisha Karim", days_ago=300, context="Design systems work.")
    s.intro("Priya Raman", "Mateo Silva", days_ago=120, context="Product design role.")
    # Sam owes Tom a call that was due three days ago: overdue.
    s.intro("Sam Okafor", "Tom Lindqvist", days_ago=6, results=(None,),
            context="Operations lead for the new branch.")
    # Hannah's call to Ravi falls due tomorrow: due soon.
    s.intro("Hannah Berg", "Ravi Iyer", days_ago=2.2, results=(None,), window=2.0,
            context="Junior data scientist role.")
    # A hiring manager who never answered the candidate: the reverse direction.
    s.intro("Chris Novak", "Marcus Webb", days_ago=150, manager_reply=Resolution.GHOSTED,
            context="Backend for route planning.")
    # Consents: one asked ten days ago with no answer, two declines, one still a draft.
    waiting = s.desk.propose_intro(s.people["Kwame Mensah"], s.people["Daniel Park"],
                                   purpose=Purpose.JOB_REFERRAL, at=s.ago(10),
                                   context="Sales engineering at Juniper Labs.")
    s.desk.ask_consent(waiting.id, s.people["Kwame Mensah"], at=s.ago(10))
    s.desk.record_consent(waiting.id, s.people["Kwame Mensah"], agreed=True, at=s.ago(9))
    s.desk.ask_consent(waiting.id, s.people["Daniel Park"], at=s.ago(10))
    for a, b, days in (("Zoe Williams", "Elena Petrova", 45), ("Owen Murphy", "Aisha Karim", 260)):
        declined = s.desk.propose_intro(s.people[a], s.people[b], at=s.ago(days),
                                        context="Career change into tech.")
        s.desk.ask_consent(declined.id, s.people[b], at=s.ago(days))
        s.desk.record_consent(declined.id, s.people[b], agreed=False, at=s.ago(days - 2),
                              note="Not hiring this quarter.")
    s.desk.propose_intro(s.people["Amara Nwosu"], s.people["Victor Hugo Ramos"],
                         purpose=Purpose.BUSINESS, at=s.ago(1),
                         context="Victor is raising a pre-seed round.")
    s.intros += 4


def _everyday_history(s: _Story, network: DemoNetwork, rng: random.Random) -> None:
    """Referrals and advice calls spread over two years, with an honest mix of endings."""
    mix = ((Resolution.KEPT, 12), (Resolution.LATE, 4), (Resolution.WITHDREW, 2),
           (Resolution.EXCUSED, 2), (Resolution.GHOSTED, 1))
    choices = [r for r, weight in mix for _ in range(weight)]
    for index in range(16):
        seeker = network.seekers[index % len(network.seekers)]
        if index % 4 == 3:
            other, purpose = rng.choice(network.advisers), Purpose.ADVICE
        else:
            other, purpose = rng.choice(network.managers), Purpose.JOB_REFERRAL
        days = 700 - index * 40 - rng.randint(0, 20)
        result = rng.choice(choices)
        if seeker == "Hannah Berg" and result is Resolution.GHOSTED:
            result = Resolution.KEPT
        intro_id = s.intro(seeker, other, days_ago=days, purpose=purpose, results=(result,),
                           manager_reply=Resolution.KEPT if index % 3 == 0 else False,
                           context="Referred after a coffee chat.")
        if index % 5 == 0:
            s.desk.mark_connected(intro_id, at=s.ago(days - 4))
            s.desk.close_intro(intro_id, "hired" if index % 10 == 0 else "met", at=s.ago(days - 30))
