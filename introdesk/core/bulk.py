"""Work on tens of thousands of records at once.

Reading a 30,000-row file makes hundreds of thousands of small objects, none of them in a
reference cycle; Python's cycle collector would still walk everything alive, again and again,
as they are made (a sixth of an import's time). It is paused for such work and runs once after.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_depth = 0
_was_enabled = False


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause the cycle collector for the block (nested or in several threads: it runs again
    when the last block ends, if it was running before the first)."""
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()
