"""The expectation-setting messages: filled from the intro, editable templates, safe refusal."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from introdesk.core.errors import ValidationError
from introdesk.services import Desk, Expectation
from tests.conftest import T0


@pytest.fixture
def made(desk: Desk):
    maya = desk.add_person("Maya Chen", email="maya@example.org")
    dana = desk.add_person("Dana Ortiz", email="dana@example.org")
    intro = desk.record_intro(
        maya.id, dana.id, context="Dana's team needs an analyst", blurb="SQL and patience",
        consents={maya.id: "agreed", dana.id: "agreed"}, make=True, at=T0,
        expectations=[Expectation(maya.id, dana.id, "call", T0 + timedelta(days=2))])
    return desk, intro


def test_each_side_gets_its_message(made) -> None:
    desk, intro = made
    to_a, to_b = desk.compose_messages(intro.id)
    assert (to_a.to_name, to_a.to_email) == ("Maya Chen", "maya@example.org")
    assert to_a.subject == "Introduction: Maya Chen, meet Dana Ortiz (job referral)"
    assert "Dana expects a call from you by 4 Mar 2026" in to_a.body
    assert "costs you the opportunity" in to_a.body
    assert "Why you two should talk: Dana's team needs an analyst" in to_a.body
    assert to_b.to_email == "dana@example.org"
    assert "Maya will reach out with a call by 4 Mar 2026" in to_b.body
    assert "In Maya's own words: SQL and patience" in to_b.body
    assert "$" not in to_a.body + to_b.body


def test_an_edited_template_is_used_and_can_be_reset(made) -> None:
    desk, intro = made
    desk.set_message_template("a", "Subject: Call $side_b_first\n\nPlease call by $deadline. $$5 bet.")
    to_a, _ = desk.compose_messages(intro.id)
    assert to_a.subject == "Call Dana"
    assert to_a.body.startswith("Please call by 4 Mar 2026") and "$5 bet" in to_a.body
    desk.set_message_template("a", None)
    assert "costs you the opportunity" in desk.compose_messages(intro.id)[0].body


def test_a_broken_template_is_refused_and_nothing_is_written(made, db_path: Path) -> None:
    desk, _intro = made
    with sqlite3.connect(db_path) as conn:
        before = "\n".join(conn.iterdump())
    for text in ("Hello $nobody", "Costs $ 5", "x" * 20_001):
        with pytest.raises(ValidationError):
            desk.set_message_template("b", text)
    with sqlite3.connect(db_path) as conn:
        assert "\n".join(conn.iterdump()) == before
