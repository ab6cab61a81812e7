"""A synthetic network, deterministic by seed, written straight into an introdesk database.

    python benchmarks/generate.py OUT.db --size M [--seed 1]

S: 1k people; M: 30k people (LinkedIn's cap), 100k intros, 300k commitments; L: 100k people
and about a million events. The schema comes from `Desk.open`; rows go in with sqlite3
`executemany` in one transaction (the Desk would take hours for a million events).
"""

from __future__ import annotations

import argparse
import json
import random
import sqlite3
import sys
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.linkedin_file import FIRST, LAST, ORGS, TITLES  # noqa: E402


@dataclass(frozen=True)
class Size:
    people: int
    intros: int


SIZES = {"S": Size(1_000, 3_000), "M": Size(30_000, 100_000), "L": Size(100_000, 140_000)}
NOW = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
YEARS = 6
PURPOSES = ("job_referral", "job_referral", "job_referral", "hire", "advice", "networking",
            "business")
# How promises end, roughly as connectors report it; recent ones may still be open.
RESOLUTIONS = (("kept", 0.62), ("late", 0.13), ("withdrew", 0.05), ("ghosted", 0.09),
               ("excused", 0.05), (None, 0.06))
ACTIONS = (("call", "reply", "meet"), ("email", "reply", "send_blurb"), ("call", "reply", "attend"))
TAGS = ("hiring manager", "engineer", "data", "design", "alumni", "mentor", "investor",
        "recruiter", "founder", "student", "sales", "product", "finance", "ops", "research")


def _stamp(moment: datetime) -> str:
    # How SQLAlchemy's UTCDateTime keeps a moment on SQLite: naive UTC text.
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def _resolution(rng: random.Random, due: datetime) -> str | None:
    roll, total = rng.random(), 0.0
    for resolution, share in RESOLUTIONS:
        total += share
        if roll < total:
            return resolution if resolution or due > NOW - timedelta(days=60) else "kept"
    return "kept"


def generate(path: Path, size: str, seed: int = 1) -> dict[str, int]:
    from introdesk.services import Desk

    shape = SIZES[size]
    rng = random.Random(seed)
    Desk.open(path).close()
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA foreign_keys=ON")
    start = _stamp(NOW - timedelta(days=365 * YEARS))
    with conn:
        orgs = [f"{name} {i}" if i else name for i in range(40) for name in ORGS]
        conn.executemany("INSERT INTO organization (id, name, name_key, created_at) "
                         "VALUES (?, ?, ?, ?)",
                         [(i, n, n.lower(), start) for i, n in enumerate(orgs, start=1)])
        conn.executemany("INSERT INTO tag (id, name) VALUES (?, ?)",
                         list(enumerate(TAGS, start=1)))
        people, emails, tags = [], [], []
        for pid in range(1, shape.people + 1):
            first, last = rng.choice(FIRST), rng.choice(LAST)
            org = rng.randrange(1, len(orgs) + 1) if rng.random() < 0.7 else None
            slug = f"{first}.{last}.{pid}".lower()
            people.append((pid, f"{first} {last}", org, rng.choice(TITLES),
                           f"https://www.linkedin.com/in/{slug.replace('.', '-')}", start, start))
            if rng.random() < 0.6:
                emails.append((pid, f"{slug}@example.org", 0))
            if rng.random() < 0.3:
                tags.append((pid, rng.randrange(1, len(TAGS) + 1)))
        conn.executemany("INSERT INTO person (id, name, organization_id, title, linkedin_url, "
                         "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", people)
        conn.executemany("INSERT INTO person_email (person_id, address, position) "
                         "VALUES (?, ?, ?)", emails)
        conn.executemany("INSERT INTO person_tag (person_id, tag_id) VALUES (?, ?)", tags)
        counts = _intros(conn, rng, shape)
    conn.close()
    return {"people": shape.people, "organizations": len(orgs), **counts}


