"""Every mistake a script or user can make: a domain error a person can act on, nothing written."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from introdesk.core.errors import (
    ConsentRequiredError,
    IntrodeskError,
    NotFoundError,
    TransitionError,
    ValidationError,
)
from introdesk.services import Desk, Expectation
from tests.conftest import T0


def dump(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())


@pytest.fixture
def world(db_path: Path):
    with Desk.open(db_path) as desk:
        maya = desk.add_person("Maya Chen")
        dana = desk.add_person("Dana Ortiz")
        sam = desk.add_person("Sam Okafor")
        draft = desk.propose_intro(maya.id, dana.id, at=T0)
        answered = desk.propose_intro(maya.id, sam.id, at=T0)
        desk.record_consent(answered.id, maya.id, agreed=True, at=T0)
        made = desk.propose_intro(sam.id, dana.id, at=T0)
        desk.record_consent(made.id, sam.id, agreed=True, at=T0)
        desk.record_consent(made.id, dana.id, agreed=True, at=T0)
        made = desk.make_intro(made.id, at=T0)
        desk.resolve(made.commitments[0].id, "kept", at=T0 + timedelta(days=1))
        yield desk, {"maya": maya.id, "dana": dana.id, "sam": sam.id, "draft": draft.id,
                     "answered": answered.id,
                     "made": made.id, "kept": made.commitments[0].id}


CASES: list[tuple[str, type[IntrodeskError], str, Callable[[Desk, dict[str, int]], object]]] = [
    ("unknown person", NotFoundError, "no person with id 999",
     lambda d, i: d.propose_intro(i["maya"], 999)),
    ("unknown intro", NotFoundError, "no introduction with id 999",
     lambda d, i: d.record_consent(999, i["maya"], agreed=True)),
    ("unknown commitment", NotFoundError, "no commitment with id 999",
     lambda d, i: d.resolve(999, "kept")),
    ("id of the wrong type", NotFoundError, "whole number",
     lambda d, i: d.get_person("1")),  # type: ignore[arg-type]
    ("same person on both sides", ValidationError, "same person cannot be on both sides",
     lambda d, i: d.propose_intro(i["maya"], i["maya"])),
    ("consent for someone not in the intro", ValidationError, "Sam Okafor is not part of",
     lambda d, i: d.record_consent(i["draft"], i["sam"], agreed=True)),
    ("make before both agreed", ConsentRequiredError, "Both sides must agree",
     lambda d, i: d.make_intro(i["draft"])),
    ("make before both agreed, blank reason", ConsentRequiredError, "give a reason",
     lambda d, i: d.make_intro(i["draft"], override_reason="   ")),
    ("resolve twice", TransitionError, "already resolved as kept",
     lambda d, i: d.resolve(i["kept"], "ghosted")),
    ("due time before the intro was made", ValidationError, "before the introduction was made",
     lambda d, i: d.make_intro(i["draft"], at=T0, override_reason="known", expectations=[
         Expectation(i["maya"], i["dana"], "call", T0 - timedelta(hours=1))])),
    ("added commitment due before the intro was made", ValidationError, "before the introduction",
     lambda d, i: d.add_commitment(i["made"], i["dana"], i["sam"], "reply", due=T0 - timedelta(days=1))),
    ("commitment owed by an outsider", ValidationError, "not one of them",
     lambda d, i: d.add_commitment(i["made"], i["maya"], i["dana"], "call")),
    ("commitment owed to oneself", ValidationError, "themselves",
     lambda d, i: d.add_commitment(i["made"], i["sam"], i["sam"], "call")),
    ("commitment on a draft", TransitionError, "this one is draft",
     lambda d, i: d.add_commitment(i["draft"], i["maya"], i["dana"], "call")),
    ("make twice", TransitionError, "made cannot become made",
     lambda d, i: d.make_intro(i["made"], override_reason="again")),
    ("consent after the intro was made", TransitionError, "before the introduction is made",
     lambda d, i: d.record_consent(i["made"], i["sam"], agreed=False)),
    ("unknown resolution", ValidationError, "not a resolution; choose one of",
     lambda d, i: d.resolve(i["kept"], "vanished")),
    ("unknown purpose", ValidationError, "not a purpose",
     lambda d, i: d.propose_intro(i["maya"], i["sam"], purpose="romance")),
    ("unknown action", ValidationError, "not a commitment action",
     lambda d, i: d.add_commitment(i["made"], i["sam"], i["dana"], "telepathy")),
    ("unknown outcome", ValidationError, "not a outcome",
     lambda d, i: d.close_intro(i["made"], "exploded")),
    ("declined outcome after making", TransitionError, "not made yet can close as declined",
     lambda d, i: d.close_intro(i["made"], "declined")),
    ("naive time", ValidationError, "has no time zone",
     lambda d, i: d.resolve(i["kept"], "kept", at=datetime(2026, 1, 1))),
    ("empty name", ValidationError, "A name is required",
     lambda d, i: d.add_person("   ")),
    ("bad email", ValidationError, "is not an email address",
     lambda d, i: d.add_person("Ok Name", email="not-an-email")),
    ("bad email on edit", ValidationError, "is not an email address",
     lambda d, i: d.edit_person(i["maya"], emails=["maya@example.org", "maya@"])),
    ("unknown field on edit", ValidationError, "Cannot edit",
     lambda d, i: d.edit_person(i["maya"], age=33)),
    ("bad phone", ValidationError, "not a phone number",
     lambda d, i: d.add_person("Ok Name", phones=["call me"])),
    ("unknown setting", ValidationError, "Unknown setting",
     lambda d, i: d.update_settings(half_life=3)),
    ("negative setting", ValidationError, "must be above zero",
     lambda d, i: d.update_settings(half_life_days=-1)),
    ("answer twice", TransitionError, "already agreed",
     lambda d, i: d.record_consent(i["answered"], i["maya"], agreed=False)),
    ("ask after an answer", TransitionError, "already agreed",
     lambda d, i: d.ask_consent(i["answered"], i["maya"])),
    ("duplicate organization name", ValidationError, "already exists",
     lambda d, i: d.rename_organization(
         next(o.id for o in d.list_organizations() if o.name == "Beta"), "acme")),
]


@pytest.mark.parametrize(("label", "error", "message", "action"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_raises_and_writes_nothing(
    world, db_path: Path, label: str, error: type[IntrodeskError], message: str,
    action: Callable[[Desk, dict[str, int]], object],
) -> None:
    desk, ids = world
    if label == "duplicate organization name":
        desk.add_organization("Acme")
        desk.add_organization("Beta")
    before = dump(db_path)
    with pytest.raises(error, match=message):
        action(desk, ids)
    assert dump(db_path) == before


def test_a_closed_desk_refuses_work(db_path: Path) -> None:
    desk = Desk.open(db_path)
    desk.close()
    with pytest.raises(IntrodeskError, match="closed"):
        desk.add_person("Late Comer")
