"""Render resources/icons/introdesk.svg into the PNG sizes, the Windows .ico and the macOS
.icns the packaging needs. Run again after editing the SVG; the outputs are committed."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PIL import Image
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # kept alive
    renderer = QSvgRenderer(str(ICONS / "introdesk.svg"))
    if not renderer.isValid():
        print("make_icons: the SVG does not parse", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        image.save(str(ICONS / f"introdesk-{size}.png"))
    largest = Image.open(ICONS / "introdesk-512.png")
    largest.save(ICONS / "introdesk.ico", sizes=[(s, s) for s in SIZES if s <= 256])
    largest.save(ICONS / "introdesk.icns")
    for path in sorted(ICONS.iterdir()):
        print(path.relative_to(ICONS.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
