"""App resources (icons, desktop entry, templates, demo data), installed as `introdesk.resources`.

The one way to reach them, from a source tree, an installed wheel or the frozen app alike.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """The resource at `parts` below this folder, e.g. resource("demo", "network.json")."""
    found = files(__name__).joinpath(*parts)
    if not found.is_file():
        raise FileNotFoundError(f"introdesk resource {'/'.join(parts)} is missing from this install")
    return found


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")
