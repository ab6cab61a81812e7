"""A chart's place in a window. matplotlib is imported the first time a chart is actually
painted (never at start-up), and a chart redraws only when its data changed, not on every show."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QMenu, QStackedLayout, QWidget

from introdesk.ui.look import plain_label

if TYPE_CHECKING:  # matplotlib stays unimported until a chart is drawn
    from matplotlib.figure import Figure

Drawer = Callable[["Figure"], None]
ChooseFile = Callable[[QWidget, str], str]


def choose_export_file(parent: QWidget, title: str) -> str:
    path, _ = QFileDialog.getSaveFileName(parent, f"Export {title}", f"{title}.png",
                                          "PNG image (*.png);;SVG drawing (*.svg)")
    return path


class ChartHost(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setAccessibleName(f"Chart: {title}")
        self.setMinimumHeight(220)
        self._stack = QStackedLayout(self)
        self.empty = plain_label("", wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setStyleSheet("color: palette(dark); padding: 20px;")
        self._stack.addWidget(self.empty)
        self.canvas: Any = None
        self.figure: Figure | None = None
        self._drawer: Drawer | None = None
        self._dirty = False
        self.draw_count = 0
        self.choose_file: ChooseFile = choose_export_file
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self.on_context_menu_requested)

    @property
    def has_chart(self) -> bool:
        return self._drawer is not None

    def show_empty(self, message: str) -> None:
        """An honest empty state instead of an empty axis."""
        self._drawer = None
        self._dirty = False
        self.empty.setText(message)
        self._stack.setCurrentWidget(self.empty)

    def set_drawer(self, drawer: Drawer) -> None:
        """New data: draw now if visible, else at the next show."""
        self._drawer = drawer
        self._dirty = True
        if self.isVisible():
            self.redraw()

    def showEvent(self, event: QShowEvent) -> None:  # QWidget override
        super().showEvent(event)
        if self._dirty:
            self.redraw()

    def redraw(self) -> None:
        if self._drawer is None:
            return
        if self.canvas is None:
            self._make_canvas()
        assert self.figure is not None
        self.figure.clear()
        self._drawer(self.figure)
        self.canvas.draw_idle()
        self._stack.setCurrentWidget(self.canvas)
        self._dirty = False
        self.draw_count += 1

    def ensure_drawn(self) -> None:
        if self._dirty:
            self.redraw()

    def _make_canvas(self) -> None:
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(figsize=(5, 3), layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.canvas.customContextMenuRequested.connect(
            lambda pos: self.on_context_menu_requested(self.canvas.mapTo(self, pos)))
        self._stack.addWidget(self.canvas)

    def export(self, path: str | Path) -> Path:
        """Save as PNG or SVG (by the file's suffix; PNG when it has none)."""
        self.ensure_drawn()
        if self.figure is None:
            raise ValueError("this chart has nothing to export")
        target = Path(path)
        if target.suffix.lower() not in (".png", ".svg"):
            target = target.with_suffix(".png")
        self.figure.savefig(target, dpi=150, facecolor=self.figure.get_facecolor())
        return target

    def export_interactively(self) -> Path | None:
        path = self.choose_file(self, self.title)
        return self.export(path) if path else None

    def on_context_menu_requested(self, pos: QPoint) -> None:
        if not self.has_chart:
            return
        menu = QMenu(self)
        menu.addAction("Export chart as PNG or SVG…", self.export_interactively)
        menu.exec(self.mapToGlobal(pos))
