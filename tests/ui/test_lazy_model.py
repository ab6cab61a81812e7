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


class ChunkedNumbers(Numbers):
    id_chunk = 1000

    def load_id_chunk(self, offset: int, limit: int) -> list[int]:
        self.chunks = getattr(self, "chunks", 0) + 1
        return list(range(offset + 1, min(offset + limit, self.count) + 1))


def test_ids_come_a_chunk_at_a_time(qtmodeltester) -> None:
    model = ChunkedNumbers(2_500)
    assert model.rowCount() == 1000 and model.canFetchMore()
    qtmodeltester.check(model)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == 2_500 and model.chunks >= 3
    assert model.data(model.index(2_499, 0)) == "2500"
    assert model.row_of(2_500) == 2_499


def test_the_timeline_reads_its_first_chunk_and_more_on_scrolling(qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QTableView

    from benchmarks.generate import generate
    from introdesk.services import Desk
    from introdesk.ui.timeline.model import TimelineModel

    db = tmp_path / "s.db"
    counts = generate(db, "S", seed=5)
    with Desk.open(db) as desk:
        model = TimelineModel(desk)
        assert model.rowCount() == 1000 and model.canFetchMore()
        view = QTableView()
        qtbot.addWidget(view)
        view.setModel(model)
        view.resize(600, 400)
        view.show()
        for _ in range(4):
            view.scrollToBottom()
            qtbot.wait(10)
        assert model.rowCount() > 1000
        ids = [model.id_at(r) for r in range(model.rowCount())]
        assert ids == desk.event_ids()[:len(ids)]  # the same order as reading them at once
        assert len(desk.event_ids()) == counts["events"]
