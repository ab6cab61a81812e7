"""What a wheel carries: every package, the migrations, the resources (reached one way)."""

from __future__ import annotations

import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

from introdesk.resources import read_text, resource

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "introdesk").rglob("__init__.py")
        if "__pycache__" not in init.parts
    } | {"introdesk.resources"}
    assert on_disk == listed


def test_resources_are_reached_through_the_helper() -> None:
    assert '"organizations"' in read_text("demo", "network.json")
    assert resource("demo", "network.json").is_file()


def test_missing_resource_is_a_clear_error() -> None:
    import pytest

    with pytest.raises(FileNotFoundError, match="no/such.txt is missing"):
        resource("no", "such.txt")


def test_the_wheel_carries_migrations_and_resources(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, timeout=300,
    )
    (wheel,) = tmp_path.glob("introdesk-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in (
        "introdesk/store/migrations/env.py",
        "introdesk/store/migrations/script.py.mako",
        "introdesk/store/migrations/versions/0001_first_schema.py",
        "introdesk/resources/__init__.py",
        "introdesk/resources/demo/network.json",
        "introdesk/core/reliability.py",
    ):
        assert needed in names, needed
    assert not any(name.startswith("tests/") for name in names)
