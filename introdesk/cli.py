"""The `introdesk` command (DESIGN.md, "Command line").

Every error reaches the user as one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from introdesk import __version__
from introdesk.core.errors import IntrodeskError

EXIT_ERROR = 1
EXIT_USAGE = 2
EXPORT_FORMATS = ("vcf", "csv", "json", "ics")


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # overrides argparse: one line, no usage dump
        self.exit(EXIT_USAGE, f"introdesk: {message} (see 'introdesk --help')\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="introdesk",
        description="Keep the introductions and referrals you make, the promises in them, "
                    "and who kept them.",
    )
    parser.add_argument("--version", action="version", version=f"introdesk {__version__}")
    parser.add_argument(
        "--db", metavar="PATH_OR_URL",
        help="the database: a file path or an SQLAlchemy URL (default: $INTRODESK_DB, "
             "else introdesk.db in your user data folder)",
    )
    parser.add_argument(
        "--self-test", action="store_true",
        help="check this installation on a throwaway database and exit 0 if all is well",
    )
    # --db is accepted after the command too ("introdesk demo --db X"); SUPPRESS keeps a value
    # given before the command when none is given after it.
    shared = _Parser(add_help=False)
    shared.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help="the database (as above)")
    parser.add_argument(
        "--install-desktop-entry", action="store_true",
        help="add introdesk, with its icon, to your application menu (Linux)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    commands.add_parser("demo", parents=[shared],
                        help="fill an empty database with a small realistic network")
    commands.add_parser("backup", parents=[shared],
                        help="make a verified backup of the database now")
    commands.add_parser("check", parents=[shared],
                        help="check the database; repair what can be repaired, after a backup")
    importer = commands.add_parser(
        "import", parents=[shared],
        help="import contacts from vCard or CSV files (LinkedIn, Google, Outlook, other); "
             "people with the same email or LinkedIn profile are merged")
    importer.add_argument("files", nargs="+", metavar="FILE")
    exporter = commands.add_parser(
        "export", parents=[shared],
        help="export contacts (vcf, csv), open follow-ups as calendar events (ics), "
             "or the whole database (json)")
    exporter.add_argument("--format", required=True, choices=EXPORT_FORMATS)
    exporter.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    exporter.add_argument("--person", type=int, metavar="ID",
                          help="only this person (vcf, csv: the person; ics: their follow-ups)")
    exporter.add_argument("--intro", type=int, metavar="ID",
                          help="ics only: the follow-ups of this introduction")
    return parser


def _frozen_setup() -> None:
    """In the frozen app, matplotlib's cache lives in our own folder: PyInstaller's hook would
    point it at a new temp folder on every launch and rebuild the font cache each time."""
    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:  # a windowed Windows build has no console
            setattr(sys, name, open(os.devnull, "w"))  # noqa: SIM115 - lives as long as we do
    if getattr(sys, "frozen", False):
        import platformdirs

        cache = Path(platformdirs.user_cache_dir("introdesk", appauthor=False)) / "matplotlib"
        cache.mkdir(parents=True, exist_ok=True)
        os.environ["MPLCONFIGDIR"] = str(cache)


def main(argv: Sequence[str] | None = None) -> int:
    _frozen_setup()
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.install_desktop_entry:
            from introdesk.desktop_entry import install

            for path in install():
                print(f"wrote {path}")
            return 0
        if args.self_test:
            from introdesk.selftest import run_self_test

            return run_self_test(print)
        if args.command == "demo":
            return _demo(args.db)
        if args.command == "backup":
            return _backup(args.db)
        if args.command == "check":
            return _check(args.db)
        if args.command == "import":
            return _import(args.db, args.files)
        if args.command == "export":
            return _export(args.db, args.format, Path(args.out), args.person, args.intro)
        return _open_window(args.db)
    except IntrodeskError as exc:
        print(f"introdesk: {exc.message}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("introdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # the promise: never a traceback in front of a user
        print(f"introdesk: unexpected error ({exc.__class__.__name__}): {exc}", file=sys.stderr)
        return EXIT_ERROR


def _refuse_if_open_in_the_app(db: str | None) -> object:
    """The command line never writes to a database the window holds; returns the held lock."""
    from introdesk.store.location import resolve

    location = resolve(db)
    if location.path is None or not location.path.exists():
        return None
    from introdesk.ui.single_instance import try_lock

    lock = try_lock(location.path)
    if lock is None:
        raise IntrodeskError(f"introdesk is open on {location.path}; close its window first, "
                             "or do this there.")
    return lock


def _demo(db: str | None) -> int:
    from introdesk.services import Desk
    from introdesk.services.demo import load_demo

    _lock = _refuse_if_open_in_the_app(db)  # held until we return
    with Desk.open(db) as desk:
        summary = load_demo(desk)
        print(f"Loaded the demo network into {desk.location.describe()}: {summary}.")
    return 0


def _backup(db: str | None) -> int:
    from introdesk.services import Desk

    with Desk.open(db) as desk:
        made = desk.backup()
        kept = len(desk.backups())
    print(f"Backed up to {made.path} ({made.size // 1024} KB, verified); "
          f"{kept} backup{'' if kept == 1 else 's'} kept.")
    return 0


def _check(db: str | None) -> int:
    from introdesk.services import Desk

    _lock = _refuse_if_open_in_the_app(db)  # a repair writes
    with Desk.open(db) as desk:
        findings = desk.check()
        if not findings:
            print(f"{desk.location.describe()}: no problems found.")
            return 0
        for finding in findings:
            print(f"found: {finding.text}")
        for line in desk.repair():
            print(f"repaired: {line}")
        remaining = desk.check()
        if remaining and remaining != findings:
            for finding in remaining:
                print(f"still: {finding.text}")
        newest = desk.backups()[0].path if remaining and desk.backups() else None
    if not remaining:
        print("The database is sound now.")
        return 0
    print("Some problems remain that only a backup can undo"
          + (f"; the newest is {newest} (copy it over the database while introdesk is closed)."
             if newest else "; no backup of this database exists yet."))
    return EXIT_ERROR


def _import(db: str | None, files: list[str]) -> int:
    from introdesk.services import Desk

    _lock = _refuse_if_open_in_the_app(db)
    exports = [f for f in files if f.lower().endswith(".json")]
    if exports:
        if len(files) > 1:
            raise IntrodeskError("Import a JSON export on its own (it is a whole database).")
        with Desk.open(db) as desk:
            count = desk.import_json(exports[0])
        print(f"Imported {Path(exports[0]).name}: {count} records.")
        return 0
    with Desk.open(db) as desk:
        summary = desk.import_files(files)
    print(summary.describe())
    for problem in summary.problems:
        print(f"  {problem}")
    return 0


def _export(db: str | None, format: str, out: Path, person: int | None,
            intro: int | None) -> int:
    from introdesk.services import Desk

    if intro is not None and format != "ics":
        raise IntrodeskError("--intro works with --format ics only (the follow-ups of one "
                             "introduction).")
    if person is not None and format == "json":
        raise IntrodeskError("A JSON export holds the whole database; leave out --person.")
    with Desk.open(db) as desk:
        people = [person] if person is not None else None
        if format == "vcf":
            count, what = desk.export_vcard(out, people), "contact"
        elif format == "csv":
            count, what = desk.export_csv(out, people), "contact"
        elif format == "ics":
            count, what = desk.export_ics(out, person_id=person, intro_id=intro), "follow-up"
        else:
            count, what = desk.export_json(out), "record"
    print(f"Wrote {count} {what}{'' if count == 1 else 's'} to {out}.")
    return 0


def _open_window(db: str | None) -> int:
    from introdesk.ui.app import run

    return run(db)
