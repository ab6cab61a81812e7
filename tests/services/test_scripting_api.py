"""The Desk surface end to end, as DESIGN.md shows it, against a real SQLite file."""

from __future__ import annotations

from dataclasses import FrozenInstanceError
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from introdesk.core.vocabulary import (
    Action,
    ConsentState,
    EventKind,
    IntroStatus,
    Outcome,
    Resolution,
    RiskLevel,
    Tier,
)
from introdesk.services import Desk, Expectation
from tests.conftest import T0


def _made_intro(desk: Desk, a: int, b: int, at: datetime, **kwargs: object):
    intro = desk.propose_intro(a, b, purpose="job_referral", context="Hiring", at=at)
    desk.record_consent(intro.id, a, agreed=True, at=at)
    desk.record_consent(intro.id, b, agreed=True, at=at)
    return desk.make_intro(intro.id, at=at, **kwargs)


def test_the_design_example_runs_and_changes_the_assessment(db_path: Path) -> None:
    t0, t2, t3, t4 = T0, T0 + timedelta(days=2), T0 + timedelta(days=3), T0 + timedelta(days=4)
    with Desk.open(db_path) as desk:
        maya = desk.add_person("Maya Chen", email="maya@example.org", organization="Acme",
                               title="Analyst")
        dana = desk.add_person("Dana Ortiz")
        intro = desk.propose_intro(maya.id, dana.id, purpose="job_referral", context="Data team",
                                   blurb="Analyst, SQL")
        desk.record_consent(intro.id, maya.id, agreed=True, at=t0)
        desk.record_consent(intro.id, dana.id, agreed=True, at=t0)
        made = desk.make_intro(intro.id, at=t0, expectations=[
            Expectation(owed_by=maya.id, owed_to=dana.id, action="call", due=t2)])
        assert made.status is IntroStatus.MADE
        assert [c.due_at for c in made.commitments] == [t2]
        assert desk.assess_risk(maya.id, now=t0 + timedelta(days=1)).level is RiskLevel.CLEAR
        assert desk.assess_risk(maya.id, now=t3).level is RiskLevel.CAUTION  # overdue
        desk.resolve(made.commitments[0].id, "ghosted", at=t3)
        risk = desk.assess_risk(maya.id, now=t4)
        assert risk.level is RiskLevel.STOP
        assert "Dana Ortiz" in risk.reasons[0].text and f"intro #{intro.id}" in risk.reasons[0].text
        reliability = desk.reliability(maya.id, now=t4)
        assert reliability.tier is Tier.UNRELIABLE and reliability.score < 0.5
        events = desk.timeline(person_id=maya.id)
        # Adding and proposing were stamped "now"; the rest at the backdated times given.
        backdated = [e.kind for e in events if e.at <= t4]
        assert backdated == [EventKind.COMMITMENT_RESOLVED, EventKind.INTRO_MADE,
                             EventKind.CONSENT_AGREED, EventKind.CONSENT_AGREED]
        assert [e.at for e in events] == sorted((e.at for e in events), reverse=True)
        desk.forget(dana.id)
        assert desk.assess_risk(maya.id, now=t4).level is RiskLevel.STOP  # Maya's history stays
    # Records are frozen plain data, with ids.
    with pytest.raises(FrozenInstanceError):
        maya.name = "x"  # type: ignore[misc]


def test_data_survives_reopening(db_path: Path) -> None:
    with Desk.open(db_path) as desk:
        person = desk.add_person("Ana Lima", emails=["ana@example.org", "a.lima@example.org"],
                                 phones=["+351 912 345 678"], tags=["alumni", "design"],
                                 organization="Juniper Labs", notes="Met at a meetup")
    with Desk.open(db_path) as desk:
        again = desk.get_person(person.id)
    assert again == person
    assert again.emails == ("ana@example.org", "a.lima@example.org")
    assert again.tags == ("alumni", "design")
    assert again.created_at.tzinfo is not None


