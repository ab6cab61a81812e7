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

        event.listen(desk._engine, "before_cursor_execute", count)  # noqa: SLF001
        desk.contact_rows(ids[:10])
        ten = len(statements)
        statements.clear()
        desk.contact_rows(ids[:100])
        hundred = len(statements)
        event.remove(desk._engine, "before_cursor_execute", count)  # noqa: SLF001
    assert ten == hundred, (ten, hundred)
    assert hundred <= 12  # BEGIN, settings, people, emails, phones, tags, commitments, ... COMMIT
