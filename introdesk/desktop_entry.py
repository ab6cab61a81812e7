"""`introdesk --install-desktop-entry`: put introdesk in the user's application menu (Linux,
freedesktop.org), with its icon, pointing at the program that is running now."""

from __future__ import annotations

import os
import shlex
import sys
from pathlib import Path

from introdesk.core.errors import IntrodeskError
from introdesk.resources import read_text, resource


def launcher_command() -> str:
    """The command that starts this same installation: the frozen binary, or this Python."""
    if getattr(sys, "frozen", False):
        return shlex.quote(sys.executable)
    script = Path(sys.executable).with_name("introdesk")  # the installed entry point
    if script.exists():
        return shlex.quote(str(script))
    return f"{shlex.quote(sys.executable)} -m introdesk"


def install(data_home: Path | None = None) -> list[Path]:
    if not sys.platform.startswith("linux"):
        raise IntrodeskError("Installing a launcher entry is for Linux desktops; on Windows and "
                             "macOS, use the installer or drag the app into Applications.")
    base = data_home or Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    entry = base / "applications" / "introdesk.desktop"
    icon = base / "icons" / "hicolor" / "256x256" / "apps" / "introdesk.png"
    scalable = base / "icons" / "hicolor" / "scalable" / "apps" / "introdesk.svg"
    text = read_text("introdesk.desktop").replace("Exec=introdesk", f"Exec={launcher_command()}")
    written = []
    try:
        for path, content in ((entry, text.encode()),
                              (icon, resource("icons", "introdesk-256.png").read_bytes()),
                              (scalable, resource("icons", "introdesk.svg").read_bytes())):
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            written.append(path)
    except OSError as exc:
        raise IntrodeskError(f"Could not write the launcher entry: {exc}") from exc
    return written
