"""The architecture holds: a tool checks the import contracts, and the non-UI layers import
with Qt and matplotlib made unimportable."""

from __future__ import annotations

import os
import pkgutil
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import introdesk

ROOT = Path(__file__).resolve().parents[1]
NON_UI = ("introdesk.core", "introdesk.store", "introdesk.services", "introdesk.interchange")


def _tool(name: str) -> str:
    found = shutil.which(name, path=os.path.dirname(sys.executable)) or shutil.which(name)
    assert found, f"{name} is not installed; install the test extras"
    return found


def test_import_contracts_are_kept() -> None:
    result = subprocess.run([_tool("lint-imports")], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def test_non_ui_layers_import_without_qt_or_matplotlib() -> None:
    modules = sorted(
        info.name for info in pkgutil.walk_packages(introdesk.__path__, "introdesk.")
        if info.name.startswith(NON_UI) and ".migrations" not in info.name
    )
    assert "introdesk.services.desk" in modules and "introdesk.core.reliability" in modules
    script = textwrap.dedent(f"""
        import importlib, importlib.abc, sys

        class Refuse(importlib.abc.MetaPathFinder):
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("PySide6", "shiboken6", "matplotlib"):
                    raise ImportError(f"{{name}} is not allowed below the UI layer")
                return None

        sys.meta_path.insert(0, Refuse())
        for name in {modules!r}:
            importlib.import_module(name)
        from introdesk.services import Desk
        with Desk.open("sqlite://") as desk:
            desk.add_person("Layer Check")
        loaded = [m for m in sys.modules if m.split(".")[0] in ("PySide6", "matplotlib")]
        assert not loaded, loaded
        print("imported", len({modules!r}))
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"imported {len(modules)}"


def test_the_core_is_mypy_strict_clean_and_the_rest_type_checks() -> None:
    for args in (["--strict", "introdesk/core"], ["introdesk"]):
        result = subprocess.run([_tool("mypy"), "--no-error-summary", *args],
                                cwd=ROOT, capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr
