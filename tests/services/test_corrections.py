"""Taking a verdict back, and the trash."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from introdesk.core.errors import TransitionError
from introdesk.core.vocabulary import EventKind
from introdesk.services import Desk, Expectation
from tests.conftest import T0


def _made(desk: Desk, a: int, b: int) -> int:
    intro = desk.record_intro(a, b, consents={a: "agreed", b: "agreed"}, make=True, at=T0,
                              expectations=[Expectation(a, b, "call", T0 + timedelta(days=2))])
    return intro.commitments[0].id


def test_a_verdict_taken_back_reopens_the_promise_and_reliability_forgets_it(desk: Desk) -> None:
    maya = desk.add_person("Maya Chen", at=T0)
    dana = desk.add_person("Dana Ortiz", at=T0)
    cid = _made(desk, maya.id, dana.id)
    later = T0 + timedelta(days=10)
    fresh = desk.reliability(maya.id, now=later)
    desk.resolve(cid, "ghosted", at=T0 + timedelta(days=3))
    assert desk.assess_risk(maya.id, now=later).level.value == "stop"
    reopened = desk.reopen_commitment(cid, at=T0 + timedelta(days=4))
    assert reopened.resolution is None and reopened.resolved_at is None
    assert desk.reliability(maya.id, now=later) == fresh
    assert desk.assess_risk(maya.id, now=later).level.value == "caution"  # open and overdue
    (event,) = desk.timeline(kinds=[EventKind.COMMITMENT_REOPENED])
    assert event.summary.startswith("Took back the verdict (ghosted) on Maya Chen's promise")
    with pytest.raises(TransitionError, match="open"):
        desk.reopen_commitment(cid)
    desk.resolve(cid, "kept", at=T0 + timedelta(days=5))  # can be resolved again


def test_the_trash_hides_keeps_history_and_restores(desk: Desk) -> None:
    maya = desk.add_person("Maya Chen", email="maya@example.org", at=T0)
    dana = desk.add_person("Dana Ortiz", at=T0)
    cid = _made(desk, maya.id, dana.id)
    desk.trash_person(maya.id, at=T0)
    assert [p.name for p in desk.list_people()] == ["Dana Ortiz"]
    assert desk.count_people() == 1 and desk.find_people("maya") == []
    assert desk.find_person_by_email("maya@example.org") is None
    assert desk.contact_ids("") == [dana.id]
    assert [p.name for p in desk.trashed_people()] == ["Maya Chen"]
    assert desk.list_intros()[0].side_a_name == "Maya Chen"  # history kept
    with pytest.raises(TransitionError, match="already"):
        desk.trash_person(maya.id)
    desk.restore_person(maya.id)
    assert desk.count_people() == 2 and desk.trashed_people() == []
    assert desk.resolve(cid, "kept", at=T0 + timedelta(days=1)).resolution is not None


def test_emptying_the_trash_forgets_with_one_backup(desk: Desk, db_path: Path) -> None:
    maya = desk.add_person("Maya Chen", email="maya@example.org", at=T0)
    dana = desk.add_person("Dana Ortiz", at=T0)
    _made(desk, maya.id, dana.id)
    desk.trash_person(maya.id)
    assert desk.empty_trash() == 1
    assert desk.trashed_people() == [] and len(desk.backups()) == 1
    data = b"".join(p.read_bytes() for p in db_path.parent.glob("network.db*"))
    assert b"Maya Chen" not in data and b"maya@example.org" not in data
    assert desk.empty_trash() == 0


def test_people_in_the_trash_are_not_import_matches(desk: Desk, tmp_path: Path) -> None:
    maya = desk.add_person("Maya Chen", email="maya@example.org", at=T0)
    desk.trash_person(maya.id)
    path = tmp_path / "c.csv"
    path.write_text("Name,E-mail 1 - Value\nMaya Chen,maya@example.org\n")
    plan = desk.plan_import(desk.read_import_files([path]))
    assert plan.items[0].match_id is None


def test_the_tier_filter_agrees_with_each_persons_full_reliability(desk: Desk) -> None:
    """The fast path of the tier filter (raw rows, one CDF value) against the Desk's full
    computation, on a network with every kind of history."""
    from introdesk.core.clock import utc_now
    from introdesk.services.demo import load_demo

    load_demo(desk)  # a network of the last two years
    now = utc_now()
    everyone = desk.contact_ids("", now=now)
    by_tier: dict[str, set[int]] = {}
    for pid in everyone:
        by_tier.setdefault(desk.reliability(pid, now=now).tier.value, set()).add(pid)
    assert len(by_tier) >= 3
    for tier, people in by_tier.items():
        assert set(desk.contact_ids("", tier=tier, now=now)) == people
