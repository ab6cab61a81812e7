"""Which backups survive: all of the last 2 days, then 12 daily, 10 weekly, 9 monthly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from introdesk.core.retention import backups_to_keep

NOW = datetime(2026, 6, 30, 12, tzinfo=UTC)


def test_everything_recent_is_kept() -> None:
    stamps = [NOW - timedelta(minutes=30 * i) for i in range(96)]  # two days, every 30 minutes
    assert backups_to_keep(stamps, NOW) == set(stamps)


def test_older_backups_thin_out_by_day_week_and_month() -> None:
    hourly = [NOW - timedelta(hours=h) for h in range(0, 24 * 400, 6)]  # 400 days, every 6 h
    kept = backups_to_keep(hourly, NOW)
    recent = {s for s in hourly if NOW - s <= timedelta(days=2)}
    older = sorted(kept - recent, reverse=True)
    days = {s.date() for s in older}
    months = {(s.year, s.month) for s in older}
    assert recent <= kept
    assert len(older) <= 12 + 10 + 9
    assert len(days) == len(older)  # one per bucket: the newest of its day
    assert max(NOW - s for s in older) > timedelta(days=240)  # monthly reach back ~9 months
    assert len(months) >= 9
    assert len(kept) < len(hourly) / 10


def test_the_newest_of_each_day_is_the_one_kept() -> None:
    day = NOW - timedelta(days=5)
    stamps = [day.replace(hour=h) for h in (1, 9, 17)]
    assert backups_to_keep(stamps, NOW) == {day.replace(hour=17)}
