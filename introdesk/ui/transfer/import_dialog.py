"""The import preview: counts, each contact with its match, and the choice for each match."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from introdesk.services.import_plan import Decision, ImportPlan
from introdesk.ui.look import plain_label
from introdesk.ui.transfer.plan_model import PlanModel


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


class ImportDialog(QDialog):
    """Accepting means "import as shown"; `plan` then holds the user's choices."""

    def __init__(self, plan: ImportPlan, source: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(f"Import contacts — {source}")
        self.resize(860, 560)
        self.model = PlanModel(plan, self)
        self.summary = plain_label(self._summary_text(), wrap=True)
        self.summary.setObjectName("importSummary")

        self.table = QTableView()
        self.table.setObjectName("importTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in enumerate((190, 150, 200)):
            self.table.setColumnWidth(column, width)

        self.add_button = QPushButton("New &person")
        self.merge_button = QPushButton("&Merge")
        self.skip_button = QPushButton("&Skip")
        for button, decision, name in ((self.add_button, Decision.ADD, "importAddButton"),
                                       (self.merge_button, Decision.MERGE, "importMergeButton"),
                                       (self.skip_button, Decision.SKIP, "importSkipButton")):
            button.setObjectName(name)
            button.setAutoDefault(False)  # Enter imports; these act on the selection only
            button.setToolTip(f"Import the selected contacts as: {button.text().replace('&', '')}")
            button.clicked.connect(lambda _=False, d=decision: self.decide_selected(d))
        choices = QHBoxLayout()
        choices.addWidget(plain_label("Selected contacts:"))
        for button in (self.add_button, self.merge_button, self.skip_button):
            choices.addWidget(button)
        choices.addStretch(1)
        self.note = plain_label("", wrap=True)
        self.note.setObjectName("importNote")
        choices.addWidget(self.note, 1)

        self.problems = QPlainTextEdit()
        self.problems.setObjectName("importProblems")
        self.problems.setReadOnly(True)
        self.problems.setPlainText("\n".join(str(p) for p in plan.problems))
        self.problems.setMaximumHeight(120)
        self.problems.setVisible(bool(plan.problems))
        problems_title = plain_label(f"{_plural(len(plan.problems), 'problem')} in the file "
                                     "(those lines were left out or corrected):")
        problems_title.setVisible(bool(plan.problems))

        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import",
                                                    QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.import_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(choices)
        layout.addWidget(problems_title)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        for key, decision in (("Ctrl+N", Decision.ADD), ("Ctrl+M", Decision.MERGE),
                              ("Ctrl+K", Decision.SKIP)):
            QShortcut(QKeySequence(key), self, lambda d=decision: self.decide_selected(d))
        self.model.dataChanged.connect(self._refresh)
        self._refresh()
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def plan(self) -> ImportPlan:
        return self.model.plan

    def decide_selected(self, decision: Decision) -> None:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        refused = self.model.set_decision(rows, decision)
        self.note.setText(
            f"{_plural(len(refused), 'contact')} match nobody here and cannot be merged."
            if refused else "")

    def _summary_text(self) -> str:
        plan = self.model.plan
        return (f"{_plural(len(plan.items), 'contact')} read: {plan.new:,} new, "
                f"{plan.matching:,} matching people already here. "
                f"{_plural(len(plan.problems), 'problem')}.")

    def _refresh(self) -> None:
        counts = self.model.counts()
        writes = counts[Decision.ADD] + counts[Decision.MERGE]
        self.import_button.setText(
            f"Import {writes:,}" + (f" (skip {counts[Decision.SKIP]:,})"
                                   if counts[Decision.SKIP] else ""))
        self.import_button.setEnabled(writes > 0)
        self.summary.setText(self._summary_text())
