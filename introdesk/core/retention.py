"""Which backups to keep: everything from the last 2 days, then the newest of each of the last
12 days, 10 weeks and 9 months that have one (grandfather-father-son)."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from datetime import datetime, timedelta

from introdesk.core.clock import require_aware

KEEP_ALL_DAYS = 2
DAILY = 12
WEEKLY = 10
MONTHLY = 9


def _newest_per_bucket(stamps: list[datetime], bucket: Callable[[datetime], Hashable],
                       count: int) -> set[datetime]:
    kept: set[datetime] = set()
    seen: set[Hashable] = set()
    for stamp in stamps:  # newest first
        key = bucket(stamp)
        if key not in seen:
            seen.add(key)
            kept.add(stamp)
            if len(seen) == count:
                break
    return kept


def backups_to_keep(stamps: Iterable[datetime], now: datetime) -> set[datetime]:
    now = require_aware(now, "time")
    ordered = sorted((require_aware(s, "backup time") for s in stamps), reverse=True)
    recent = {s for s in ordered if now - s <= timedelta(days=KEEP_ALL_DAYS)}
    older = [s for s in ordered if s not in recent]
    return (recent
            | _newest_per_bucket(older, lambda s: s.date(), DAILY)
            | _newest_per_bucket(older, lambda s: s.isocalendar()[:2], WEEKLY)
            | _newest_per_bucket(older, lambda s: (s.year, s.month), MONTHLY))
