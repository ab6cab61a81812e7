"""The installable app: a PyInstaller one-folder build, proven by running it (every CI run)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_the_frozen_app_builds_and_passes_its_self_test() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "build_spec" / "build.py")],
                            capture_output=True, text=True, cwd=ROOT, timeout=1200)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "self-test passed" in result.stdout
    assert "an empty database opens on the start screen" in result.stdout
    assert "data folder 0o700" in result.stdout
    size_line = next(line for line in result.stdout.splitlines() if line.startswith("folder:"))
    print(size_line)  # the real size, for the record


def test_the_desktop_entry_installs_for_the_user(tmp_path: Path) -> None:
    from introdesk.desktop_entry import install

    written = install(tmp_path)
    entry = (tmp_path / "applications" / "introdesk.desktop").read_text()
    assert "Name=introdesk" in entry and "Icon=introdesk" in entry
    exec_line = next(line for line in entry.splitlines() if line.startswith("Exec="))
    assert "introdesk" in exec_line and exec_line != "Exec=introdesk"
    assert (tmp_path / "icons/hicolor/256x256/apps/introdesk.png").read_bytes()[:4] == b"\x89PNG"
    assert len(written) == 3


def test_the_spec_reads_name_and_version_from_pyproject() -> None:
    spec = (ROOT / "build_spec" / "introdesk.spec").read_text()
    assert 'tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]' in spec
    assert "BUNDLE(" in spec and "bundle_identifier" in spec
    for icon in ("introdesk.svg", "introdesk.ico", "introdesk.icns", "introdesk-256.png"):
        assert (ROOT / "resources" / "icons" / icon).stat().st_size > 0
