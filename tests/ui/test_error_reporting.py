"""Unexpected errors: a plain dialog with "Copy details", the traceback in a private rotating
log, the app still running; and no crash without stdout."""

from __future__ import annotations

import logging
import stat
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from introdesk.ui.error_dialog import (
    ErrorDialog,
    ErrorReporter,
    details_text,
    summary_text,
)
from introdesk.ui.logs import LOG_NAME, log, setup_logging


@pytest.fixture
def log_folder(tmp_path: Path):
    folder = tmp_path / "data"
    yield folder
    for handler in list(log.handlers):
        log.removeHandler(handler)
        handler.close()


def _boom() -> tuple[type[BaseException], BaseException, object]:
    try:
        {}["missing"]  # noqa: B018 - the error under test
    except KeyError:
        return sys.exc_info()  # type: ignore[return-value]
    raise AssertionError


def test_an_unexpected_error_is_logged_and_shown_in_words(qtbot, log_folder: Path) -> None:
    path = setup_logging(log_folder)
    shown: list[tuple[str, str]] = []
    reporter = ErrorReporter(show=lambda summary, details: shown.append((summary, details)))
    reporter.handle(*_boom())  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(shown))
    summary, details = shown[0]
    assert summary.startswith("Something went wrong: KeyError: 'missing'.")
    assert "Traceback" not in summary and str(path) in summary
    assert "Traceback (most recent call last)" in details and "introdesk 0.1.0" in details
    text = path.read_text()
    assert "unexpected error" in text and "KeyError: 'missing'" in text
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(log_folder.stat().st_mode) == 0o700


def test_errors_in_other_threads_reach_the_ui_thread(qtbot, log_folder: Path) -> None:
    setup_logging(log_folder)
    shown: list[bool] = []
    reporter = ErrorReporter(show=lambda summary, details: shown.append(
        threading.current_thread() is threading.main_thread()))
    worker = threading.Thread(target=lambda: reporter.handle(*_boom()))  # type: ignore[arg-type]
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: bool(shown))
    assert shown == [True]


def test_copy_details_puts_the_traceback_on_the_clipboard(qtbot) -> None:
    exc_type, exc, tb = _boom()
    dialog = ErrorDialog(summary_text(exc), details_text(exc_type, exc, tb))  # type: ignore[arg-type]
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.copy_button.click()
    assert "KeyError: 'missing'" in QApplication.clipboard().text()
    assert dialog.isVisible() and dialog.copy_button.text() == "Copied"  # copying keeps it open
    assert "Traceback" not in dialog.text()


def test_the_log_rotates_and_every_file_stays_private(log_folder: Path) -> None:
    path = setup_logging(log_folder, max_bytes=2000)
    for number in range(200):
        log.info("line %d %s", number, "x" * 40)
    files = sorted(log_folder.glob(LOG_NAME + "*"))
    assert [f.name for f in files] == [LOG_NAME, LOG_NAME + ".1", LOG_NAME + ".2", LOG_NAME + ".3"]
    assert all(f.stat().st_size <= 2100 for f in files)
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in files)
    assert "line 199" in path.read_text()
    assert not logging.getLogger("introdesk").propagate


def test_no_stdout_no_crash(log_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from introdesk.cli import _frozen_setup

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    _frozen_setup()  # a windowed Windows build: both None
    assert sys.stdout is not None and sys.stderr is not None
    print("goes nowhere")
    setup_logging(log_folder)
    log.error("still logged")
    sys.stdout.close()
    sys.stderr.close()
    assert "still logged" in (log_folder / LOG_NAME).read_text()


def test_shown_errors_are_logged(log_folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from introdesk.ui import actions

    setup_logging(log_folder)
    monkeypatch.setattr(actions.QMessageBox, "exec", lambda self: 0)
    actions.show_error(None, "The disk is full; nothing was saved.")
    assert "told the user: The disk is full" in (log_folder / LOG_NAME).read_text()
