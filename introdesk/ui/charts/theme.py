"""Chart colours that follow the Qt palette, so charts read in light and dark themes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QGuiApplication, QPalette

from introdesk.core.vocabulary import Resolution, Tier
from introdesk.ui.look import TIER_COLORS

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

RESOLUTION_STYLE: dict[Resolution, tuple[str, str, str]] = {
    # colour, marker, label
    Resolution.KEPT: ("#2e7d32", "o", "kept"),
    Resolution.LATE: ("#e09100", "^", "late"),
    Resolution.WITHDREW: ("#607d8b", "s", "withdrew"),
    Resolution.GHOSTED: ("#c62828", "X", "ghosted"),
    Resolution.EXCUSED: ("#b0bec5", "D", "excused"),
}
OUTCOME_COLORS = {"open": "#90a4ae", "hired": "#2e7d32", "met": "#66bb6a", "no_fit": "#8d6e63",
                  "fizzled": "#ffb74d", "declined": "#bdbdbd", "withdrawn": "#9575cd"}


@dataclass(frozen=True)
class ChartTheme:
    background: str
    text: str
    grid: str
    accent: str

    def tier(self, tier: Tier) -> str:
        return TIER_COLORS[tier]


def current_theme() -> ChartTheme:
    palette = QGuiApplication.palette()
    background = palette.color(QPalette.ColorRole.Base)
    text = palette.color(QPalette.ColorRole.Text)
    dark = background.lightnessF() < 0.5
    return ChartTheme(background=background.name(), text=text.name(),
                      grid="#455a64" if dark else "#e0e0e0",
                      accent=palette.color(QPalette.ColorRole.Highlight).name())


def style(figure: Figure, axes: Axes, theme: ChartTheme, title: str) -> None:
    figure.set_facecolor(theme.background)
    axes.set_facecolor(theme.background)
    axes.set_title(title, color=theme.text, fontsize=10, loc="left")
    axes.tick_params(colors=theme.text, labelsize=8)
    for spine in axes.spines.values():
        spine.set_color(theme.grid)
    axes.spines["top"].set_visible(False)
    axes.spines["right"].set_visible(False)
    axes.grid(True, color=theme.grid, linewidth=0.6, alpha=0.8)
    axes.set_axisbelow(True)
    axes.xaxis.label.set_color(theme.text)
    axes.yaxis.label.set_color(theme.text)


def style_legend(axes: Axes, theme: ChartTheme, **kwargs: Any) -> None:
    options: dict[str, Any] = {"fontsize": 7, "frameon": False, **kwargs}
    legend = axes.legend(**options)
    if legend is not None:
        for text in legend.get_texts():
            text.set_color(theme.text)
