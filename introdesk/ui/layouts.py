"""Helpers for panes rebuilt from records: clearing a layout at once, section headings."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLayout

from introdesk.ui.look import plain_label


def clear_layout(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        if item is None:
            break
        widget = item.widget()
        if widget is not None:
            widget.hide()  # deleteLater waits for the event loop; it must vanish now
            widget.deleteLater()
        else:
            child = item.layout()
            if child is not None:
                clear_layout(child)


def heading(text: str) -> QLabel:
    label = plain_label(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setContentsMargins(0, 10, 0, 2)
    return label
