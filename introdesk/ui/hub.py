"""One change notification for the whole window (STYLE.md: say what changed, let each view
decide). Every write made through `DeskActions` announces a `Change`; views refresh only what
they show of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Change:
    people: frozenset[int] = field(default_factory=frozenset)
    intros: frozenset[int] = field(default_factory=frozenset)
    # Rows appeared or disappeared (a list must re-read its ids, not just repaint rows).
    membership: bool = False
    everything: bool = False

    @classmethod
    def of(cls, *, people: object = (), intros: object = (), membership: bool = False) -> Change:
        return cls(people=frozenset(_ids(people)), intros=frozenset(_ids(intros)),
                   membership=membership)


def _ids(values: object) -> list[int]:
    if values is None:
        return []
    if isinstance(values, int):
        return [values]
    return [v for v in values if isinstance(v, int)]  # type: ignore[attr-defined]


class ChangeHub(QObject):
    changed = Signal(object)
    """Emitted after every committed write, with the `Change` it made."""

    def announce(self, change: Change) -> None:
        self.changed.emit(change)