def test_default_expectation_is_a_call_due_after_the_default_window(desk: Desk) -> None:
    a, b = desk.add_person("A Person"), desk.add_person("B Person")
    made = _made_intro(desk, a.id, b.id, T0)
    (commitment,) = made.commitments
    assert (commitment.owed_by_id, commitment.owed_to_id, commitment.action) == (a.id, b.id, Action.CALL)
    assert commitment.due_at == T0 + timedelta(days=2)
    desk.update_settings(default_window_days=5)
    made = _made_intro(desk, a.id, b.id, T0)
    assert made.commitments[0].due_at == T0 + timedelta(days=5)


def test_people_edit_find_and_organizations(desk: Desk) -> None:
    maya = desk.add_person("Maya Chen", email="maya@example.org", organization="Acme Analytics",
                           tags=["analytics"])
    desk.add_person("Dana Ortiz", organization="ACME  analytics")
    desk.add_person("Sam Okafor", title="Ops lead", tags=["Job seeker"])
    orgs = desk.list_organizations()
    assert [(o.name, o.people) for o in orgs] == [("Acme Analytics", 2)]
    assert {p.name for p in desk.find_people("acme")} == {"Maya Chen", "Dana Ortiz"}
    assert [p.name for p in desk.find_people("MAYA@example")] == ["Maya Chen"]
    assert [p.name for p in desk.find_people("job seek")] == ["Sam Okafor"]
    assert [p.name for p in desk.find_people("50%_")] == []
    edited = desk.edit_person(maya.id, title="Lead analyst", organization=None,
                              emails=["maya.chen@example.org"])
    assert (edited.title, edited.organization, edited.emails) == (
        "Lead analyst", None, ("maya.chen@example.org",))
    assert [p.name for p in desk.list_people()] == ["Dana Ortiz", "Maya Chen", "Sam Okafor"]
    assert desk.count_people() == 3
    assert desk.find_person_by_email("MAYA.CHEN@example.org") == edited
    renamed = desk.rename_organization(orgs[0].id, "Acme Analytics Inc.")
    assert desk.get_person(desk.find_people("Dana")[0].id).organization == renamed.name
    kinds = [e.kind for e in desk.timeline(person_id=maya.id)]
    assert kinds == [EventKind.PERSON_EDITED, EventKind.PERSON_ADDED]


def test_consent_flow_and_decline_closes_without_counting(desk: Desk) -> None:
    a, b = desk.add_person("Zoe Williams"), desk.add_person("Elena Petrova")
    intro = desk.propose_intro(a.id, b.id, at=T0)
    assert intro.status is IntroStatus.DRAFT
    asked = desk.ask_consent(intro.id, b.id, at=T0)
    assert asked.status is IntroStatus.ASKING
    assert asked.consent_b.state is ConsentState.ASKED and asked.consent_b.asked_at == T0
    declined = desk.record_consent(intro.id, b.id, agreed=False, at=T0 + timedelta(days=1))
    assert (declined.status, declined.outcome) == (IntroStatus.CLOSED, Outcome.DECLINED)
    for person in (a, b):
        assert desk.reliability(person.id, now=T0).n_eff == 0
        assert desk.assess_risk(person.id, now=T0).level is RiskLevel.CLEAR
    assert desk.track_record(b.id).made == 0


def test_make_before_consent_needs_a_reason_and_records_it(desk: Desk) -> None:
    a, b = desk.add_person("Owen Murphy"), desk.add_person("Aisha Karim")
    intro = desk.propose_intro(a.id, b.id, at=T0)
    made = desk.make_intro(intro.id, at=T0, override_reason="They already know each other")
    assert made.consent_override_reason == "They already know each other"
    kinds = {e.kind for e in desk.timeline(intro_id=intro.id)}
    assert EventKind.CONSENT_OVERRIDDEN in kinds


