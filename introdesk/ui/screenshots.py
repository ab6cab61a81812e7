"""Render each main screen over the demo network to PNG, for the README and for looking at.

    python -m introdesk.ui.screenshots docs/screenshots [--size 1280x800]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path


def render(out: Path, width: int, height: int) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from introdesk.services import Desk
    from introdesk.services.demo import load_demo
    from introdesk.ui.hub import Change
    from introdesk.ui.intros.confirm import ReferAnywayDialog
    from introdesk.ui.main_window import MainWindow

    _app = QApplication.instance() or QApplication(["introdesk-screenshots"])  # kept alive
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget: QWidget, name: str) -> None:
        # Panes rebuilt from records show their new labels by queued calls, which then ask
        # for a new layout: let a few rounds of events settle before painting.
        for _ in range(4):
            QTest.qWait(25)
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    with tempfile.TemporaryDirectory() as folder, Desk.open(Path(folder) / "demo.db") as desk:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        window = MainWindow(desk, settings=settings)
        window.resize(width, height)
        window.show()
        save(window, "01-start-screen")
        load_demo(desk)
        window.hub.announce(Change(everything=True))
        people = {p.name: p.id for p in desk.list_people()}
        window.show_person(people["Maya Chen"])
        save(window, "02-contacts-reliable-person")
        window.show_person(people["Jordan Blake"])
        save(window, "03-contacts-person-who-ghosted")
        window.show_view(1)
        window.introductions.attention.list.setCurrentIndex(
            window.introductions.attention.model.index(0, 0))
        overdue = window.introductions.attention.model.entry(0).intro_id
        window.introductions.select_intro(overdue)
        save(window, "04-introductions-needs-attention")
        window.show_view(2)
        save(window, "05-timeline")
        window.show_view(3)
        save(window, "11-dashboard")
        window.show_view(0)
        form = window.open_intro_form()
        form.fill([people["Jordan Blake"], people["Dana Ortiz"]])
        save(form, "06-intro-form-stop")
        form.fill([people["Priya Raman"], people["Mateo Silva"]])
        save(form, "07-intro-form-caution")
        form.fill([people["Maya Chen"], people["Elena Petrova"]])
        save(form, "08-intro-form-clear")
        assert form.slot_a.assessment is not None
        form.fill([people["Jordan Blake"], people["Dana Ortiz"]])
        assert form.slot_a.assessment is not None
        confirm = ReferAnywayDialog([("Jordan Blake", form.slot_a.assessment)], window)
        confirm.show()
        save(confirm, "09-refer-anyway")
        confirm.close()
        form.close()
        sam = next(i for i in desk.list_intros(person_id=people["Sam Okafor"]) if i.made_at)
        messages = window.show_messages(sam.id)
        save(messages, "10-expectation-message")
        messages.close()
        window.close()
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("out", type=Path, help="folder for the PNG files")
    parser.add_argument("--size", default="1280x800", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    width, height = (int(v) for v in args.size.lower().split("x"))
    for path in render(args.out, width, height):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
