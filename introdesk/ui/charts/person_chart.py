"""A person's reliability over time: the score, its p10–p90 band, the tier threshold, and
every resolved commitment as a marker (hover to read it, click to open its introduction)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QToolTip, QWidget

from introdesk.core.reliability import UNRELIABLE_BELOW, ReliabilityPoint
from introdesk.core.vocabulary import Resolution
from introdesk.core.words import ACTION_NOUNS
from introdesk.services import CommitmentRecord
from introdesk.ui.charts.host import ChartHost
from introdesk.ui.charts.theme import (
    RESOLUTION_STYLE,
    ChartTheme,
    current_theme,
    style,
    style_legend,
)
from introdesk.ui.look import local_time

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def marker_text(c: CommitmentRecord) -> str:
    assert c.resolution is not None
    return (f"{c.resolution.value.capitalize()}: {ACTION_NOUNS[c.action]} to {c.owed_to_name}, "
            f"due {local_time(c.due_at, with_time=False)} — intro #{c.intro_id}")


def draw_person_chart(figure: Figure, history: Sequence[ReliabilityPoint],
                      commitments: Sequence[CommitmentRecord], theme: ChartTheme,
                      ) -> dict[Any, list[CommitmentRecord]]:
    """Draw; returns each marker artist with the commitments behind its points."""
    from matplotlib import dates

    axes = figure.add_subplot()
    style(figure, axes, theme, "Reliability over time")
    when = dates.date2num([p.at.astimezone() for p in history])
    axes.fill_between(when, [p.reliability.p10 * 100 for p in history],
                      [p.reliability.p90 * 100 for p in history], step="post",
                      color=theme.accent, alpha=0.16, linewidth=0, label="likely range")
    axes.step(when, [p.reliability.score * 100 for p in history], where="post", color=theme.accent,
              linewidth=2, label="score")
    axes.axhline(UNRELIABLE_BELOW * 100, color="#c62828", linewidth=0.8, linestyle="--", alpha=0.5,
                 label="unreliable < 50")
    axes.axhline(200 / 3, color=theme.text, linewidth=0.6, linestyle=":", alpha=0.4,
                 label="newcomer (67)")
    pickable: dict[Any, list[CommitmentRecord]] = {}
    for resolution in Resolution:
        group = [c for c in commitments if c.resolution is resolution]
        if not group:
            continue
        color, marker, label = RESOLUTION_STYLE[resolution]
        faint = resolution is Resolution.EXCUSED
        artist = axes.scatter(dates.date2num([c.due_at.astimezone() for c in group]),
                              [3] * len(group),
                              color=color, marker=marker, s=46, alpha=0.45 if faint else 0.95,
                              label=label, zorder=3, picker=True, edgecolors="none")
        pickable[artist] = group
    axes.xaxis_date()
    axes.set_ylim(0, 102)
    axes.set_ylabel("score (0–100)")
    locator = dates.AutoDateLocator(minticks=2, maxticks=6)
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    style_legend(axes, theme, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncols=4,
                 handlelength=1.2, columnspacing=0.8)
    return pickable


class PersonChart(ChartHost):
    intro_requested = Signal(int)
    """A marker was clicked: open its introduction (the intro's id)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Reliability over time", parent)
        self.setObjectName("personChart")
        self._pickable: dict[Any, list[CommitmentRecord]] = {}
        self.points = 0
        self.markers = 0

    def show_history(self, history: Sequence[ReliabilityPoint],
                     commitments: Sequence[CommitmentRecord]) -> None:
        resolved = [c for c in commitments if c.resolution is not None]
        if not resolved:
            self.show_empty("No resolved commitments yet, so there is no history to chart. "
                            "The score starts at 67 (mild benefit of the doubt).")
            return
        self.points, self.markers = len(history), len(resolved)

        def draw(figure: Figure) -> None:
            self._pickable = draw_person_chart(figure, history, resolved, current_theme())

        self.set_drawer(draw)

    def _make_canvas(self) -> None:
        super()._make_canvas()
        self.canvas.mpl_connect("pick_event", self.on_canvas_pick)
        self.canvas.mpl_connect("motion_notify_event", self.on_canvas_motion)

    def commitment_at(self, artist: Any, index: int) -> CommitmentRecord | None:
        group = self._pickable.get(artist)
        return group[index] if group and 0 <= index < len(group) else None

    def on_canvas_pick(self, event: Any) -> None:
        found = self.commitment_at(event.artist, int(event.ind[0])) if len(event.ind) else None
        if found is not None:
            self.intro_requested.emit(found.intro_id)

    def on_canvas_motion(self, event: Any) -> None:
        for artist, group in self._pickable.items():
            hit, info = artist.contains(event)
            if hit and len(info.get("ind", [])):
                QToolTip.showText(QCursor.pos(), marker_text(group[int(info["ind"][0])]), self)
                return
        QToolTip.hideText()
