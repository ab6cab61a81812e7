"""The writer killed by tests/safety/test_crash_kill.py.

Run as a zygote: it imports introdesk once, then for each line "DB SIDEFILE SEED" on stdin
forks a child that writes through `Desk` until it is killed, and prints the child's pid. Forking
from a warm process makes a hundred kills affordable (a cold start costs most of a second).

After each call RETURNS the child appends what it did to the side file and fsyncs it:
    person ID | intro ID C1,C2 | resolved CID RESOLUTION | merged OTHER KEEP
"""

from __future__ import annotations

import os
import random
import sqlite3
import sys
import traceback
from datetime import UTC, datetime, timedelta

from introdesk.core.errors import IntrodeskError
from introdesk.services import Desk, Expectation

RESOLUTIONS = ("kept", "late", "withdrew", "ghosted", "excused")


def _ack(side: int, line: str) -> None:
    os.write(side, (line + "\n").encode())
    os.fsync(side)


def _state(db: str) -> tuple[list[int], list[int]]:
    with sqlite3.connect(db) as conn:
        people = [r[0] for r in conn.execute("SELECT id FROM person")]
        open_ = [r[0] for r in conn.execute(
            "SELECT id FROM commitment WHERE resolution IS NULL")]
    return people, open_


def work(db: str, side_path: str, seed: int) -> None:
    rng = random.Random(seed)
    side = os.open(side_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    people, open_commitments = _state(db)
    now = datetime(2026, 1, 1, tzinfo=UTC)
    with Desk.open(db) as desk:
        step = 0
        while True:
            step += 1
            now += timedelta(minutes=1)
            roll = rng.random()
            try:
                if len(people) < 4 or roll < 0.3:
                    person = desk.add_person(f"Person {seed}-{step}", at=now,
                                             email=f"p{seed}-{step}@example.org")
                    people.append(person.id)
                    _ack(side, f"person {person.id}")
                elif roll < 0.65:
                    a, b = rng.sample(people, 2)
                    intro = desk.propose_intro(a, b, purpose="job_referral", at=now)
                    desk.record_consent(intro.id, a, agreed=True, at=now)
                    desk.record_consent(intro.id, b, agreed=True, at=now)
                    made = desk.make_intro(intro.id, at=now, expectations=[
                        Expectation(a, b, "call", now + timedelta(days=2)),
                        Expectation(b, a, "reply", now + timedelta(days=3))])
                    ids = [c.id for c in made.commitments]
                    open_commitments.extend(ids)
                    _ack(side, f"intro {made.id} {','.join(map(str, ids))}")
                elif roll < 0.93 and open_commitments:
                    cid = open_commitments.pop(rng.randrange(len(open_commitments)))
                    resolution = rng.choice(RESOLUTIONS)
                    desk.resolve(cid, resolution, at=now + timedelta(days=4))
                    _ack(side, f"resolved {cid} {resolution}")
                else:
                    keep, other = rng.sample(people, 2)
                    desk.merge_people(keep, other, at=now)
                    people.remove(other)
                    _ack(side, f"merged {other} {keep}")
            except IntrodeskError:
                # A refused step (two sides of one intro merged, a commitment of someone
                # merged away): nothing was written; pick up the current state and go on.
                people, open_commitments = _state(db)


def zygote() -> None:
    for line in sys.stdin:
        db, side, seed = line.split()
        pid = os.fork()
        if pid == 0:
            try:
                work(db, side, int(seed))
            except BaseException:  # noqa: BLE001 - the parent reads this from stderr
                traceback.print_exc()
                sys.stderr.flush()
            finally:
                os._exit(3)  # a child only ever ends by being killed
        print(pid, flush=True)
        os.waitpid(pid, 0)
        print("reaped", flush=True)


if __name__ == "__main__":
    zygote()
