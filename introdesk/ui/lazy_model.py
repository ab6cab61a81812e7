"""The base of every table over database rows: it holds ids only and fetches display records a
page at a time when a view asks for a row (STYLE.md, "Item models over ids")."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from typing import Any, Generic, Protocol, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

# About a screenful (a 760-pixel window shows some 22 rows): a keystroke in the search box
# waits for one page.
PAGE = 32
MAX_CACHED = 4000
"""Rows kept after they were shown: scrolling through 100,000 contacts must not keep them all."""
Index = QModelIndex | QPersistentModelIndex


class HasId(Protocol):
    @property
    def id(self) -> int: ...


R = TypeVar("R", bound=HasId)


class LazyIdModel(QAbstractTableModel, Generic[R]):
    #: One header per column, in column order.
    headers: tuple[str, ...] = ()
    #: Ids read this many at a time, more as the view scrolls near the end (Qt's fetchMore);
    #: None reads them all at once. A million events are not read to show the first forty.
    id_chunk: int | None = None

    def __init__(self, parent: Any = None, *, active: bool = True) -> None:
        super().__init__(parent)
        # An inactive model (its view not shown yet) loads nothing: the Timeline over a
        # million events costs nothing until it is opened.
        self._active = active
        self._stale = False
        self._ids: list[int] = []
        self._more = False
        self._row_index: dict[int, int] | None = {}
        # Least recently shown first: the oldest rows are dropped past MAX_CACHED.
        self._cache: OrderedDict[int, R] = OrderedDict()

    # What each model says

    def load_ids(self) -> list[int]:
        raise NotImplementedError

    def load_id_chunk(self, offset: int, limit: int) -> list[int]:
        """For models with `id_chunk`: the ids from `offset`, at most `limit` of them."""
        raise NotImplementedError

    def fetch(self, ids: Sequence[int]) -> Iterable[R]:
        raise NotImplementedError

    # Shared behaviour

    def reload(self, *, keep_rows: bool = False) -> None:
        """Re-read the ids (rows came, went or a filter changed). Cached rows are forgotten,
        unless `keep_rows` says only the filter changed (the rows themselves did not)."""
        if not self._active:
            self._stale = True
            return
        self._stale = False
        self.beginResetModel()
        if self.id_chunk is None:
            self._ids, self._more = self.load_ids(), False
        else:
            self._ids = self.load_id_chunk(0, self.id_chunk)
            self._more = len(self._ids) == self.id_chunk
        self._row_index = None  # built on first use: a keystroke should not pay for it
        if not keep_rows:
            self._cache.clear()
        self.endResetModel()

    def activate(self) -> None:
        """The view is shown: load now if anything was put off."""
        self._active = True
        if self._stale:
            self.reload()

    def repaint(self, ids: Iterable[int]) -> None:
        """Re-fetch just these rows the next time they are shown."""
        for item_id in ids:
            self._cache.pop(item_id, None)
            row = self._row_of().get(item_id)
            if row is not None:
                self.dataChanged.emit(self.index(row, 0),
                                      self.index(row, len(self.headers) - 1))

    def _row_of(self) -> dict[int, int]:
        if self._row_index is None:
            self._row_index = {item_id: row for row, item_id in enumerate(self._ids)}
        return self._row_index

    def id_at(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, item_id: int) -> int | None:
        return self._row_of().get(item_id)

    def record(self, row: int) -> R | None:
        item_id = self._ids[row]
        if item_id in self._cache:
            self._cache.move_to_end(item_id)
        else:
            self._fetch_page(row)
        return self._cache.get(item_id)

    def cached_rows(self) -> int:
        return len(self._cache)

    def _fetch_page(self, row: int) -> None:
        start = (row // PAGE) * PAGE
        wanted = [i for i in self._ids[start:start + PAGE] if i not in self._cache]
        for record in self.fetch(wanted):
            self._cache[record.id] = record
        while len(self._cache) > MAX_CACHED:
            self._cache.popitem(last=False)

    # QAbstractTableModel overrides

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more or self.id_chunk is None:
            return
        known = self._row_of()
        more = [i for i in self.load_id_chunk(len(self._ids), self.id_chunk) if i not in known]
        self._more = len(more) == self.id_chunk
        if not more:
            self._more = False
            return
        start = len(self._ids)
        self.beginInsertRows(QModelIndex(), start, start + len(more) - 1)
        self._ids.extend(more)
        self._row_of().update({item_id: start + n for n, item_id in enumerate(more)})
        self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.headers)):
            return self.headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def valid_row(self, index: Index) -> bool:
        return index.isValid() and 0 <= index.row() < len(self._ids)
