"""The reliability kept between calls always equals computing it afresh, and a write makes the
desk read and sum again only the people it touched."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from introdesk.core.errors import IntrodeskError
from introdesk.core.reliability import score
from introdesk.core.vocabulary import ConsentState, Resolution, Tier
from introdesk.services import Desk
from introdesk.services.facts import outcome_facts
from introdesk.services.records import Expectation

START = datetime(2024, 1, 1, 9, tzinfo=UTC)


def _pure(desk: Desk, person_id: int, now: datetime) -> tuple[float, float, Tier]:
    """The model applied to the stored outcomes directly: no cache, no SQL arithmetic."""
    params = desk.settings().reliability_params()
    with desk._read() as session:  # noqa: SLF001 - the reference the cache is held to
        facts = outcome_facts(session, person_id)
    result = score(facts, now=now, params=params)
    return result.score, result.n_eff, result.tier


def _assert_cache_is_true(desk: Desk, now: datetime) -> None:
    ids = desk.contact_ids("", now=now) + [p.id for p in desk.trashed_people()]
    rows = {row.id: row.standing for row in desk.contact_rows(ids, now=now)}
    assert set(rows) == set(ids)
    for person_id, standing in rows.items():
        expected_score, expected_n, expected_tier = _pure(desk, person_id, now)
        assert standing.score == pytest.approx(expected_score, rel=1e-9), person_id
        assert standing.n_eff == pytest.approx(expected_n, rel=1e-9, abs=1e-12), person_id
        assert standing.tier is expected_tier, person_id
    for tier in Tier:
        assert desk.contact_ids("", tier=tier, now=now) == [
            i for i in desk.contact_ids("", now=now) if rows[i].tier is tier]


class _Story:
    """Random operations through the public Desk API, as a user's months would bring them."""

    def __init__(self, desk: Desk, rng: random.Random) -> None:
        self.desk, self.rng, self.now = desk, rng, START
        self.merges: list[int] = []

    def people(self) -> list[int]:
        return self.desk.contact_ids("", now=self.now)

    def commitments(self, resolved: bool) -> list[int]:
        found = []
        for pid in self.people():
            found += [c.id for c in self.desk.commitments_owed_by(pid)
                      if (c.resolution is not None) is resolved]
        return found

    def step(self) -> str:
        self.now += timedelta(hours=self.rng.choice((1, 7, 30, 24 * 40)))
        name = self.rng.choice(("person", "intro", "intro", "commitment", "resolve", "resolve",
                                "resolve", "reopen", "merge", "undo_merge", "trash", "forget",
                                "edit", "settings"))
        try:
            getattr(self, f"_{name}")()
        except IndexError:  # nothing to do it to yet
            return f"{name} (nothing)"
        return name

    def _person(self) -> None:
        self.desk.add_person(f"Person {self.rng.randrange(10_000)}", at=self.now)

    def _intro(self) -> None:
        a, b = self.rng.sample(self.people(), 2)
        due = self.now + timedelta(days=self.rng.choice((0, 1, 3, 60)))
        self.desk.record_intro(
            a, b, consents={a: ConsentState.AGREED, b: ConsentState.AGREED}, make=True,
            at=self.now, risk_override_reason="the story goes on",
            expectations=[Expectation(owed_by=a, owed_to=b, due=due),
                          Expectation(owed_by=b, owed_to=a, due=due + timedelta(days=2))])

    def _commitment(self) -> None:
        intros = self.desk.list_intros()
        intro = self.rng.choice([i for i in intros if i.status.value in ("made", "connected")])
        a, b = intro.side_a_id, intro.side_b_id
        if a is None or b is None:
            raise IndexError
        self.desk.add_commitment(intro.id, b, a, due=self.now + timedelta(hours=5), at=self.now)

    def _resolve(self) -> None:
        cid = self.rng.choice(self.commitments(resolved=False))
        self.desk.resolve(cid, self.rng.choice(list(Resolution)), at=self.now)

    def _reopen(self) -> None:
        self.desk.reopen_commitment(self.rng.choice(self.commitments(resolved=True)),
                                    at=self.now)

    def _merge(self) -> None:
        keep, other = self.rng.sample(self.people(), 2)
        try:
            self.desk.merge_people(keep, other, at=self.now)
        except IntrodeskError:  # two sides of one intro: refused, nothing changed
            return
        merged = [e for e in self.desk.timeline(limit=5) if e.kind.value == "person_merged"]
        self.merges.append(merged[0].id)

    def _undo_merge(self) -> None:
        self.desk.undo_merge(self.merges.pop(), at=self.now)

    def _trash(self) -> None:
        pid = self.rng.choice(self.people())
        self.desk.trash_person(pid, at=self.now)
        if self.rng.random() < 0.5:
            self.desk.restore_person(pid, at=self.now)

    def _forget(self) -> None:
        if self.rng.random() < 0.3:
            self.merges.clear()  # a merge's snapshot may name the forgotten person
            self.desk.forget(self.rng.choice(self.people()), at=self.now)

    def _edit(self) -> None:
        self.desk.edit_person(self.rng.choice(self.people()), title="Recruiter", at=self.now)

    def _settings(self) -> None:
        self.desk.update_settings(ghost_weight=self.rng.choice((1.0, 1.5, 3.0)),
                                  half_life_days=self.rng.choice((30.0, 365.0)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_cache_equals_recompute_after_random_operations(desk: Desk, seed: int) -> None:
    story = _Story(desk, random.Random(seed))
    for i in range(8):
        desk.add_person(f"Founder {i}", at=START)
    done = []
    for _ in range(70):
        done.append(story.step())
        _assert_cache_is_true(desk, story.now)
        if story.rng.random() < 0.1:  # a score as it stood earlier: computed, not kept
            _assert_cache_is_true(desk, story.now - timedelta(days=90))
    assert {"resolve", "reopen", "merge", "settings"} <= set(done), done


def test_after_one_resolution_only_the_person_it_affects_is_recomputed(desk: Desk) -> None:
    people = [desk.add_person(f"P{i}", at=START).id for i in range(12)]
    for a, b in zip(people[::2], people[1::2], strict=True):
        desk.record_intro(a, b, consents={a: "agreed", b: "agreed"}, make=True, at=START,
                          expectations=[Expectation(owed_by=a, owed_to=b)])
    now = START + timedelta(days=10)
    desk.contact_ids("", tier=Tier.NEW, now=now)
    cache = desk._reliability  # noqa: SLF001 - what the desk had to recompute
    assert cache.last_computed == frozenset(people)
    desk.contact_ids("", tier=Tier.NEW, now=now + timedelta(hours=1))
    assert cache.last_computed == frozenset()  # time passing costs no reading

    commitment = desk.commitments_owed_by(people[4])[0]
    desk.resolve(commitment.id, Resolution.GHOSTED, at=now)
    unreliable = desk.contact_ids("", tier=Tier.UNRELIABLE, now=now + timedelta(hours=2))
    assert cache.last_computed == frozenset({people[4]})
    assert unreliable == [people[4]]

    desk.edit_person(people[7], notes="met at the meetup", at=now)
    desk.contact_rows(people, now=now + timedelta(hours=3))
    assert cache.last_computed == frozenset({people[7]})
    desk.update_settings(ghost_weight=3.0)  # new settings: everyone again
    desk.contact_rows(people, now=now + timedelta(hours=4))
    assert cache.last_computed == frozenset(people)


def test_a_bulk_statement_on_commitments_empties_the_cache(desk: Desk) -> None:
    from sqlalchemy import update

    from introdesk.store.models import Commitment

    a, b = (desk.add_person(name, at=START).id for name in ("Ana", "Ben"))
    desk.record_intro(a, b, consents={a: "agreed", b: "agreed"}, make=True, at=START,
                      expectations=[Expectation(owed_by=a, owed_to=b)])
    now = START + timedelta(days=3)
    assert desk.contact_ids("", tier=Tier.UNRELIABLE, now=now) == []
    with desk._write() as session:  # noqa: SLF001 - a statement no flush would show
        session.execute(update(Commitment).values(resolution=Resolution.GHOSTED,
                                                  resolved_at=now))
    assert desk.contact_ids("", tier=Tier.UNRELIABLE, now=now) == [a]
    assert desk._reliability.last_computed == frozenset({a, b})  # noqa: SLF001
