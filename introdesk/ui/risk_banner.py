"""The pre-referral warning: red for stop, amber for caution, green for clear, with reasons."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QVBoxLayout, QWidget

from introdesk.core.risk import RiskAssessment
from introdesk.core.vocabulary import RiskLevel
from introdesk.ui.look import RISK_COLORS, RISK_TITLES, plain_label


class RiskBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(10, 8, 10, 8)
        self._layout.setSpacing(4)
        self.title = plain_label("", self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self._layout.addWidget(self.title)
        self._reasons: list[QLabel] = []
        self.level: RiskLevel | None = None
        self.set_assessment(None)

    def set_assessment(self, assessment: RiskAssessment | None) -> None:
        for label in self._reasons:
            self._layout.removeWidget(label)
            label.hide()  # deleteLater waits for the event loop; it must vanish now
            label.deleteLater()
        self._reasons = []
        self.level = assessment.level if assessment else None
        if assessment is None or assessment.level is RiskLevel.CLEAR:
            # Nothing to warn about: a clean person shows no banner at all.
            self.hide()
            return
        background, border, text = RISK_COLORS[assessment.level]
        self.setStyleSheet(
            f"RiskBanner {{ background: {background}; border: 1px solid {border};"
            f" border-left: 5px solid {border}; border-radius: 4px; }}"
            f" QLabel {{ color: {text}; background: transparent; border: none; }}"
        )
        self.title.setText(RISK_TITLES[assessment.level])
        for reason in assessment.reasons:
            label = plain_label(f"• {reason.text}", self, wrap=True)
            self._layout.addWidget(label)
            self._reasons.append(label)
        self.setAccessibleDescription(
            f"{self.title.text()}. " + " ".join(r.text for r in assessment.reasons))
        self.show()

    def reason_texts(self) -> list[str]:
        return [label.text().removeprefix("• ") for label in self._reasons]
