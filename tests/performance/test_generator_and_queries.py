"""The synthetic network is deterministic and sound; loading a page of contacts costs a fixed
number of SQL statements, however many rows the page has (no N+1)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import event

from benchmarks.generate import generate
from introdesk.services import Desk


@pytest.fixture(scope="module")
def small_network(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("network") / "s.db"
    generate(path, "S", seed=3)
    return path


def _dump(path: Path) -> list[tuple[object, ...]]:
    with sqlite3.connect(path) as conn:
        return [row for table in ("person", "introduction", "commitment", "event")
                for row in conn.execute(f"SELECT * FROM {table} ORDER BY id")]


def test_the_generator_is_deterministic_and_passes_check(small_network: Path,
                                                         tmp_path: Path) -> None:
    again = tmp_path / "again.db"
    counts = generate(again, "S", seed=3)
    assert counts["people"] == 1000 and counts["intros"] == 3000
    assert counts["commitments"] > 8000 and counts["events"] > 20000
    assert _dump(again) == _dump(small_network)
    assert _dump(small_network) != _dump(_other(tmp_path))
    with Desk.open(small_network) as desk:
        assert desk.check() == []
        kinds = {r.kind.value for r in desk.timeline(limit=2000)}
        assert {"intro_proposed", "consent_agreed", "intro_made", "commitment_resolved"} <= kinds
        tiers = {row.standing.tier.value for row in desk.contact_rows(desk.contact_ids("")[:400])}
        assert {"reliable", "mixed", "unreliable", "new"} <= tiers


def _other(tmp_path: Path) -> Path:
    path = tmp_path / "other.db"
    generate(path, "S", seed=4)
    return path


def test_a_page_of_contacts_costs_the_same_statements_for_10_or_100_rows(
        small_network: Path) -> None:
    with Desk.open(small_network) as desk:
        ids = desk.contact_ids("")
        statements: list[str] = []

        def count(conn, cursor, statement, parameters, context, executemany) -> None:  # type: ignore[no-untyped-def]
            statements.append(statement)

        desk.contact_rows(ids[-1:])  # the settings are read once, then kept until a write
        event.listen(desk._engine, "before_cursor_execute", count)  # noqa: SLF001
        desk.contact_rows(ids[:10])
        ten = len(statements)
        statements.clear()
        desk.contact_rows(ids[:100])
        hundred = len(statements)
        event.remove(desk._engine, "before_cursor_execute", count)  # noqa: SLF001
    assert ten == hundred, (ten, hundred)
    # BEGIN; people with their open commitments and last activity; emails; tags; reliability
    assert hundred <= 5, statements


QUERIES = ("", "m", "ma", "maya", "maya c", "maya ch", "CHEN", "acme", "analyst", "org",
           "example.org", "hiring", "data", "zz", "a b", "ha ha", "  spaced   words ", "1",
           "recruiter", "in", "the",
           # Words started from the rows of their rarest letter or digit, exactly those rows
           # for a one-character word, or everyone for a word without an indexed character.
           "q", "x", "j", "z a", "a z", "k 1", "@", "é", "-", "y", "9")


def _sql_search(desk: Desk, text: str) -> list[int]:
    from sqlalchemy import func, select

    from introdesk.services.search import active, where_person_matches
    from introdesk.store.models import Person

    with desk._read() as session:  # noqa: SLF001 - the SQL reference, against the index
        query = active(where_person_matches(select(Person.id), text))
        return list(session.scalars(query.order_by(func.lower(Person.name), Person.id)))


def test_the_in_memory_search_equals_the_sql_search(small_network: Path) -> None:
    with Desk.open(small_network) as desk:
        for text in QUERIES:  # typed one after another: narrowing is exercised too
            assert desk.contact_ids(text) == _sql_search(desk, text), text
        for text in reversed(QUERIES):
            assert desk.contact_ids(text) == _sql_search(desk, text), text


def test_the_search_sees_every_write_at_once(desk: Desk) -> None:
    maya = desk.add_person("Maya Chen", email="maya@example.org", tags=["hiring"])
    assert desk.contact_ids("maya") == [maya.id]
    desk.edit_person(maya.id, name="Maya Okafor", organization="Globex")
    assert desk.contact_ids("chen") == [] and desk.contact_ids("globex") == [maya.id]
    desk.trash_person(maya.id)
    assert desk.contact_ids("maya") == []
    desk.restore_person(maya.id)
    dup = desk.add_person("M. Okafor", email="mo@example.org")
    assert desk.contact_ids("okafor") == [dup.id, maya.id]
    desk.merge_people(maya.id, dup.id)
    assert desk.contact_ids("mo@example") == [maya.id]
    assert desk.contact_ids("hiring", tag="hiring") == [maya.id]
