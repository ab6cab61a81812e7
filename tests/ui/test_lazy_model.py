"""The lazy id model keeps a bounded number of rows, however far the user scrolls."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from introdesk.ui import lazy_model
from introdesk.ui.lazy_model import LazyIdModel


@dataclass(frozen=True)
class Row:
    id: int


class Numbers(LazyIdModel[Row]):
    headers = ("Number",)

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.fetched = 0
        self.reload()

    def load_ids(self) -> list[int]:
        return list(range(1, self.count + 1))

    def fetch(self, ids: Sequence[int]) -> list[Row]:
        self.fetched += len(ids)
        return [Row(i) for i in ids]

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not self.valid_row(index) or role != Qt.ItemDataRole.DisplayRole:
            return None
        record = self.record(index.row())
        return str(record.id) if record else None


def test_scrolling_everything_keeps_a_bounded_cache(qtmodeltester) -> None:
    model = Numbers(50_000)
    qtmodeltester.check(model)
    for row in range(0, model.rowCount(), 7):
        assert model.data(model.index(row, 0)) == str(row + 1)
    assert model.cached_rows() <= lazy_model.MAX_CACHED
    fetched = model.fetched
    last = model.rowCount() - 1
    assert model.data(model.index(last, 0)) == str(last + 1)  # recent rows are still cached
    assert model.fetched == fetched
    assert model.data(model.index(0, 0)) == "1"  # the first page was dropped and comes back
    assert model.fetched == fetched + lazy_model.PAGE