def test_referring_a_stop_person_records_the_override(desk: Desk) -> None:
    ghost, dana, mark = (desk.add_person(n) for n in ("Jordan Blake", "Dana Ortiz", "Mark Ruiz"))
    first = _made_intro(desk, ghost.id, dana.id, T0)
    desk.resolve(first.commitments[0].id, Resolution.GHOSTED, at=T0 + timedelta(days=3))
    later = T0 + timedelta(days=60)
    assert desk.assess_risk(ghost.id, now=later).level is RiskLevel.STOP
    second = _made_intro(desk, ghost.id, mark.id, later, risk_override_reason="Second chance")
    overrides = desk.timeline(person_id=ghost.id, kinds=[EventKind.RISK_OVERRIDDEN])
    assert len(overrides) == 1 and overrides[0].intro_id == second.id
    assert "Second chance" in overrides[0].summary
    assert "Dana Ortiz" in overrides[0].data["warnings"][0]
    # A clean person made into an intro records no override.
    clean = _made_intro(desk, mark.id, dana.id, later)
    assert desk.timeline(intro_id=clean.id, kinds=["risk_overridden"]) == []


def test_connected_close_and_add_commitment(desk: Desk) -> None:
    a, b = desk.add_person("Kwame Mensah"), desk.add_person("Daniel Park")
    made = _made_intro(desk, a.id, b.id, T0)
    extra = desk.add_commitment(made.id, b.id, a.id, "reply", due=T0 + timedelta(days=5), at=T0)
    assert extra.owed_by_name == "Daniel Park" and extra.action is Action.REPLY
    assert desk.mark_connected(made.id, at=T0 + timedelta(days=1)).status is IntroStatus.CONNECTED
    closed = desk.close_intro(made.id, "hired", at=T0 + timedelta(days=30))
    assert (closed.status, closed.outcome) == (IntroStatus.CLOSED, Outcome.HIRED)
    assert [i.id for i in desk.list_intros(status="closed")] == [made.id]
    assert [i.id for i in desk.list_intros(person_id=b.id)] == [made.id]


def test_needs_attention_lists_overdue_due_soon_and_stale_consents(desk: Desk) -> None:
    now = T0 + timedelta(days=10)
    a, b, c, d = (desk.add_person(n) for n in ("Sam Okafor", "Tom Lindqvist", "Hannah Berg", "Ravi Iyer"))
    overdue = _made_intro(desk, a.id, b.id, now - timedelta(days=5))  # due 3 days ago
    soon = _made_intro(desk, c.id, d.id, now - timedelta(days=1))  # due tomorrow
    _made_intro(desk, c.id, b.id, now)  # due in 2 days: still "soon" (inclusive)
    later = desk.propose_intro(a.id, d.id, at=now)
    desk.make_intro(later.id, at=now, override_reason="known", expectations=[
        Expectation(a.id, d.id, "call", now + timedelta(days=9))])
    waiting = desk.propose_intro(c.id, a.id, at=now - timedelta(days=9))
    desk.ask_consent(waiting.id, a.id, at=now - timedelta(days=8))
    fresh = desk.propose_intro(d.id, a.id, at=now)
    desk.ask_consent(fresh.id, a.id, at=now - timedelta(days=1))
    attention = desk.needs_attention(now=now)
    assert [c.intro_id for c in attention.overdue] == [overdue.id]
    assert [c.intro_id for c in attention.due_soon][:1] == [soon.id]
    assert len(attention.due_soon) == 2
    assert [(s.intro_id, s.person_name) for s in attention.stale_consents] == [(waiting.id, "Sam Okafor")]
    desk.resolve(attention.overdue[0].id, "late", at=now)
    assert desk.needs_attention(now=now).overdue == ()


def test_track_record_counts_the_referrals_to_a_recipient(desk: Desk) -> None:
    dana = desk.add_person("Dana Ortiz")
    results = ["kept", "kept", "late", "kept", "ghosted"]
    for index, result in enumerate(results):
        seeker = desk.add_person(f"Seeker {index}")
        made = _made_intro(desk, seeker.id, dana.id, T0)
        desk.resolve(made.commitments[0].id, result, at=T0 + timedelta(days=1))
    other = desk.add_person("Someone else")
    _made_intro(desk, dana.id, other.id, T0)  # Dana referred elsewhere: not a referral *to* Dana
    record = desk.track_record(dana.id)
    assert record.summary == "your referrals to Dana Ortiz: 5 made, 4 followed through, 1 ghosted"


