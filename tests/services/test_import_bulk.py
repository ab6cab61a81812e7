"""The bulk path of an import: ids chosen before the insert, rows written by the driver, the
cycle collector paused; each must store exactly what the one-at-a-time path stores."""

from __future__ import annotations

import gc
import re
import sqlite3
import threading
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from introdesk.core.bulk import collector_paused
from introdesk.interchange.drafts import ContactDraft
from introdesk.services import Desk, importing
from introdesk.services.import_plan import clean_drafts, linkedin_key
from tests.conftest import T0


def _write_linkedin(path: Path, count: int, *, start: int = 0) -> Path:
    lines = ["First Name,Last Name,URL,Email Address,Company,Position,Connected On"]
    lines += [f"Per,Son{i},https://www.linkedin.com/in/per-son-{i},per.son{i}@example.org,"
              f"Org {i % 7},Title {i},01 Mar 2024" for i in range(start, start + count)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_imported_times_are_stored_as_the_store_writes_them(desk: Desk, db_path: Path,
                                                            tmp_path: Path) -> None:
    typed = desk.add_person("Typed By Hand", at=T0)
    desk.import_files([_write_linkedin(tmp_path / "c.csv", 3)], at=T0)
    with sqlite3.connect(db_path) as conn:
        stored = conn.execute("SELECT name, created_at, updated_at FROM person").fetchall()
    by_hand = next(row for row in stored if row[0] == "Typed By Hand")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}", by_hand[1])
    assert all(row[1:] == by_hand[1:] for row in stored)  # the same text, not just the moment
    imported = desk.find_people("Per Son1")[0]
    assert imported.created_at == typed.created_at == T0


def test_ids_follow_the_largest_across_chunks_and_each_email_stays_with_its_person(
        desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(importing, "CHUNK", 7)  # several chunks in a small file
    first = desk.add_person("First", at=T0)
    last = desk.add_person("Last", at=T0)
    desk.forget(last.id)  # the largest id is free again, as SQLite would reuse it
    desk.import_files([_write_linkedin(tmp_path / "a.csv", 30)], at=T0)
    desk.import_files([_write_linkedin(tmp_path / "b.csv", 30, start=30)], at=T0)
    people = [p for p in desk.list_people() if p.id != first.id]
    assert len(people) == 60
    assert min(p.id for p in people) == first.id + 1
    for person in people:
        number = person.name.removeprefix("Per Son")
        assert person.emails == (f"per.son{number}@example.org",)
        assert person.title == f"Title {number}"
        assert person.organization == f"Org {int(number) % 7}"


def test_an_import_leaves_the_cycle_collector_as_it_found_it(desk: Desk, tmp_path: Path) -> None:
    source = _write_linkedin(tmp_path / "c.csv", 5)
    assert gc.isenabled()
    desk.import_files([source], at=T0)
    assert gc.isenabled()
    gc.disable()
    try:
        desk.import_files([source], at=T0)
        assert not gc.isenabled()  # a caller's own pause is not ended by an import
    finally:
        gc.enable()


def test_the_collector_runs_again_only_when_the_last_overlapping_pause_ends() -> None:
    inside, release = threading.Event(), threading.Event()

    def other() -> None:
        with collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=other)
    with collector_paused():
        thread.start()
        assert inside.wait(5)
    assert not gc.isenabled()  # the other thread's pause is still on
    release.set()
    thread.join(5)
    assert gc.isenabled()


def test_clean_drafts_are_kept_as_they_are_and_others_are_cleaned() -> None:
    clean = ContactDraft(name="Maya Chen", where="line 2", emails=("maya@example.org",),
                         organization="Acme", title="Analyst")
    messy = ContactDraft(name="  Omar \t Haddad ", where="line 3", title="  CTO ")
    kept, problems = clean_drafts([clean, messy])
    assert problems == []
    assert kept[0] is clean
    assert kept[1] == messy._replace(name="Omar Haddad", title="CTO")


def _regex_linkedin_key(url: str | None) -> str | None:
    """The key as first written, with expressions: the string version must agree."""
    if not url:
        return None
    key = re.sub(r"^[a-z]+://", "", url.strip().lower())
    key = re.sub(r"^([a-z]{2,3}\.)?(www\.)?", "", key) if "linkedin." in key else key
    return key.split("?", 1)[0].split("#", 1)[0].rstrip("/") or None


_PARTS = st.sampled_from(["https://", "http://", "HTTPS://", "ftp://", "é://", "://", "www.",
                          "WWW.", "uk.", "de.", "abcd.", "x.", "ca.www.", "linkedin.com/in/",
                          "LinkedIn.com/", "linkedin.cn/", "maya-chen", "/", "?trk=1", "#a",
                          " ", "\t", "a", ".", "ü"])


@given(st.lists(_PARTS, max_size=8).map("".join))
def test_the_linkedin_key_agrees_with_its_expression_form(url: str) -> None:
    assert linkedin_key(url) == _regex_linkedin_key(url)
