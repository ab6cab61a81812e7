"""Build the one-folder app with PyInstaller, then prove it: run the frozen binary's self-test
offscreen with an empty home folder, check its size, and time it beside the source install.

    python build_spec/build.py [--skip-build]

Exits non-zero if the build or the frozen self-test fails, or the folder is over budget.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist" / "introdesk"
SIZE_BUDGET_MB = 200


def folder_mb(path: Path) -> float:
    """Bytes on disk once: symbolic links (PyInstaller makes some) are not counted twice."""
    return sum(f.lstat().st_size for f in path.rglob("*") if f.is_file() and not f.is_symlink()) / 1e6


def strip_symbols(folder: Path) -> None:
    """Many bundled libraries ship with symbols (libpython: 23 MB, 6 MB stripped). Strip them,
    except those under a wheel's *.libs folder: those were rewritten by auditwheel, and
    stripping one (numpy's OpenBLAS) leaves it unloadable."""
    tool = shutil.which("strip")
    if tool is None or not sys.platform.startswith("linux"):
        return
    for target in (folder / "_internal").rglob("*.so*"):
        if (target.is_symlink() or not target.is_file()
                or any(part.endswith(".libs") for part in target.parts)):
            continue
        subprocess.run([tool, "--strip-unneeded", str(target)], check=True)


def write_windows_version_info() -> None:
    sys.path.insert(0, str(ROOT))
    from introdesk import (
        __version__ as version,  # pyproject.toml reads it from there too
    )

    numbers = (version.split("+")[0].split(".") + ["0"] * 4)[:4]
    as_tuple = ", ".join(n if n.isdigit() else "0" for n in numbers)
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "version_info.txt").write_text(f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers=({as_tuple}), prodvers=({as_tuple})),
  kids=[StringFileInfo([StringTable('040904B0', [
    StringStruct('CompanyName', 'introdesk'),
    StringStruct('FileDescription', 'introdesk'),
    StringStruct('FileVersion', '{version}'),
    StringStruct('ProductName', 'introdesk'),
    StringStruct('ProductVersion', '{version}')])]),
  VarFileInfo([VarStruct('Translation', [1033, 1200])])])
""")


def build() -> None:
    if sys.platform == "win32":
        write_windows_version_info()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--distpath", str(ROOT / "dist"), "--workpath", str(ROOT / "build"),
                    str(ROOT / "build_spec" / "introdesk.spec")], check=True, cwd=ROOT)


def run_fresh(command: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    """Run with an empty home and data folders, offscreen, as a first launch would be."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "INTRODESK_"))}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)


def timed(command: list[str], runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as home:
            start = time.perf_counter()
            result = run_fresh(command, Path(home))
            times.append(time.perf_counter() - start)
            if result.returncode != 0:
                raise SystemExit(f"build: {' '.join(command)} failed:\n{result.stderr}")
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--skip-build", action="store_true", help="check an existing dist/")
    args = parser.parse_args(argv)
    if not args.skip_build:
        build()
        strip_symbols(DIST)
    binary = DIST / ("introdesk.exe" if sys.platform == "win32" else "introdesk")
    if not binary.exists():
        print(f"build: {binary} is missing", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as home:
        result = run_fresh([str(binary), "--self-test"], Path(home))
        print(result.stdout.strip())
        if result.returncode != 0:
            print(f"build: the frozen self-test failed:\n{result.stderr}", file=sys.stderr)
            return 1
        data = Path(home) / ".local" / "share" / "introdesk"  # the default, not a --db
        first = run_fresh([str(binary), "demo"], Path(home))
        if first.returncode != 0 or not (data / "introdesk.db").exists():
            print(f"build: a first launch did not create its data:\n{first.stderr}",
                  file=sys.stderr)
            return 1
        mode = oct(data.stat().st_mode & 0o777)
    size = folder_mb(DIST)
    frozen_version = timed([str(binary), "--version"])
    source_version = timed([sys.executable, "-m", "introdesk", "--version"])
    frozen_self_test = timed([str(binary), "--self-test"], runs=1)
    source_self_test = timed([sys.executable, "-m", "introdesk", "--self-test"], runs=1)
    print(f"folder: {DIST} — {size:.0f} MB (budget {SIZE_BUDGET_MB} MB); data folder {mode}")
    print(f"--version: frozen {frozen_version:.2f} s, source {source_version:.2f} s (median of 3)")
    print(f"--self-test: frozen {frozen_self_test:.2f} s, source {source_self_test:.2f} s")
    if size > SIZE_BUDGET_MB:
        print(f"build: the app folder is {size:.0f} MB, over the {SIZE_BUDGET_MB} MB budget",
              file=sys.stderr)
        return 1
    shutil.rmtree(ROOT / "build", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