def _intros(conn: sqlite3.Connection, rng: random.Random, shape: Size) -> dict[str, int]:
    intros, consents, commitments, events = [], [], [], []
    span = 365 * YEARS * 24 * 3600
    commitment_id = 0
    # A few busy recipients get many referrals, as in life.
    recipients = [rng.randrange(1, shape.people + 1) for _ in range(max(shape.people // 50, 2))]

    def event(at: datetime, kind: str, a: int | None, b: int | None, intro: int,
              commitment: int | None = None, data: dict[str, object] | None = None) -> None:
        events.append((_stamp(at), kind, 1, a, b, intro, commitment, json.dumps(data or {})))

    for iid in range(1, shape.intros + 1):
        a = rng.randrange(1, shape.people + 1)
        b = rng.choice(recipients) if rng.random() < 0.4 else rng.randrange(1, shape.people + 1)
        if a == b:
            b = a % shape.people + 1
        created = NOW - timedelta(seconds=rng.randrange(span))
        made = created + timedelta(hours=rng.randrange(2, 96))
        declined = rng.random() < 0.06
        status, outcome, closed = "made", None, None
        if declined:
            status, outcome, closed = "closed", "declined", made
        elif made > NOW:
            status, made = "asking", None
        elif rng.random() < 0.5:
            status, outcome = "closed", rng.choice(("hired", "met", "no_fit", "fizzled"))
            closed = made + timedelta(days=rng.randrange(5, 60))
        intros.append((iid, 1, a, b, rng.choice(PURPOSES), "Generated introduction", "", status,
                       outcome, _stamp(created), _stamp(made) if made and not declined else None,
                       None, _stamp(closed) if closed else None))
        event(created, "intro_proposed", a, b, iid)
        answered = created + timedelta(hours=1)
        for side, person in (("a", a), ("b", b)):
            state = "declined" if declined and side == "b" else (
                "asked" if status == "asking" else "agreed")
            consents.append((iid, side, person, state, _stamp(created),
                             _stamp(answered) if state != "asked" else None))
            if state != "asked":
                event(answered, f"consent_{state}", person, a if person == b else b, iid)
        if made is None or declined:
            continue
        ids = []
        for number, (owed_by, owed_to, action) in enumerate(
                ((a, b, None), (b, a, None), (a, b, None))):
            commitment_id += 1
            action = rng.choice(ACTIONS)[number]
            due = made + timedelta(days=rng.randrange(2, 8))
            resolution = _resolution(rng, due)
            resolved = due + timedelta(days=rng.randrange(-1, 10)) if resolution else None
            commitments.append((commitment_id, iid, owed_by, owed_to, action, _stamp(due),
                                _stamp(made), resolution, _stamp(resolved) if resolved else None))
            ids.append(commitment_id)
            if resolution and resolved:
                event(resolved, "commitment_resolved", owed_by, owed_to, iid, commitment_id,
                      {"resolution": resolution, "note": None})
        event(made, "intro_made", a, b, iid, data={"commitments": ids})
        if closed:
            event(closed, "intro_closed", a, b, iid, data={"outcome": outcome, "note": None})
    conn.executemany("INSERT INTO introduction (id, connector_id, side_a_id, side_b_id, purpose, "
                     "context, blurb, status, outcome, created_at, made_at, connected_at, "
                     "closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", intros)
    conn.executemany("INSERT INTO consent (intro_id, side, person_id, state, asked_at, "
                     "answered_at) VALUES (?, ?, ?, ?, ?, ?)", consents)
    conn.executemany("INSERT INTO commitment (id, intro_id, owed_by_id, owed_to_id, action, "
                     "due_at, created_at, resolution, resolved_at) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", commitments)
    conn.executemany("INSERT INTO event (at, kind, connector_id, person_id, other_person_id, "
                     "intro_id, commitment_id, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", events)
    return {"intros": len(intros), "commitments": len(commitments), "events": len(events)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path)
    parser.add_argument("--size", default="S", choices=sorted(SIZES))
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    if args.out.exists():
        parser.error(f"{args.out} exists; choose a new file")
    print(generate(args.out, args.size, args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
