"""Search as you type over everyone, from memory.

The SQL search (search.py) scans every person with LIKE on each keystroke: 25 ms on 30,000
people, 90 ms on 100,000. This index holds each person's searchable text once, in the order the
contacts list shows, and narrows the previous keystroke's matches when the text grows. It is
rebuilt on the first search after any write; the SQL search stays the portable reference and a
test keeps the two equal.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from introdesk.services import validate
from introdesk.services.search import active
from introdesk.store.models import Organization, Person, PersonEmail, Tag, person_tag

_SEPARATOR = "\x00"  # no word typed can contain it, so no match spans two fields


class PeopleIndex:
    def __init__(self, session: Session) -> None:
        rows = session.execute(active(select(Person.id, Person.name, Person.title,
                                             Organization.name))
                               .outerjoin(Organization, Organization.id == Person.organization_id)
                               .order_by(func.lower(Person.name), Person.id))
        extra: dict[int, list[str]] = defaultdict(list)
        for pid, address in session.execute(select(PersonEmail.person_id, PersonEmail.address)):
            extra[pid].append(address)
        for pid, tag in session.execute(select(person_tag.c.person_id, Tag.name)
                                        .join(Tag, Tag.id == person_tag.c.tag_id)):
            extra[pid].append(tag)
        self.ids: list[int] = []
        self._text: list[str] = []
        for pid, name, title, organization in rows:
            fields = [name, title or "", organization or "", *extra.get(pid, ())]
            self.ids.append(pid)
            self._text.append(_SEPARATOR.join(fields).casefold())
        self._last: tuple[tuple[str, ...], list[int]] = ((), list(range(len(self.ids))))

    def search(self, text: str) -> list[int]:
        """Ids of the people matching every word of `text`, in the contacts list's order."""
        words = tuple(w.casefold() for w in validate.name_key(text or "").split())
        if not words:
            return list(self.ids)
        last_words, last_rows = self._last
        # Typing one more letter only narrows: filter the last matches, not everyone.
        narrows = bool(last_words) and len(words) >= len(last_words) and all(
            previous in word for word, previous in zip(words, last_words, strict=False))
        rows = last_rows if narrows else range(len(self.ids))
        text_of = self._text
        for word in words:
            rows = [r for r in rows if word in text_of[r]]
        self._last = (words, list(rows))
        return [self.ids[r] for r in rows]
