"""The explicit "Refer anyway" confirmation for a stop-level side, listing that history."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from introdesk.core.risk import RiskAssessment
from introdesk.ui.look import plain_label
from introdesk.ui.risk_banner import RiskBanner


@dataclass(frozen=True)
class Override:
    reason: str | None


class ReferAnywayDialog(QDialog):
    """Returns Accepted only through the "Refer anyway" button; Cancel and Escape write nothing."""

    def __init__(self, warnings: list[tuple[str, RiskAssessment]], parent: QWidget | None = None,
                 *, what: str = "Refer anyway") -> None:
        super().__init__(parent)
        self.setObjectName("referAnywayDialog")
        self.setWindowTitle("Refer anyway?")
        layout = QVBoxLayout(self)
        names = " and ".join(name for name, _ in warnings)
        intro = plain_label(
            f"{names} broke a promise recently. Your name goes with this introduction; "
            "read their history before you vouch for them.", wrap=True)
        layout.addWidget(intro)
        for _name, assessment in warnings:
            banner = RiskBanner()
            banner.set_assessment(assessment)
            layout.addWidget(banner)
        self.reason = QLineEdit()
        self.reason.setObjectName("referAnywayReason")
        self.reason.setAccessibleName("Reason for referring anyway (optional)")
        self.reason.setPlaceholderText("Why refer anyway? (optional, kept in the timeline)")
        layout.addWidget(self.reason)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.refer_button = QPushButton(what)
        self.refer_button.setObjectName("referAnywayButton")
        self.refer_button.setAccessibleName(what)
        buttons.addButton(self.refer_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        cancel.setFocus()
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)


def ask_refer_anyway(parent: QWidget, warnings: list[tuple[str, RiskAssessment]]) -> Override | None:
    dialog = ReferAnywayDialog(warnings, parent)
    if dialog.exec() == QDialog.DialogCode.Accepted:
        return Override(dialog.reason.text().strip() or None)
    return None


def ask_consent_override(parent: QWidget, waiting: str) -> Override | None:
    """Making before both sides agreed needs a reason (double opt-in is the default)."""
    dialog = QDialog(parent)
    dialog.setObjectName("consentOverrideDialog")
    dialog.setWindowTitle("Make without both OKs?")
    layout = QVBoxLayout(dialog)
    layout.addWidget(plain_label(
        f"{waiting}. introdesk asks both sides first (double opt-in). To make this "
        "introduction anyway, say why:", wrap=True))
    reason = QLineEdit()
    reason.setObjectName("consentOverrideReason")
    reason.setAccessibleName("Reason for making without both OKs")
    reason.setPlaceholderText("e.g. they already know each other")
    layout.addWidget(reason)
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText("Make introduction")
    ok.setEnabled(False)
    reason.textChanged.connect(lambda text: ok.setEnabled(bool(text.strip())))
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    if dialog.exec() == QDialog.DialogCode.Accepted and reason.text().strip():
        return Override(reason.text().strip())
    return None
