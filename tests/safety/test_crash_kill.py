"""Crash safety, proven: a writer is killed with SIGKILL at random moments, over and over, and
after every kill the database opens whole, holds everything the writer acknowledged, and shows
no half-done action."""

from __future__ import annotations

import contextlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from introdesk.services import Desk

KILLS = 120
CHILD = Path(__file__).with_name("crash_child.py")
ROOT = Path(__file__).resolve().parents[2]


def _acknowledged(side: Path) -> list[list[str]]:
    text = side.read_text() if side.exists() else ""
    # A kill can land mid-write: only whole lines were acknowledged.
    return [line.split() for line in text.split("\n")[:-1] if line]


def _check(db: Path, acks: list[list[str]]) -> None:
    with Desk.open(db) as desk:  # it opens: quick_check passed, nothing refused
        assert desk.count_people() >= 0
    with contextlib.closing(sqlite3.connect(db)) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        people = {r[0] for r in conn.execute("SELECT id FROM person")}
        made = {r[0] for r in conn.execute("SELECT id FROM introduction WHERE status='made'")}
        commitments = {r[0]: (r[1], r[2]) for r in conn.execute(
            "SELECT id, intro_id, resolution FROM commitment")}
        made_events = {r[0] for r in conn.execute(
            "SELECT intro_id FROM event WHERE kind='intro_made'")}
        resolved_events = {r[0] for r in conn.execute(
            "SELECT commitment_id FROM event WHERE kind='commitment_resolved'")}
        # Merged-away ids may be given to new people later (SQLite reuses the highest rowid),
        # so a merge is checked by its snapshot: that record, by its unique name, is gone.
        merged_names = {r[0]: r[1] for r in conn.execute(
            "SELECT json_extract(data, '$.merged.id'), json_extract(data, '$.merged.name') "
            "FROM event WHERE kind='person_merged'")}
        names = {r[0]: r[1] for r in conn.execute("SELECT id, name FROM person")}
    # No half action anywhere: a made intro has its commitments and its event; a resolution
    # has its event, and an event its resolution.
    by_intro: dict[int, set[int]] = {}
    for cid, (intro_id, _resolution) in commitments.items():
        by_intro.setdefault(intro_id, set()).add(cid)
    for intro_id in made:
        assert len(by_intro.get(intro_id, ())) == 2, f"intro {intro_id} lacks commitments"
        assert intro_id in made_events, f"intro {intro_id} made without its event"
    assert {c for c, (_, r) in commitments.items() if r is not None} == resolved_events
    # Everything acknowledged is there.
    for ack in acks:
        if ack[0] == "person":
            # Gone only by a merge, acknowledged or not (a kill can land between a merge's
            # commit and its acknowledgement).
            assert int(ack[1]) in people or int(ack[1]) in merged_names, ack
        elif ack[0] == "intro":
            intro_id = int(ack[1])
            assert intro_id in made, ack
            assert by_intro[intro_id] == {int(c) for c in ack[2].split(",")}, ack
        elif ack[0] == "resolved":
            assert commitments[int(ack[1])][1] == ack[2], ack
        elif ack[0] == "merged":
            other = int(ack[1])
            assert other in merged_names, ack
            assert names.get(other) != merged_names[other], ack



@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing_acknowledged(tmp_path: Path) -> None:
    db = tmp_path / "crash.db"
    Desk.open(db).close()
    side = tmp_path / "acks.txt"
    rng = random.Random(20261122)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    errors = tmp_path / "child-stderr.txt"
    stderr = errors.open("w")
    zygote = subprocess.Popen([sys.executable, str(CHILD)], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, stderr=stderr, text=True, env=env,
                              cwd=ROOT)
    assert zygote.stdin is not None and zygote.stdout is not None
    started = time.perf_counter()
    try:
        for kill in range(KILLS):
            zygote.stdin.write(f"{db} {side} {kill}\n")
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            time.sleep(rng.uniform(0.0, 0.3))
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                stderr.flush()
                pytest.fail(f"the writer ended by itself before kill {kill}:\n"
                            f"{errors.read_text()}")
            assert zygote.stdout.readline().strip() == "reaped"
            _check(db, _acknowledged(side))
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=30)
        zygote.stdout.close()
        stderr.close()
    assert "Traceback" not in errors.read_text(), errors.read_text()
    acks = _acknowledged(side)
    kinds = {a[0] for a in acks}
    # The kills landed while real work was going on, of every kind.
    assert {"person", "intro", "resolved", "merged"} <= kinds, kinds
    assert len(acks) > KILLS
    print(f"{KILLS} kills, {len(acks)} acknowledged actions, "
          f"{time.perf_counter() - started:.1f} s")
