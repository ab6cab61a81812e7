"""Paints the reliability cell as a coloured pill: tier and score at a glance."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from introdesk.core.vocabulary import Tier
from introdesk.ui.look import tier_color


class TierBadgeDelegate(QStyledItemDelegate):
    def __init__(self, tier_role: int, parent: object = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._tier_role = tier_role

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:  # Qt override
        tier_value = index.data(self._tier_role)
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not tier_value or not text:
            super().paint(painter, option, index)
            return
        style = option.widget.style() if option.widget else None
        if style is not None:  # selection and focus background, without the text
            plain = QStyleOptionViewItem(option)
            self.initStyleOption(plain, index)
            plain.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, plain, painter, option.widget)
        color = tier_color(Tier(tier_value))
        if option.palette.base().color().lightnessF() < 0.5:  # dark theme: lift the colour
            color = color.lighter(170)
        rect = QRectF(option.rect).adjusted(4, 5, -4, -5)
        metrics = option.fontMetrics
        width = min(rect.width(), metrics.horizontalAdvance(text) + 16)
        pill = QRectF(rect.left(), rect.top(), width, rect.height())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fill = QColor("white") if selected else QColor(color)
        fill.setAlpha(235 if selected else 36)
        painter.setPen(color)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        painter.setPen(color.darker(115))
        painter.drawText(pill, Qt.AlignmentFlag.AlignCenter, text)
        painter.restore()
