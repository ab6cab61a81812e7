"""After making an intro: the messages to each side; Settings edits numbers and templates."""

from __future__ import annotations

from PySide6.QtCore import QUrl, QUrlQuery
from PySide6.QtWidgets import QApplication

from introdesk.core.vocabulary import Side
from introdesk.ui.intros.confirm import Override
from introdesk.ui.intros.messages import MessagesDialog
from introdesk.ui.settings_dialog import SettingsDialog


def test_making_an_intro_offers_the_messages(qtbot, window, people_desk) -> None:
    desk, ids = people_desk
    desk.edit_person(ids["Clara Stone"], emails=["clara@example.org"])
    form = window.open_intro_form()
    form.fill([ids["Clara Stone"], ids["Dana Ortiz"]])
    form.ask_consent_override = lambda parent, waiting: Override("Known to each other")
    form.make_button.click()
    dialog = window.messages_dialog
    assert isinstance(dialog, MessagesDialog) and dialog.isVisible()
    assert [page.message.to_name for page in dialog.pages] == ["Clara Stone", "Dana Ortiz"]
    page = dialog.pages[0]
    assert page.to.text() == "clara@example.org"
    page.body.setPlainText("Edited body")
    page.copy()
    assert QApplication.clipboard().text().endswith("Edited body")
    opened = []
    page._open_url = lambda url: opened.append(url) or True
    page.open_in_mail()
    (url,) = opened
    query = QUrlQuery(url.query())
    assert url.scheme() == "mailto" and url.path() == "clara@example.org"
    assert query.queryItemValue("body", QUrl.ComponentFormattingOption.FullyDecoded) == (
        "Edited body")
    assert "Dana Ortiz" in query.queryItemValue("subject",
                                                QUrl.ComponentFormattingOption.FullyDecoded)
    dialog.close()


def test_settings_change_numbers_and_templates(qtbot, window, people_desk) -> None:
    desk, _ids = people_desk
    dialog = SettingsDialog(window.desk_actions, window)
    qtbot.addWidget(dialog)
    dialog.numbers["default_window_days"].setValue(5)
    dialog.templates[Side.A].setPlainText("Subject: Hi\n\nCall $side_b by $deadline.")
    dialog.accept()
    assert desk.settings().default_window_days == 5
    assert desk.message_template("a").startswith("Subject: Hi")


def test_settings_refuse_a_broken_template_and_keep_everything(qtbot, window, people_desk) -> None:
    desk, _ids = people_desk
    dialog = SettingsDialog(window.desk_actions, window)
    qtbot.addWidget(dialog)
    dialog.numbers["default_window_days"].setValue(9)
    dialog.templates[Side.B].setPlainText("Hello $stranger")
    dialog.accept()
    assert "placeholder" in dialog.error.text()
    assert desk.settings().default_window_days == 2
