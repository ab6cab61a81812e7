"""Open follow-ups as calendar events. VEVENT, not VTODO, and no alarms: Google Calendar ignores
VTODO and drops VALARM on import, and the point is that the follow-up shows up."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from introdesk import __version__

EVENT_LENGTH = timedelta(minutes=30)


@dataclass(frozen=True)
class CalendarEntry:
    uid: str
    summary: str
    description: str
    start: datetime


def write_calendar(entries: Iterable[CalendarEntry], *, now: datetime) -> bytes:
    # Imported here: the Desk is opened at every start, a calendar written seldom.
    from icalendar import Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", f"-//introdesk//introdesk {__version__}//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    for entry in entries:
        event = Event()
        event.add("uid", entry.uid)
        event.add("dtstamp", now.astimezone(UTC))
        event.add("dtstart", entry.start.astimezone(UTC))
        event.add("dtend", entry.start.astimezone(UTC) + EVENT_LENGTH)
        event.add("summary", entry.summary)
        event.add("description", entry.description)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
