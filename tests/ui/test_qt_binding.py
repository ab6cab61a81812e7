"""The Qt binding in use keeps None's reference count: PySide6 6.12.0 on Python 3.11 lost one
reference per void method call, and scrolling 100,000 contacts then killed the process with
"none_dealloc". pyproject.toml keeps that combination out; this test proves it."""

from __future__ import annotations

import sys

from PySide6.QtGui import QColor, QImage, QPainter


def test_void_calls_do_not_drop_references_to_none(qapp) -> None:
    image = QImage(8, 8, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    color = QColor("red")
    before = sys.getrefcount(None)
    for _ in range(1000):
        painter.save()
        painter.restore()
        color.setAlpha(3)
    lost = before - sys.getrefcount(None)
    painter.end()
    assert lost < 100, f"the Qt binding dropped {lost} references to None in 3,000 void calls"
