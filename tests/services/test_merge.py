"""Merging two records of one person, and undoing it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from introdesk.core.errors import NotFoundError, TransitionError, ValidationError
from introdesk.core.vocabulary import EventKind
from introdesk.services import Desk, Expectation
from tests.conftest import T0


def _made_intro(desk: Desk, a: int, b: int, resolution: str | None = None) -> int:
    intro = desk.propose_intro(a, b, purpose="job_referral", context="", at=T0)
    desk.record_consent(intro.id, a, agreed=True, at=T0)
    desk.record_consent(intro.id, b, agreed=True, at=T0)
    made = desk.make_intro(intro.id, at=T0, expectations=[
        Expectation(owed_by=a, owed_to=b, action="call", due=T0 + timedelta(days=2))])
    if resolution:
        desk.resolve(made.commitments[0].id, resolution, at=T0 + timedelta(days=3))
    return intro.id


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    import sqlite3
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT IN "
            "('alembic_version', 'event', 'sqlite_sequence')")]
        dump = {t: sorted(conn.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
    # Email and phone rows are rewritten whole; their own ids carry no meaning.
    for table in ("person_email", "person_phone"):
        dump[table] = sorted((row[1:] for row in dump[table]), key=repr)
    return dump


def test_merge_moves_history_combines_contacts_and_follows_reliability(desk: Desk) -> None:
    keep = desk.add_person("Maya Chen", email="maya@example.org", organization="Acme",
                           tags=["python"], phones=["+1 555 0100"], at=T0)
    dup = desk.add_person("M. Chen", emails=["maya.chen@example.com", "MAYA@example.org"],
                          title="Analyst", tags=["Python", "hiring"], notes="met at PyCon", at=T0)
    dana = desk.add_person("Dana Ortiz", at=T0)
    intro_id = _made_intro(desk, dup.id, dana.id, "ghosted")
    later = T0 + timedelta(days=10)
    before = desk.reliability(dup.id, now=later)

    survivor = desk.merge_people(keep.id, dup.id, at=T0 + timedelta(days=5))

    assert survivor.id == keep.id and survivor.name == "Maya Chen"
    assert survivor.emails == ("maya@example.org", "maya.chen@example.com")
    assert survivor.title == "Analyst" and survivor.organization == "Acme"
    assert survivor.tags == ("hiring", "python") and survivor.notes == "met at PyCon"
    with pytest.raises(NotFoundError):
        desk.get_person(dup.id)
    intro = desk.get_intro(intro_id)
    assert intro.side_a_id == keep.id
    assert intro.commitments[0].owed_by_id == keep.id
    assert desk.reliability(keep.id, now=later) == before
    assert desk.assess_risk(keep.id, now=later).level.value == "stop"
    kinds = [e.kind for e in desk.timeline(person_id=keep.id)]
    assert kinds[0] is EventKind.PERSON_MERGED
    assert EventKind.COMMITMENT_RESOLVED in kinds
    assert "Merged M. Chen into Maya Chen." in [e.summary for e in desk.timeline(person_id=keep.id)]


def test_the_user_picks_conflicting_fields(desk: Desk) -> None:
    keep = desk.add_person("Maya Chen", organization="Acme", title="Analyst", at=T0)
    dup = desk.add_person("Maya C.", organization="Globex", title="Lead", at=T0)
    conflicts = {c.field: (c.keep_value, c.merge_value)
                 for c in desk.merge_conflicts(keep.id, dup.id)}
    assert conflicts == {"name": ("Maya Chen", "Maya C."), "organization": ("Acme", "Globex"),
                         "title": ("Analyst", "Lead")}
    survivor = desk.merge_people(keep.id, dup.id, choices={"organization": "Globex"})
    assert (survivor.name, survivor.organization, survivor.title) == ("Maya Chen", "Globex",
                                                                      "Analyst")


def test_undo_puts_everything_back_and_redo_merges_again(desk: Desk, db_path: Path) -> None:
    keep = desk.add_person("Maya Chen", email="maya@example.org", notes="one", at=T0)
    dup = desk.add_person("M. Chen", email="mc@example.com", notes="two", tags=["x"], at=T0)
    dana = desk.add_person("Dana Ortiz", at=T0)
    omar = desk.add_person("Omar Haddad", at=T0)
    _made_intro(desk, dup.id, dana.id, "kept")
    _made_intro(desk, omar.id, keep.id)
    before = _dump(db_path)

    desk.merge_people(keep.id, dup.id, at=T0 + timedelta(days=1))
    assert _dump(db_path) != before
    merge_event = desk.timeline(person_id=keep.id, kinds=[EventKind.PERSON_MERGED])[0]
    restored = desk.undo_merge(merge_event.id, at=T0 + timedelta(days=2))

    assert restored.id == dup.id
    after = _dump(db_path)
    # updated_at moves on; everything else is exactly as before the merge.
    assert {t: rows for t, rows in after.items() if t != "person"} == \
        {t: rows for t, rows in before.items() if t != "person"}
    strip = lambda rows: sorted(r[:7] + r[8:] for r in rows)  # noqa: E731 - r[7]: updated_at
    assert strip(after["person"]) == strip(before["person"])
    with pytest.raises(TransitionError):
        desk.undo_merge(merge_event.id)
    assert desk.merge_people(keep.id, dup.id).emails == ("maya@example.org", "mc@example.com")


def test_merge_refusals_write_nothing(desk: Desk, db_path: Path) -> None:
    maya = desk.add_person("Maya Chen", at=T0)
    dana = desk.add_person("Dana Ortiz", at=T0)
    _made_intro(desk, maya.id, dana.id)
    before = _dump(db_path)
    with pytest.raises(ValidationError, match="both sides"):
        desk.merge_people(maya.id, dana.id)
    with pytest.raises(ValidationError, match="themselves"):
        desk.merge_people(maya.id, maya.id)
    with pytest.raises(NotFoundError):
        desk.merge_people(maya.id, 999)
    with pytest.raises(ValidationError, match="choices"):
        desk.merge_people(maya.id, dana.id, choices={"email": "x@y.z"})
    assert _dump(db_path) == before


def test_merge_makes_a_verified_backup_first(desk: Desk) -> None:
    maya = desk.add_person("Maya Chen", at=T0)
    dup = desk.add_person("Maya", at=T0)
    assert desk.backups() == []
    desk.merge_people(maya.id, dup.id)
    assert len(desk.backups()) == 1
