"""What a first run shows over an empty database: a friendly way in, not an empty table."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from introdesk.ui.look import plain_label


class StartScreen(QWidget):
    demo_requested = Signal()
    """The user chose to load the demo network."""
    add_person_requested = Signal()
    """The user chose to add their first contact by hand."""
    import_requested = Signal()
    """The user chose to import contacts from files."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("startScreen")
        title = plain_label("Welcome to introdesk")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        title.setFont(font)
        text = plain_label(
            "Keep every introduction you make, the promises made in it, and who kept them. "
            "Before you refer someone, introdesk tells you if they let someone down before.\n\n"
            "Your database is empty. Import your contacts (a LinkedIn Connections.csv, a vCard "
            "file from your phone or Google, any CSV), load a small demo network to look around, "
            "or add your first contact. You can also drop contact files on this window.",
            wrap=True)
        text.setFixedWidth(520)
        text.setMinimumHeight(text.heightForWidth(520))
        self.import_button = QPushButton("Import contacts…")
        self.import_button.setObjectName("startImportButton")
        self.import_button.setAccessibleName("Import contacts")
        self.import_button.setDefault(True)
        self.demo_button = QPushButton("Load a demo network")
        self.demo_button.setObjectName("loadDemoButton")
        self.demo_button.setAccessibleName("Load a demo network")
        self.add_button = QPushButton("Add your first contact")
        self.add_button.setObjectName("startAddPersonButton")
        self.add_button.setAccessibleName("Add your first contact")
        for button in (self.import_button, self.demo_button, self.add_button):
            button.setMinimumWidth(240)
            button.setMinimumHeight(36)
        self.import_button.clicked.connect(self.import_requested)
        self.demo_button.clicked.connect(self.demo_requested)
        self.add_button.clicked.connect(self.add_person_requested)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        for widget in (title, text, self.import_button, self.demo_button, self.add_button):
            layout.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
        layout.setSpacing(14)
