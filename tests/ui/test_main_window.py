"""The main window: views and shortcuts, start screen, status bar, geometry and last view."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton

from introdesk.services import Desk
from introdesk.ui import MainWindow

NAMES = ["mainWindow", "contactsView", "introductionsView", "timelineView", "contactsTable",
         "contactSearch", "attentionList"]


def test_ctrl_digits_switch_views_and_names_are_stable(qtbot, window) -> None:
    for name in NAMES:
        assert window.objectName() == name or window.findChild(object, name) is not None, name
    for key, view in ((Qt.Key.Key_2, window.introductions), (Qt.Key.Key_3, window.timeline),
                      (Qt.Key.Key_1, window.contacts)):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)
        assert window.current_view() is view


def test_status_bar_names_the_database(window, people_desk) -> None:
    desk, _ids = people_desk
    assert str(desk.location.path) in window.db_label.text()


def test_every_interactive_widget_has_an_accessible_name(window) -> None:
    form = window.open_intro_form()
    for root in (window, form):
        for widget in root.findChildren(QLineEdit) + root.findChildren(QPushButton):
            if widget.isVisibleTo(root):
                assert widget.accessibleName() or widget.text(), widget.objectName()
    form.close()


def test_first_run_shows_the_start_screen_and_loads_the_demo(qtbot, tmp_path: Path,
                                                            settings) -> None:
    with Desk.open(tmp_path / "empty.db") as desk:
        main = MainWindow(desk, settings=settings)
        qtbot.addWidget(main)
        main.show()
        assert main.current_view() is main.start
        main.start.demo_button.click()
        assert main.current_view() is main.contacts
        assert main.contacts.model.rowCount() >= 35
        main.show_view(1)
        assert main.introductions.attention.model.rowCount() >= 3
        main.close()  # before the desk closes under it


def test_geometry_and_last_view_are_restored(qtbot, people_desk, settings) -> None:
    desk, _ids = people_desk
    first = MainWindow(desk, settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.resize(900, 520)
    first.show_view(2)
    first.close()
    second = MainWindow(desk, settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.current_view() is second.timeline
    # The offscreen screen is 800 px wide, so Qt clamps a restored width to it; the height fits.
    assert second.height() == 520
    assert str(desk.location.path) in second.recent_databases()


def test_ctrl_i_opens_the_form_with_the_selected_contacts(qtbot, window, people_desk) -> None:
    _desk, ids = people_desk
    window.contacts.select_person(ids["Clara Stone"])
    qtbot.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    form = window.intro_form
    assert form is not None and form.isVisible()
    assert form.slot_a.person.id == ids["Clara Stone"] and form.slot_b.person is None
    assert not form.isModal()  # contacts can still be dragged into it
    form.close()


def test_the_shortcut_list_names_the_shortcuts(window) -> None:
    lines = "\n".join(window.shortcut_lines())
    for expected in ("Ctrl+1", "Ctrl+2", "Ctrl+3", "Ctrl+I", "Ctrl+F"):
        assert expected in lines
    assert QApplication.instance() is not None


def test_closing_backs_up_only_when_something_changed(qtbot, people_desk, settings) -> None:
    from introdesk.ui.hub import Change

    desk, ids = people_desk
    main = MainWindow(desk, settings=settings)
    qtbot.addWidget(main)
    main.show()
    main.close()
    assert desk.backups() == []
    again = MainWindow(desk, settings=settings)
    qtbot.addWidget(again)
    again.show()
    assert again.backup_timer.isActive() and again.backup_timer.interval() == 30 * 60 * 1000
    again.desk_actions.run(lambda d: d.edit_person(ids["Dana Ortiz"], title="CTO"),
                           Change.of(people=ids["Dana Ortiz"]))
    again.backup_timer.timeout.emit()  # the 30-minute tick
    assert len(desk.backups()) == 1 and not again.changed_since_backup
    again.desk_actions.run(lambda d: d.edit_person(ids["Dana Ortiz"], title="VP"),
                           Change.of(people=ids["Dana Ortiz"]))
    again.close()
    assert len(desk.backups()) >= 1 and not again.changed_since_backup


def test_help_check_database_reports_and_repairs(qtbot, window, people_desk, db_path) -> None:
    import sqlite3

    desk, _ids = people_desk
    shown: list[str] = []
    window._message = lambda title, text: shown.append(text)
    window.check_database()
    assert shown == ["No problems found."]
    conn = sqlite3.connect(db_path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=OFF")
    conn.execute("INSERT INTO person_phone (person_id, number, position) VALUES (4242, '1', 0)")
    conn.close()
    asked: list[str] = []
    window.confirm_repair = lambda text: asked.append(text) or True
    window.check_database()
    assert "person_phone point at person rows that no longer exist" in asked[0]
    assert "Removed an orphaned row of person_phone" in shown[-1]
    assert desk.check() == [] and len(desk.backups()) == 1
