"""The dashboard (Ctrl+4): the network at a glance, and the people to watch."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import QGridLayout, QListView, QScrollArea, QVBoxLayout, QWidget

from introdesk.core.vocabulary import RiskLevel
from introdesk.services import Desk
from introdesk.services.dashboard import Dashboard, WatchEntry
from introdesk.ui.charts import dashboard_charts as draw
from introdesk.ui.charts.host import ChartHost
from introdesk.ui.charts.theme import current_theme
from introdesk.ui.hub import Change
from introdesk.ui.layouts import heading
from introdesk.ui.look import RISK_COLORS

Index = QModelIndex | QPersistentModelIndex


class WatchModel(QAbstractListModel):
    """People to watch, ranked: stop first, then caution, most recent first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.entries: tuple[WatchEntry, ...] = ()

    def set_entries(self, entries: tuple[WatchEntry, ...]) -> None:
        self.beginResetModel()
        self.entries = entries
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            level = "STOP" if entry.assessment.level is RiskLevel.STOP else "Caution"
            return f"{level} · {entry.headline}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(r.text for r in entry.assessment.reasons)
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(RISK_COLORS[entry.assessment.level][2])
        if role == Qt.ItemDataRole.UserRole:
            return entry.person_id
        return None


class DashboardView(QWidget):
    person_requested = Signal(int)
    """A person to watch was opened (their id)."""

    def __init__(self, desk: Desk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dashboardView")
        self._desk = desk
        self._data: Dashboard | None = None
        self._stale = True
        self.charts = {
            "distribution": ChartHost("Score distribution"),
            "per_month": ChartHost("Introductions per month"),
            "funnel": ChartHost("Funnel"),
            "follow_through": ChartHost("Follow-through per month"),
            "recipients": ChartHost("Track record per recipient"),
        }
        self.watch_model = WatchModel(self)
        self.watch = QListView()
        self.watch.setObjectName("peopleToWatch")
        self.watch.setAccessibleName("People to watch")
        self.watch.setModel(self.watch_model)
        self.watch.setWordWrap(True)
        self.watch.activated.connect(self.on_watch_activated)
        self.watch.doubleClicked.connect(self.on_watch_activated)

        body = QWidget()
        grid = QGridLayout(body)
        watch_box = QWidget()
        watch_layout = QVBoxLayout(watch_box)
        watch_layout.setContentsMargins(0, 0, 0, 0)
        watch_layout.addWidget(heading("People to watch"))
        watch_layout.addWidget(self.watch)
        placement = (("distribution", 0, 0), ("per_month", 0, 1), ("funnel", 1, 0),
                     ("follow_through", 1, 1), ("recipients", 2, 0))
        for key, row, column in placement:
            grid.addWidget(self.charts[key], row, column)
        grid.addWidget(watch_box, 2, 1)
        for row in range(3):
            grid.setRowMinimumHeight(row, 260)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)

    def on_hub_changed(self, _change: Change) -> None:
        """Data changed: recompute now if shown, else when next shown."""
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:  # QWidget override
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        data = self._desk.dashboard()
        self._stale = False
        old, self._data = self._data, data
        self.watch_model.set_entries(data.watch)
        theme = current_theme()

        def changed(field: str) -> bool:
            return old is None or getattr(old, field) != getattr(data, field)

        if changed("distribution"):
            if data.distribution.total:
                self.charts["distribution"].set_drawer(
                    lambda f: draw.draw_distribution(f, data.distribution, theme))
            else:
                self.charts["distribution"].show_empty("No one has a resolved commitment yet.")
        if changed("intros_per_month"):
            if data.intros_per_month.months:
                self.charts["per_month"].set_drawer(
                    lambda f: draw.draw_intros_per_month(f, data.intros_per_month, theme))
            else:
                self.charts["per_month"].show_empty("No introduction has been made yet.")
        if changed("funnel"):
            if data.funnel.proposed:
                self.charts["funnel"].set_drawer(lambda f: draw.draw_funnel(f, data.funnel, theme))
            else:
                self.charts["funnel"].show_empty("No introductions yet.")
        if changed("follow_through"):
            if data.follow_through:
                self.charts["follow_through"].set_drawer(
                    lambda f: draw.draw_follow_through(f, data.follow_through, theme))
            else:
                self.charts["follow_through"].show_empty("No promise has been resolved yet.")
        if changed("recipients"):
            if data.recipients:
                self.charts["recipients"].set_drawer(
                    lambda f: draw.draw_recipients(f, data.recipients, theme))
            else:
                self.charts["recipients"].show_empty("You have not referred anyone yet.")

    def on_watch_activated(self, index: QModelIndex) -> None:
        person_id = index.data(Qt.ItemDataRole.UserRole)
        if person_id is not None:
            self.person_requested.emit(person_id)
