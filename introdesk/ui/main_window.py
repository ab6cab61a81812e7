"""The main window: a sidebar of views, menus, shortcuts, the open database in the status bar."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMenu,
    QProgressBar,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from introdesk import __version__
from introdesk.core.errors import IntrodeskError
from introdesk.ui.actions import show_error
from introdesk.ui.database_menu import DatabaseMenu

# The views and the services behind them are imported when a database is attached: the window
# paints its frame first (start-up), and those imports take several times as long as the paint.
if TYPE_CHECKING:
    from introdesk.services import Desk
    from introdesk.store.location import Location
    from introdesk.ui.actions import DeskActions
    from introdesk.ui.charts.dashboard import DashboardView
    from introdesk.ui.charts.host import ChartHost
    from introdesk.ui.contacts.view import ContactsView
    from introdesk.ui.hub import Change, ChangeHub
    from introdesk.ui.intros.form import IntroForm
    from introdesk.ui.intros.messages import MessagesDialog
    from introdesk.ui.intros.view import IntroductionsView
    from introdesk.ui.start_screen import StartScreen
    from introdesk.ui.timeline.view import TimelineView
    from introdesk.ui.transfer.export_flow import ExportFlow
    from introdesk.ui.transfer.import_flow import ImportFlow
    from introdesk.ui.trash_dialog import TrashDialog

BACKUP_EVERY_MS = 30 * 60 * 1000
VIEW_TITLES = ("Contacts", "Introductions", "Timeline", "Dashboard")
MENU_TITLES = ("&File", "&Edit", "&View", "&Help")


class _OpeningPage(QWidget):
    """What the window shows while its database is being opened (checked, migrated)."""

    def __init__(self, where: str) -> None:
        super().__init__()
        self.setObjectName("openingPage")
        self.label = QLabel(f"Opening {where}…")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # no steps to count: a moving bar
        self.busy.setTextVisible(False)
        self.busy.setFixedWidth(240)
        self.busy.setAccessibleName("Opening the database")
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(self.label)
        layout.addWidget(self.busy, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch()


class MainWindow(QMainWindow, DatabaseMenu):
    database_requested = Signal(str)
    """The user chose another database file (new or existing); the app reopens on it."""
    restore_requested = Signal(str)
    """The user chose a backup to restore (its path); the app closes, restores and reopens."""

    first_painted = Signal()
    """The window has painted once (start-up opens the database after this)."""

    desk: Desk
    hub: ChangeHub
    desk_actions: DeskActions
    contacts: ContactsView
    introductions: IntroductionsView
    timeline: TimelineView
    dashboard: DashboardView
    start: StartScreen
    import_flow: ImportFlow
    export_flow: ExportFlow
    backup_timer: QTimer

    def __init__(self, desk: Desk | None, parent: QWidget | None = None,
                 settings: QSettings | None = None, *, location: Location | None = None) -> None:
        """The window over `desk`; or, without one, its frame over `location` saying the
        database is being opened, until `attach` gives it the desk."""
        super().__init__(parent)
        self.setObjectName("mainWindow")
        where = desk.location if desk is not None else location
        assert where is not None, "a window shows a database or the one being opened"
        self.setWindowTitle(f"introdesk — {where.describe()}")
        self.settings = settings if settings is not None else QSettings("introdesk", "introdesk")
        self._views: list[tuple[str, QWidget]] = []
        self._painted = False
        self.changed_since_backup = False
        self.intro_form: IntroForm | None = None
        self.trash_dialog: TrashDialog | None = None
        self.messages_dialog: MessagesDialog | None = None

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("viewSidebar")
        self.sidebar.setAccessibleName("Views")
        self.sidebar.setFixedWidth(170)
        self.sidebar.setStyleSheet(
            "QListWidget { border: none; background: palette(window); padding-top: 8px;"
            " outline: 0; }"
            " QListWidget::item { padding: 9px 14px; border-radius: 4px; margin: 1px 6px; }"
            " QListWidget::item:selected { background: palette(highlight);"
            " color: palette(highlighted-text); }")
        for number, title in enumerate(VIEW_TITLES, start=1):
            self.sidebar.addItem(title)
            self.sidebar.item(number - 1).setToolTip(f"{title} (Ctrl+{number})")
        self.sidebar.setEnabled(False)
        self.stack = QStackedWidget()
        self.opening = _OpeningPage(where.describe())
        self.stack.addWidget(self.opening)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.db_label = QLabel(f"Database: {where.describe()}")
        self.db_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.db_label)
        # The menus are there from the first paint (nothing moves when they fill), greyed until
        # the database is open.
        self._menus = [self.menuBar().addMenu(title) for title in MENU_TITLES]
        for menu in self._menus:
            menu.setEnabled(False)
        self._restore_geometry()
        if desk is not None:
            self.attach(desk)

    @property
    def attached(self) -> bool:
        return bool(self._views)

    def attach(self, desk: Desk) -> None:
        """Show `desk`: build the views, fill the menus, go back to the last view."""
        from introdesk.ui.actions import DeskActions
        from introdesk.ui.charts.dashboard import DashboardView
        from introdesk.ui.contacts.view import ContactsView
        from introdesk.ui.hub import ChangeHub
        from introdesk.ui.intros.view import IntroductionsView
        from introdesk.ui.start_screen import StartScreen
        from introdesk.ui.timeline.view import TimelineView
        from introdesk.ui.transfer.export_flow import ExportFlow
        from introdesk.ui.transfer.import_flow import ImportFlow

        assert not self.attached, "a window shows one database"
        self.desk = desk
        self.hub = ChangeHub(self)
        self.desk_actions = DeskActions(desk, self.hub)

        self.contacts = ContactsView(self.desk_actions)
        self.introductions = IntroductionsView(self.desk_actions)
        self.timeline = TimelineView(self.desk_actions)
        self.dashboard = DashboardView(desk)
        self.start = StartScreen()
        self._views = [(title, widget) for title, widget in zip(
            VIEW_TITLES, (self.contacts, self.introductions, self.timeline, self.dashboard),
            strict=True)]
        self.import_flow = ImportFlow(self, self.desk_actions)
        self.export_flow = ExportFlow(self, self.desk_actions)
        self.setAcceptDrops(True)
        for _title, widget in self._views:
            self.stack.addWidget(widget)
        self.stack.addWidget(self.start)
        self.stack.removeWidget(self.opening)
        self.opening.deleteLater()
        self.sidebar.setEnabled(True)
        self._build_menus()
        for menu in self._menus:
            menu.setEnabled(True)

        self.sidebar.currentRowChanged.connect(self.show_view)
        self.start.demo_requested.connect(self.load_demo)
        self.start.add_person_requested.connect(self._add_first_person)
        self.start.import_requested.connect(self.import_flow.choose_files)
        self.hub.changed.connect(self.on_hub_changed)
        self.introductions.new_intro_requested.connect(self.open_intro_form)
        self.introductions.person_requested.connect(self.show_person)
        self.introductions.detail.messages_requested.connect(self.show_messages)
        self.timeline.person_requested.connect(self.show_person)
        self.contacts.intro_requested.connect(self.show_intro)
        self.contacts.status_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.contacts.export_requested.connect(
            lambda kind, ids: self.export_flow.export(
                kind, person_ids=ids if kind != "ics" else None,
                person_id=ids[0] if kind == "ics" else None))
        self.dashboard.person_requested.connect(self.show_person)
        self.hub.changed.connect(self.dashboard.on_hub_changed)
        self.timeline.intro_requested.connect(self.show_intro)
        # Automatic backups: every 30 minutes while data changed, and on close.
        self.backup_timer = QTimer(self)
        self.backup_timer.setInterval(BACKUP_EVERY_MS)
        self.backup_timer.timeout.connect(self.backup_if_changed)
        if desk.location.path is not None:
            self.backup_timer.start()
        self._remember_database()
        self._restore_view()

    def event(self, event: QEvent) -> bool:  # QObject override: announce the first paint
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.first_painted.emit)  # once this paint is done
        return super().event(event)

    # Views

    def show_view(self, index: int) -> None:
        if not 0 <= index < len(self._views):
            return
        if self.sidebar.currentRow() != index:
            self.sidebar.setCurrentRow(index)
            return
        self.stack.setCurrentWidget(self._views[index][1] if not self._is_empty()
                                    else self.start)
        self.settings.setValue("window/view", index)

    def show_person(self, person_id: int) -> None:
        self.show_view(0)
        self.contacts.select_person(person_id)

    def show_intro(self, intro_id: int) -> None:
        self.show_view(1)
        self.introductions.select_intro(intro_id)

    def current_view(self) -> QWidget | None:
        return self.stack.currentWidget()

    def _is_empty(self) -> bool:
        return self.desk.count_people() == 0

    def on_hub_changed(self, change: Change) -> None:
        self.changed_since_backup = True
        if change.membership or change.everything:
            self.show_view(max(self.sidebar.currentRow(), 0))

    def load_demo(self) -> None:
        from introdesk.services.demo import load_demo
        from introdesk.ui.hub import Change

        try:
            summary = load_demo(self.desk)
        except IntrodeskError as exc:
            show_error(self, exc.message)
            return
        self.hub.announce(Change(everything=True))
        self.statusBar().showMessage(f"Loaded the demo network: {summary}.", 8000)

    def _add_first_person(self) -> None:
        self.stack.setCurrentWidget(self.contacts)
        self.contacts.add_person()
        if self._is_empty():
            self.stack.setCurrentWidget(self.start)

    # Menus

    def _action(self, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
                name: str | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if name:
            action.setObjectName(name)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        file_menu, edit_menu, view_menu, help_menu = self._menus
        file_menu.addAction(self._action("&New database…", self.new_database,
                                         QKeySequence.StandardKey.New, "newDatabaseAction"))
        file_menu.addAction(self._action("&Open database…", self.open_database,
                                         QKeySequence.StandardKey.Open, "openDatabaseAction"))
        self.recent_menu = file_menu.addMenu("&Recent databases")
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Import contacts…", self.import_flow.choose_files,
                                         "Ctrl+Shift+I", "importAction"))
        export_menu = file_menu.addMenu("E&xport")
        export_menu.setObjectName("exportMenu")
        for kind, text, name in (("vcf", "All contacts as &vCard…", "exportVcardAction"),
                                 ("csv", "All contacts as &CSV…", "exportCsvAction"),
                                 ("ics", "Open follow-ups to a c&alendar (.ics)…",
                                  "exportIcsAction"),
                                 ("json", "&Everything as JSON…", "exportJsonAction")):
            export_menu.addAction(self._action(text, partial(self.export_flow.export, kind),
                                               None, name))
        file_menu.addAction(self._action("&Export chart…", self.export_chart, "Ctrl+E",
                                         "exportChartAction"))
        file_menu.addSeparator()
        file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit,
                                         "quitAction"))

        undo = self.desk_actions.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setObjectName("undoAction")
        redo = self.desk_actions.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Redo), QKeySequence("Ctrl+Shift+Z")])
        redo.setObjectName("redoAction")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("&Add person…", self._add_person_from_menu,
                                         "Ctrl+Shift+N", "addPersonAction"))
        edit_menu.addAction(self._action("New &introduction…", self.open_intro_form, "Ctrl+I",
                                         "newIntroAction"))
        edit_menu.addAction(self._action("&Merge two people…", self._merge_from_menu, "Ctrl+M",
                                         "mergeAction"))
        edit_menu.addAction(self._action("&Trash…", self.open_trash, None, "trashAction"))
        edit_menu.addSeparator()
        edit_menu.addAction(self._action("&Settings…", self.open_settings, "Ctrl+,",
                                         "settingsAction"))
        edit_menu.addAction(self._action("&Find contacts", self._find, QKeySequence.StandardKey.Find,
                                         "findAction"))

        for number, (title, _widget) in enumerate(self._views, start=1):
            view_menu.addAction(self._action(f"&{title}", partial(self.show_view, number - 1),
                                             f"Ctrl+{number}", f"show{title}Action"))

        help_menu.addAction(self._action("&Keyboard shortcuts", self.show_shortcuts, "F1",
                                         "shortcutsAction"))
        help_menu.addAction(self._action("&Check database…", self.check_database, None,
                                         "checkDatabaseAction"))
        help_menu.addAction(self._action("&About introdesk", self.show_about, None, "aboutAction"))

    def open_intro_form(self) -> IntroForm:
        """Non-modal, so contacts can be dragged from the table into it; starts with the
        contacts selected in the table."""
        from introdesk.ui.intros.form import IntroForm

        form = IntroForm(self.desk_actions, self)
        form.setWindowModality(Qt.WindowModality.NonModal)
        form.finished.connect(form.deleteLater)
        form.fill(self.contacts.selected_ids()[:2])
        form.accepted.connect(lambda: self._after_intro_saved(form))
        form.show()
        self.intro_form = form
        return form

    def _after_intro_saved(self, form: IntroForm) -> None:
        if form.saved is not None and form.saved.made_at is not None:
            self.show_messages(form.saved.id)

    def show_messages(self, intro_id: int) -> MessagesDialog:
        """The expectation-setting message for each side; non-modal, so the user can work on."""
        from introdesk.ui.intros.messages import MessagesDialog

        dialog = MessagesDialog(self.desk.compose_messages(intro_id), self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.show()
        self.messages_dialog = dialog
        return dialog

    def charts_in_view(self) -> list[ChartHost]:
        view = self.current_view()
        if view is self.contacts:
            return [self.contacts.pane.chart] if self.contacts.pane.chart.has_chart else []
        if view is self.dashboard:
            return [c for c in self.dashboard.charts.values() if c.has_chart]
        return []

    def export_chart(self) -> None:
        charts = self.charts_in_view()
        if not charts:
            self._message("Export chart", "This view shows no chart. Select a person with a "
                          "history in Contacts, or open the Dashboard (Ctrl+4).")
            return
        chart: ChartHost | None = charts[0]
        if len(charts) > 1:
            chart = self.choose_chart(charts)
        if chart is not None:
            saved = chart.export_interactively()
            if saved is not None:
                self.statusBar().showMessage(f"Exported the chart to {saved}.", 8000)

    def choose_chart(self, charts: list[ChartHost]) -> ChartHost | None:
        titles = [c.title for c in charts]
        title, ok = QInputDialog.getItem(self, "Export chart", "Which chart?", titles, 0, False)
        return charts[titles.index(title)] if ok and title in titles else None

    def open_settings(self) -> None:
        from introdesk.ui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.desk_actions, self)
        dialog.restore_requested.connect(self.restore_requested)
        dialog.exec()

    def _find(self) -> None:
        self.show_view(0)
        self.contacts.focus_search()

    def open_trash(self) -> TrashDialog:
        from introdesk.ui.trash_dialog import TrashDialog

        dialog = TrashDialog(self.desk_actions, self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        self.trash_dialog = dialog
        return dialog

    def _merge_from_menu(self) -> None:
        self.show_view(0)
        self.contacts.merge_selected()

    def _add_person_from_menu(self) -> None:
        self.show_view(0)
        if self._is_empty():
            self._add_first_person()
        else:
            self.contacts.add_person()

    def shortcut_lines(self) -> list[str]:
        lines = []
        for menu in self.menuBar().findChildren(QMenu):
            for action in menu.actions():
                if not action.shortcut().isEmpty():
                    text = action.text().replace("&", "").rstrip("…")
                    lines.append(f"{action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)}"
                                 f"\t{text}")
        lines.append("Delete\tMove the selected people to the trash (Ctrl+Z brings them back)")
        lines.append("Drag contacts\tDrop one on a side of the introduction form, or two on it")
        lines.append("Drop files\tDrop .vcf or .csv files on the window to import them")
        return lines

    def show_shortcuts(self) -> None:
        self._message("Keyboard shortcuts", "\n".join(self.shortcut_lines()))

    def show_about(self) -> None:
        self._message("About introdesk",
                      f"introdesk {__version__}\n\nIntroductions, the promises made in them, and "
                      f"who kept them — kept on your own machine.\n\nDatabase: "
                      f"{self.desk.location.describe()}")

    # Geometry and last view

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1180, 760)

    def _restore_view(self) -> None:
        stored = self.settings.value("window/view", 0)
        index = int(stored) if isinstance(stored, int | str) and str(stored).isdigit() else 0
        self.sidebar.setCurrentRow(index if 0 <= index < len(self._views) else 0)
        self.show_view(self.sidebar.currentRow())

    # Files dropped on the window are imported

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # QWidget override
        from introdesk.ui.transfer.import_flow import contact_files

        if event.mimeData().hasUrls() and contact_files(event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # QWidget override
        from introdesk.ui.transfer.import_flow import contact_files

        paths = contact_files(event.mimeData().urls()) if event.mimeData().hasUrls() else []
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        self.import_flow.start(paths)

    def closeEvent(self, event: QCloseEvent) -> None:  # QWidget override
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.attached:
            self.backup_timer.stop()
            if not self.desk.closed:
                self.backup_if_changed()
            self.settings.setValue("window/view", max(self.sidebar.currentRow(), 0))
        super().closeEvent(event)
