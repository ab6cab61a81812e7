"""Shared look: colours for tiers and risk levels, plain-text labels, local-time formatting."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QWidget

from introdesk.core.vocabulary import RiskLevel, Tier
from introdesk.core.words import format_date

TIER_COLORS: dict[Tier, str] = {
    Tier.RELIABLE: "#2e7d32",
    Tier.MIXED: "#b26a00",
    Tier.UNRELIABLE: "#c62828",
    Tier.NEW: "#546e7a",
}

RISK_COLORS: dict[RiskLevel, tuple[str, str, str]] = {
    # background, border, text
    RiskLevel.STOP: ("#fdecea", "#c62828", "#8e1c1c"),
    RiskLevel.CAUTION: ("#fff4e0", "#e09100", "#6d4800"),
    RiskLevel.CLEAR: ("#edf7ee", "#2e7d32", "#1b4d1f"),
}

RISK_TITLES: dict[RiskLevel, str] = {
    RiskLevel.STOP: "Stop — this person ghosted recently",
    RiskLevel.CAUTION: "Caution",
    RiskLevel.CLEAR: "Clear — no broken promises on record",
}


def tier_color(tier: Tier) -> QColor:
    return QColor(TIER_COLORS[tier])


def plain_label(text: str = "", parent: QWidget | None = None, *, wrap: bool = False,
                selectable: bool = False) -> QLabel:
    """A label that shows user text as typed: never interpreted as rich text (FIELD-NOTES)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def error_label(object_name: str) -> QLabel:
    """Where a form says, in red and plain words, why it refused; hidden until then."""
    label = plain_label("", wrap=True)
    label.setObjectName(object_name)
    label.setStyleSheet(f"color: {TIER_COLORS[Tier.UNRELIABLE]}; font-weight: bold;")
    label.hide()
    return label


def local_time(moment: datetime | None, *, with_time: bool = True) -> str:
    """'12 Mar 2026 14:05' in the machine's zone; English month names whatever the locale."""
    if moment is None:
        return "—"
    local = moment.astimezone()
    day = format_date(local)
    return f"{day} {local:%H:%M}" if with_time else day


def relative_day(moment: datetime, now: datetime) -> str:
    days = (moment.astimezone().date() - now.astimezone().date()).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    return f"in {days} days" if days > 0 else f"{-days} days ago"