def test_reliability_history_ends_at_the_current_score(desk: Desk) -> None:
    a, b = desk.add_person("Maya Chen"), desk.add_person("Dana Ortiz")
    for days, result in ((0, "kept"), (40, "late"), (80, "kept")):
        made = _made_intro(desk, a.id, b.id, T0 + timedelta(days=days))
        desk.resolve(made.commitments[0].id, result, at=T0 + timedelta(days=days + 1))
    now = T0 + timedelta(days=120)
    history = desk.reliability_history(a.id, now=now)
    assert len(history) == 4
    assert history[-1].reliability == desk.reliability(a.id, now=now)
    assert [p.at for p in history] == sorted(p.at for p in history)


def test_timeline_filters_and_notes(desk: Desk) -> None:
    a, b = desk.add_person("Maya Chen"), desk.add_person("Dana Ortiz")
    made = _made_intro(desk, a.id, b.id, T0)
    note = desk.add_note("Dana prefers email", intro_id=made.id, at=T0 + timedelta(hours=1))
    assert note.summary == "Note: Dana prefers email" and note.person_id == a.id
    for_intro = desk.timeline(intro_id=made.id)
    assert for_intro[0].id == note.id
    assert {e.kind for e in for_intro} >= {EventKind.INTRO_PROPOSED, EventKind.INTRO_MADE}
    window = desk.timeline(since=T0 + timedelta(minutes=30), until=T0 + timedelta(hours=2))
    assert [e.id for e in window] == [note.id]
    assert len(desk.timeline(limit=2)) == 2
    assert all(e.summary and "None" not in e.summary for e in desk.timeline())


def test_forget_erases_every_trace_and_keeps_the_others_history(db_path: Path) -> None:
    with Desk.open(db_path) as desk:
        maya = desk.add_person("Maya Chen")
        secret = desk.add_person("Quentin Zyxwvut", email="quentin.zyxwvut@example.org",
                                 phones=["+1 555 0199"], tags=["zyxtag"], notes="Zyxwvut notes")
        made = _made_intro(desk, maya.id, secret.id, T0)
        desk.resolve(made.commitments[0].id, "ghosted", at=T0 + timedelta(days=3))
        owed = _made_intro(desk, secret.id, maya.id, T0)
        desk.resolve(owed.commitments[0].id, "kept", at=T0 + timedelta(days=1))
        before = desk.reliability(maya.id, now=T0 + timedelta(days=10))
        desk.forget(secret.id)
        assert desk.reliability(maya.id, now=T0 + timedelta(days=10)) == before
        assert desk.get_intro(made.id).side_b_name == "a forgotten person"
        assert desk.timeline(kinds=["person_forgotten"])
        assert all("Zyxwvut" not in e.summary for e in desk.timeline())
        with pytest.raises(Exception, match="no person with id"):
            desk.get_person(secret.id)
    for path in db_path.parent.iterdir():
        if path.name.startswith(db_path.name):
            content = path.read_bytes()
            for needle in (b"Zyxwvut", b"zyxwvut", b"quentin"):
                assert needle not in content, f"{needle!r} still in {path.name}"


def test_times_are_stored_in_utc_and_returned_aware(desk: Desk) -> None:
    from zoneinfo import ZoneInfo

    local = datetime(2026, 7, 1, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    person = desk.add_person("Time Zone", at=local)
    assert person.created_at == local and person.created_at.tzinfo == UTC


def test_forget_backs_up_first_and_offers_the_backups_that_hold_them(db_path: Path) -> None:
    with Desk.open(db_path) as desk:
        keep = desk.add_person("Maya Chen")
        gone = desk.add_person("Quentin Zyxwvut", email="qz@example.org")
        desk.backup(now=T0)  # an older backup that holds Quentin too
        result = desk.forget(gone.id)
        assert result.name == "Quentin Zyxwvut"
        assert len(result.backups_holding) == 2  # the old one and the one made just before
        assert desk.purge_backups(result.backups_holding) == 2
        assert desk.backups() == []
        with pytest.raises(Exception, match="not one of this database's backups"):
            desk.purge_backups([db_path])
        assert desk.get_person(keep.id).name == "Maya Chen"
    for path in db_path.parent.rglob("*"):
        if path.is_file():
            assert b"Zyxwvut" not in path.read_bytes(), path
