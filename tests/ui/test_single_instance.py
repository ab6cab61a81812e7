"""One writer per database: a held lock refuses a second writer, a crashed copy's lock is
recovered, and a second launch wakes the first window."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from introdesk.services import Desk
from introdesk.ui.single_instance import InstanceServer, try_lock, wake_running_copy


def test_a_held_database_is_not_locked_twice(db_path: Path) -> None:
    with Desk.open(db_path):
        pass
    first = try_lock(db_path)
    assert first is not None
    assert try_lock(db_path) is None
    first.unlock()
    again = try_lock(db_path)
    assert again is not None
    again.unlock()


def test_the_lock_of_a_crashed_copy_is_recovered(db_path: Path) -> None:
    script = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from introdesk.ui.single_instance import try_lock
        lock = try_lock(Path({str(db_path)!r}))
        assert lock is not None
        os.kill(os.getpid(), signal.SIGKILL)  # dies holding it
    """)
    subprocess.run([sys.executable, "-c", script], timeout=60)
    assert db_path.with_name(db_path.name + ".lock").exists()
    recovered = try_lock(db_path)
    assert recovered is not None
    recovered.unlock()


def test_a_second_launch_wakes_the_first(qtbot, db_path: Path) -> None:
    server = InstanceServer(db_path)
    assert server.listening
    with qtbot.waitSignal(server.wake_requested, timeout=3000):
        assert wake_running_copy(db_path)
    assert not wake_running_copy(db_path.with_name("other.db"), timeout_ms=200)


def test_the_command_line_refuses_to_write_while_the_app_holds_the_database(db_path: Path) -> None:
    with Desk.open(db_path):
        pass
    lock = try_lock(db_path)
    assert lock is not None
    try:
        result = subprocess.run([sys.executable, "-m", "introdesk", "--db", str(db_path), "demo"],
                                capture_output=True, text=True, timeout=60)
    finally:
        lock.unlock()
    assert result.returncode == 1
    assert "introdesk is open on" in result.stderr and "Traceback" not in result.stderr
    with Desk.open(db_path) as desk:
        assert desk.count_people() == 0
