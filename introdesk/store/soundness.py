"""Is a database file sound: SQLite's own check, which reads the whole file.

On a 280 MB network the check takes half a second, and the window may not write before it
has answered. SQLite runs it without holding Python's interpreter lock, so the window's start
begins it on another thread before its slow imports (Qt, SQLAlchemy, the views): on a second
core the answer is ready, at no cost, when the database is opened. The early answer is used
only if the file is as it was when the check began.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

# (size, modification time) of the file and of its write-ahead log; None where absent or
# empty (the check's own read-only connection leaves an empty log behind).
Stamp = tuple[tuple[int, int] | None, tuple[int, int] | None]


def is_sound(path: Path, *, thorough: bool = False) -> bool:
    """quick_check (or integrity_check), read-only; False for anything unreadable."""
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return False
    try:
        pragma = "integrity_check" if thorough else "quick_check"
        return [row[0] for row in conn.execute(f"PRAGMA {pragma}")] == ["ok"]
    except sqlite3.Error:
        return False
    finally:
        conn.close()


@dataclass
class _EarlyCheck:
    stamp: Stamp
    done: threading.Event = field(default_factory=threading.Event)
    sound: bool = False

    def run(self, path: Path) -> None:
        try:
            self.sound = is_sound(path)
        finally:
            self.done.set()


_early: dict[Path, _EarlyCheck] = {}
_early_lock = threading.Lock()


def check_early(path: Path | None) -> None:
    """Begin checking `path` on another thread; `early_verdict` collects the answer. Nothing
    is begun for a server database or a file that does not exist yet."""
    if path is None:
        return
    stamp = _stamp(path)
    if stamp[0] is None:
        return
    check = _EarlyCheck(stamp)
    with _early_lock:
        if path in _early:
            return
        _early[path] = check
    # A daemon: a start that fails before opening the file must not wait for the check.
    threading.Thread(target=check.run, args=(path,), name="introdesk-check",
                     daemon=True).start()


def early_verdict(path: Path) -> bool | None:
    """The answer of the check begun by `check_early`, waited for; None when none was begun or
    the file changed since it began (then the caller checks it now)."""
    with _early_lock:
        check = _early.pop(path, None)
    if check is None:
        return None
    check.done.wait()
    return check.sound if _stamp(path) == check.stamp else None


def _stamp(path: Path) -> Stamp:
    def one(candidate: Path) -> tuple[int, int] | None:
        try:
            stat = candidate.stat()
        except OSError:
            return None
        return (stat.st_size, stat.st_mtime_ns) if stat.st_size else None

    return one(path), one(path.with_name(path.name + "-wal"))
