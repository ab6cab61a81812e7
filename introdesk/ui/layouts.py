"""Panes rebuilt from records: the scrolling pane, clearing a layout at once, headings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QLayout, QScrollArea, QVBoxLayout, QWidget

from introdesk.core.errors import NotFoundError
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


class RecordPane(QScrollArea):
    """A scrolling pane rebuilt from records: `show(item_id)` clears it and calls `build`, or
    shows `hint` when there is nothing (or nothing any more) to show."""

    hint = ""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_id: int | None = None
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Text wraps to the pane's width rather than scrolling sideways.
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._body = QWidget()
        self._layout = QVBoxLayout(self._body)
        self.setWidget(self._body)

    def build(self, item_id: int) -> None:
        raise NotImplementedError

    def show_item(self, item_id: int | None) -> None:
        clear_layout(self._layout)
        self.item_id = item_id
        if item_id is not None:
            try:
                self.build(item_id)
            except NotFoundError:
                self.show_item(None)
                return
            # A stretch, not AlignTop: wrapped labels keep their full height and the pane
            # scrolls instead of squeezing them.
            self._layout.addStretch(1)
            return
        hint = plain_label(self.hint, wrap=True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint.setStyleSheet("padding: 40px;")
        self._layout.addWidget(hint)
