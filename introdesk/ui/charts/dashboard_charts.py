"""Drawing each dashboard chart from the numbers the services computed (no arithmetic here
beyond layout: the counts are tested in core and services)."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from introdesk.core import stats
from introdesk.services.dashboard import RecipientRecord
from introdesk.ui.charts.theme import OUTCOME_COLORS, ChartTheme, style, style_legend

if TYPE_CHECKING:
    from matplotlib.figure import Figure


def draw_distribution(figure: Figure, data: stats.Distribution, theme: ChartTheme) -> None:
    axes = figure.add_subplot()
    style(figure, axes, theme, "Scores of people with history")
    edges = data.edges
    width = (edges[1] - edges[0]) * 100 * 0.9
    centers = [(a + b) / 2 * 100 for a, b in zip(edges, edges[1:], strict=False)]
    bottom = [0] * len(centers)
    for tier in stats.TIER_ORDER:
        counts = data.counts.get(tier, ())
        if not any(counts):
            continue
        axes.bar(centers, counts, width=width, bottom=bottom, color=theme.tier(tier),
                 label=tier.value, alpha=0.85)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    axes.set_xlim(0, 100)
    axes.set_xlabel("score")
    axes.set_ylabel("people")
    _integer_ticks(axes.yaxis)
    style_legend(axes, theme, loc="upper left")


def draw_intros_per_month(figure: Figure, data: stats.MonthlySeries, theme: ChartTheme) -> None:
    axes = figure.add_subplot()
    style(figure, axes, theme, "Introductions made per month, by outcome")
    positions = list(range(len(data.months)))
    bottom = [0] * len(positions)
    for category, counts in data.series.items():
        axes.bar(positions, counts, bottom=bottom, color=OUTCOME_COLORS.get(category, "#999"),
                 label=category.replace("_", " "), width=0.8)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    step = max(1, math.ceil(len(positions) / 7))
    axes.set_xticks(positions[::step], [_month_label(m) for m in data.months[::step]])
    axes.set_ylabel("introductions")
    _integer_ticks(axes.yaxis)
    style_legend(axes, theme, loc="upper left", ncols=2)


def draw_funnel(figure: Figure, data: stats.Funnel, theme: ChartTheme) -> None:
    axes = figure.add_subplot()
    style(figure, axes, theme, "From proposal to success")
    stages = data.stages()
    labels = [name for name, _ in stages]
    values = [count for _, count in stages]
    positions = list(range(len(stages)))[::-1]
    bars = axes.barh(positions, values, color=theme.accent, alpha=0.8)
    axes.set_yticks(positions, labels)
    top = max(values) or 1
    for bar, value in zip(bars, values, strict=True):
        share = f" ({value / values[0]:.0%})" if values[0] else ""
        axes.text(bar.get_width() + top * 0.01, bar.get_y() + bar.get_height() / 2,
                  f"{value}{share}", va="center", fontsize=8, color=theme.text)
    axes.set_xlim(0, top * 1.25)
    axes.grid(False, axis="y")


def draw_follow_through(figure: Figure, data: Sequence[stats.RatePoint], theme: ChartTheme) -> None:
    axes = figure.add_subplot()
    style(figure, axes, theme, "Promises kept (on time or late), per month due")
    # A month with nothing due is a gap in the line (NaN), not a zero.
    rates = [p.rate * 100 if p.rate is not None else math.nan for p in data]
    axes.plot(list(range(len(data))), rates, marker="o", color=theme.accent, linewidth=1.8)
    step = max(1, math.ceil(len(data) / 7))
    axes.set_xticks(list(range(len(data)))[::step], [_month_label(p.month) for p in data][::step])
    axes.set_ylim(0, 105)
    axes.set_ylabel("% followed through")


def draw_recipients(figure: Figure, data: Sequence[RecipientRecord], theme: ChartTheme) -> None:
    axes = figure.add_subplot()
    style(figure, axes, theme, "Your referrals, by who received them")
    names = [r.record.recipient_name for r in data][::-1]
    rows = [r.record for r in data][::-1]
    positions = list(range(len(rows)))
    left = [0] * len(rows)
    for label, color, values in (
        ("followed through", "#2e7d32", [r.followed_through for r in rows]),
        ("pending", "#90a4ae", [r.pending for r in rows]),
        ("withdrew", "#607d8b", [r.withdrew for r in rows]),
        ("excused", "#b0bec5", [r.excused for r in rows]),
        ("ghosted", "#c62828", [r.ghosted for r in rows]),
    ):
        if any(values):
            axes.barh(positions, values, left=left, color=color, label=label)
            left = [a + b for a, b in zip(left, values, strict=True)]
    axes.set_yticks(positions, names)
    _integer_ticks(axes.xaxis)
    axes.set_xlabel("introductions made")
    axes.grid(False, axis="y")
    style_legend(axes, theme, loc="lower right")


def _integer_ticks(axis: Any) -> None:
    from matplotlib.ticker import MaxNLocator

    axis.set_major_locator(MaxNLocator(integer=True))


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def _month_label(month: str) -> str:
    year, number = month.split("-")
    return f"{_MONTHS[int(number) - 1]}\n\u2019{year[2:]}"
