"""The expectation-setting messages after an intro is made: one tab per side, editable,
copied to the clipboard or opened in the user's mail program (mailto:)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl, QUrlQuery
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from introdesk.services.messages import Message
from introdesk.ui.look import plain_label


def mailto_url(to: str | None, subject: str, body: str) -> QUrl:
    url = QUrl()
    url.setScheme("mailto")
    url.setPath(to or "")
    query = QUrlQuery()
    query.addQueryItem("subject", subject)
    query.addQueryItem("body", body)
    url.setQuery(query)
    return url


class MessageTab(QWidget):
    def __init__(self, message: Message, open_url: Callable[[QUrl], object],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.message = message
        self._open_url = open_url
        self.to = QLineEdit(message.to_email or "")
        self.to.setAccessibleName(f"Email of {message.to_name}")
        self.to.setPlaceholderText(f"{message.to_name} has no email on record")
        self.subject = QLineEdit(message.subject)
        self.subject.setAccessibleName("Subject")
        self.body = QPlainTextEdit(message.body)
        self.body.setAccessibleName("Message")
        self.copy_button = QPushButton("Copy message")
        self.copy_button.setAccessibleName(f"Copy the message to {message.to_name}")
        self.mail_button = QPushButton("Open in mail program")
        self.mail_button.setAccessibleName(f"Open the message to {message.to_name} in mail")
        self.status = plain_label("")
        form = QFormLayout()
        form.addRow("To", self.to)
        form.addRow("Subject", self.subject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.mail_button)
        buttons.addWidget(self.status, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.body, 1)
        layout.addLayout(buttons)
        self.copy_button.clicked.connect(self.copy)
        self.mail_button.clicked.connect(self.open_in_mail)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(f"Subject: {self.subject.text()}\n\n"
                                            f"{self.body.toPlainText()}")
        self.status.setText("Copied to the clipboard.")

    def open_in_mail(self) -> None:
        url = mailto_url(self.to.text().strip() or None, self.subject.text(),
                         self.body.toPlainText())
        if self._open_url(url):
            self.status.setText("Opened in your mail program.")
        else:
            self.status.setText("No mail program answered; copy the message instead.")


class MessagesDialog(QDialog):
    def __init__(self, messages: list[Message], parent: QWidget | None = None,
                 open_url: Callable[[QUrl], object] = QDesktopServices.openUrl) -> None:
        super().__init__(parent)
        self.setObjectName("messagesDialog")
        self.setWindowTitle("Set the expectation")
        self.tabs = QTabWidget()
        self.pages: list[MessageTab] = []
        for message in messages:
            page = MessageTab(message, open_url)
            self.pages.append(page)
            title = f"To side {message.side.value.upper()}: {message.to_name}".replace("&", "&&")
            self.tabs.addTab(page, title)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(
            "Tell each side what is expected and by when. Edit the text if you like, then copy "
            "it or open it in your mail program.", wrap=True))
        layout.addWidget(self.tabs, 1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout.addWidget(close)
        self.resize(640, 520)
