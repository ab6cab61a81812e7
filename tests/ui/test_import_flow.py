"""Import in the window: a file dropped on it, the preview and its choices, the mapping step,
progress with cancel, and one transaction whatever happens."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QMimeData, QUrl
from PySide6.QtWidgets import QPushButton

from introdesk.services.import_plan import Decision
from introdesk.services.importing import ImportSummary
from introdesk.ui.transfer.import_dialog import ImportDialog
from introdesk.ui.transfer.mapping_dialog import MappingDialog
from introdesk.ui.transfer.plan_model import PlanModel
from tests.ui.helpers import drop

FIXTURES = Path(__file__).parents[1] / "interchange" / "fixtures"


def _people(db: Path) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM person").fetchone()[0]


def _files(*paths: Path) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def _preview(qtbot, window) -> ImportDialog:
    qtbot.waitUntil(lambda: isinstance(window.import_flow.preview, ImportDialog), timeout=10000)
    dialog = window.import_flow.preview
    assert isinstance(dialog, ImportDialog)
    return dialog


def test_a_dropped_file_is_previewed_and_imported(qtbot, window, people_desk, db_path) -> None:
    desk, ids = people_desk
    desk.edit_person(ids["Dana Ortiz"], email="dana.ortiz@example.org")
    before = _people(db_path)
    assert drop(window, _files(FIXTURES / "linkedin_current.csv"))
    dialog = _preview(qtbot, window)
    assert dialog.summary.text() == ("3 contacts read: 2 new, 1 matching people already here. "
                                     "1 problem.")
    model = dialog.model
    assert [model.index(r, 4).data() for r in range(3)] == ["New person", "Merge", "New person"]
    assert model.index(1, 3).data() == "Dana Ortiz (same email)"
    assert dialog.problems.toPlainText().startswith("2 rows without a name")
    dialog.table.selectRow(2)
    dialog.skip_button.click()
    assert model.index(2, 4).data() == "Skip" and dialog.import_button.text() == "Import 2 (skip 1)"
    dialog.table.selectRow(0)
    dialog.merge_button.click()  # Maya matches nobody: she cannot be merged
    assert "cannot be merged" in dialog.note.text() and model.index(0, 4).data() == "New person"
    with qtbot.waitSignal(window.import_flow.finished, timeout=15000) as done:
        dialog.import_button.click()
    summary: ImportSummary = done.args[0]
    assert (summary.added, summary.merged, summary.skipped) == (1, 1, 1)
    assert _people(db_path) == before + 1
    assert window.contacts.model.row_of(desk.find_people("Maya Chen")[0].id) is not None
    assert "1 added, 1 merged, 1 skipped" in window.statusBar().currentMessage()


def test_only_contact_files_are_taken_from_a_drop(window, tmp_path) -> None:
    other = tmp_path / "photo.png"
    other.write_bytes(b"x")
    assert not drop(window, _files(other))
    assert window.import_flow.preview is None and window.import_flow.task is None


def test_cancelling_the_preview_writes_nothing(qtbot, window, db_path) -> None:
    before = _people(db_path)
    window.import_flow.start([str(FIXTURES / "google.csv")])
    dialog = _preview(qtbot, window)
    with qtbot.waitSignal(window.import_flow.ended, timeout=5000):
        dialog.reject()
    assert _people(db_path) == before and not window.import_flow.busy


def test_cancelling_while_writing_rolls_everything_back(qtbot, window, db_path, tmp_path) -> None:
    big = tmp_path / "many.csv"
    big.write_text("Name,E-mail 1 - Value\n"
                   + "".join(f"P {i},p{i}@example.org\n" for i in range(3000)))
    before = _people(db_path)
    window.import_flow.start([str(big)])
    dialog = _preview(qtbot, window)
    flow = window.import_flow
    dialog.accept()
    task = flow.task
    assert task is not None
    # What the Cancel button does, at the moment the first chunk is reported (the worker
    # thread looks at it before the next chunk; the button itself is tested below).
    task._job.progressed.connect(lambda done, total: task._stop.set())
    with qtbot.waitSignal(flow.ended, timeout=20000):
        pass
    assert _people(db_path) == before
    assert "nothing was imported" in window.statusBar().currentMessage()


def test_the_progress_dialog_cancel_button_stops_the_work(qtbot, window) -> None:
    import time

    from introdesk.core.errors import OperationCancelled
    from introdesk.ui.transfer.background import BackgroundTask

    def work(progress, cancelled) -> None:
        for step in range(1000):
            progress(step, 1000)
            if cancelled():
                raise OperationCancelled("stopped")
            time.sleep(0.01)

    task = BackgroundTask(window, "Working", "Working…", work)
    finished: list[str] = []
    task.cancelled.connect(lambda: finished.append("cancelled"))
    task.done.connect(lambda _: finished.append("done"))
    task.start()
    qtbot.waitUntil(lambda: task.dialog.maximum() == 1000, timeout=5000)
    task.dialog.findChild(QPushButton).click()
    qtbot.waitUntil(lambda: finished == ["cancelled"], timeout=5000)


def test_an_unknown_csv_asks_which_column_holds_what(qtbot, window, people_desk, db_path) -> None:
    desk, _ids = people_desk
    window.import_flow.start([str(FIXTURES / "unknown_columns.csv")])
    qtbot.waitUntil(lambda: isinstance(window.import_flow.preview, MappingDialog), timeout=10000)
    mapping = window.import_flow.preview
    assert isinstance(mapping, MappingDialog)
    assert not mapping.read_button.isEnabled()  # no name column yet
    names = [mapping.combos[0].itemData(i) for i in range(mapping.combos[0].count())]
    mapping.combos[0].setCurrentIndex(names.index("name"))
    mapping.combos[1].setCurrentIndex(names.index("organization"))
    mapping.combos[2].setCurrentIndex(names.index("email"))
    assert mapping.read_button.isEnabled()
    mapping.accept()
    dialog = _preview(qtbot, window)
    assert dialog.model.rowCount() == 2
    with qtbot.waitSignal(window.import_flow.finished, timeout=15000):
        dialog.accept()
    assert desk.find_person_by_email("tom@example.com").organization == "Hart & Co"


def test_an_unreadable_file_says_why_in_words(qtbot, window, tmp_path) -> None:
    bad = tmp_path / "broken.vcf"
    bad.write_bytes(b"\x00\x01binary")
    said: list[str] = []
    window.desk_actions.error_sink = lambda parent, message: said.append(message)
    with qtbot.waitSignal(window.import_flow.ended, timeout=10000):
        window.import_flow.start([str(bad)])
    assert said and "not a text file" in said[0]


def test_the_plan_model_passes_the_model_tester(qtmodeltester, people_desk) -> None:
    desk, _ids = people_desk
    plan = desk.plan_import(desk.read_import_files([FIXTURES / "linkedin_current.csv"]))
    model = PlanModel(plan)
    qtmodeltester.check(model)
    assert model.set_decision([0, 1], Decision.SKIP) == []
    qtmodeltester.check(model)
    assert model.counts()[Decision.SKIP] == 2


def test_the_start_screen_offers_import(qtbot, tmp_path, settings) -> None:
    from introdesk.services import Desk
    from introdesk.ui import MainWindow

    with Desk.open(tmp_path / "empty.db") as desk:
        main = MainWindow(desk, settings=settings)
        qtbot.addWidget(main)
        assert main.current_view() is main.start
        chosen: list[bool] = []
        main.import_flow.choose_files = lambda: chosen.append(True)  # no native file dialog
        main.start.import_requested.disconnect()
        main.start.import_requested.connect(main.import_flow.choose_files)
        main.start.import_button.click()
        assert chosen == [True]
        main.import_flow.start([str(FIXTURES / "android_qp.vcf")])
        dialog = _preview(qtbot, main)
        with qtbot.waitSignal(main.import_flow.finished, timeout=15000):
            dialog.accept()
        assert main.current_view() is main.contacts
        main.close()


def test_exports_from_the_file_menu_and_the_selection(qtbot, window, people_desk,
                                                      tmp_path) -> None:
    import stat

    from PySide6.QtGui import QAction

    desk, ids = people_desk
    flow = window.export_flow
    target = tmp_path / "out"
    flow.choose_path = lambda title, default, file_filter: str(target.with_suffix(
        "." + default.rsplit(".", 1)[1]))
    with qtbot.waitSignal(flow.finished, timeout=10000) as written:
        window.findChild(QAction, "exportVcardAction").trigger()
    assert written.args[0] == f"Wrote 5 contacts to {target}.vcf."
    assert stat.S_IMODE((tmp_path / "out.vcf").stat().st_mode) == 0o600
    with qtbot.waitSignal(flow.finished, timeout=10000) as written:
        window.contacts.export_requested.emit("csv", [ids["Clara Stone"]])
    assert written.args[0].startswith("Wrote 1 contact to")
    assert "Clara Stone" in (tmp_path / "out.csv").read_text(encoding="utf-8-sig")
    with qtbot.waitSignal(flow.finished, timeout=10000) as written:
        window.contacts.export_requested.emit("ics", [ids["Sam Okafor"]])
    assert written.args[0].startswith("Wrote 1 follow-up to")
    flow.choose_path = lambda title, default, file_filter: None  # the user cancelled
    window.findChild(QAction, "exportJsonAction").trigger()
    assert flow.task is None and not (tmp_path / "out.json").exists()
