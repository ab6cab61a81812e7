"""Render each main screen over the demo network to PNG, for the README and for looking at.

    python -m introdesk.ui.screenshots docs/screenshots [--size 1280x800]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from introdesk.ui.main_window import MainWindow


def render(out: Path, width: int, height: int) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from introdesk.services import Desk
    from introdesk.services.demo import load_demo
    from introdesk.ui.contacts.merge_dialog import MergeDialog
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
        _import_screens(window, Path(folder), save)
        dup = desk.add_person("M. Chen", email="maya.c@example.com", organization="Northwind",
                              title="Data analyst")
        merge = MergeDialog(window.desk_actions, desk.get_person(people["Maya Chen"]),
                            desk.get_person(dup.id), window)
        merge.show()
        save(merge, "14-merge-two-people")
        merge.close()
        window.close()
    return written


def _import_screens(window: MainWindow, folder: Path, save: Callable[[QWidget, str], None]) -> None:
    """The import preview (one contact matches someone in the demo) and the column mapping."""
    from PySide6.QtTest import QTest

    from introdesk.ui.transfer.import_dialog import ImportDialog
    from introdesk.ui.transfer.mapping_dialog import MappingDialog

    linkedin = folder / "Connections.csv"
    linkedin.write_text(
        "Notes:\n\"Some emails are missing.\"\n\n"
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Maya,Chen,https://www.linkedin.com/in/maya-chen,maya.chen@example.org,Northwind,"
        "Senior analyst,30 May 2024\n"
        "Noor,Khan,https://www.linkedin.com/in/noor-khan,,Initech,Staff engineer,2 Jun 2024\n"
        "Lea,Moreau (she/her),https://www.linkedin.com/in/lea-moreau,,Société Test,Analyst,"
        "12 Jan 2023\n,,,,,,02 Jun 2022\n")
    other = folder / "club members.csv"
    other.write_text("Member;Mail;Club role\nTom Hart;tom@example.com;Treasurer\n")
    for path, name, kind in ((linkedin, "12-import-preview", ImportDialog),
                             (other, "13-import-column-mapping", MappingDialog)):
        window.import_flow.start([str(path)])
        for _ in range(200):
            if isinstance(window.import_flow.preview, kind):
                break
            QTest.qWait(25)
        dialog = window.import_flow.preview
        assert isinstance(dialog, kind), name
        save(dialog, name)
        dialog.reject()


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
