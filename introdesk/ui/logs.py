"""The log: a rotating file in the user's data folder, readable by them alone.

Nothing goes to stdout or stderr (a windowed Windows build has neither). Errors shown to the
user are logged too, so "what happened?" has an answer after the dialog is gone.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

from introdesk.store.location import data_dir, make_private_folder

LOG_NAME = "introdesk.log"
MAX_BYTES = 1024 * 1024
BACKUPS = 3
log = logging.getLogger("introdesk")


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Every log file, the current one and the rotated ones, is created 0600."""

    def _open(self):  # type: ignore[no-untyped-def]  # logging's own signature
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.chmod(self.baseFilename, 0o600)
        return os.fdopen(fd, self.mode.replace("w", "a"), encoding=self.encoding)


def setup_logging(folder: Path | None = None, max_bytes: int = MAX_BYTES) -> Path:
    """Send introdesk's log records to `folder`/introdesk.log (default: the data folder)."""
    folder = folder or data_dir()
    make_private_folder(folder)
    path = folder / LOG_NAME
    for handler in list(log.handlers):
        if isinstance(handler, PrivateRotatingFileHandler):
            log.removeHandler(handler)
            handler.close()
    handler = PrivateRotatingFileHandler(path, maxBytes=max_bytes, backupCount=BACKUPS,
                                         encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.INFO)
    log.propagate = False  # not to the root logger, which would print to stderr
    return path


def log_path() -> Path | None:
    for handler in log.handlers:
        if isinstance(handler, PrivateRotatingFileHandler):
            return Path(handler.baseFilename)
    return None
