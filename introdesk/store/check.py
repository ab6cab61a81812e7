"""Check database: SQLite's own checks plus the app's invariants, in plain words, and the
repairs that are safe to make (in one transaction, after a verified backup)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from introdesk.core.errors import DatabaseError
from introdesk.store.location import Location

TEXT_TYPES = ("TEXT", "VARCHAR", "CHAR", "CLOB")


@dataclass(frozen=True)
class Finding:
    kind: str
    text: str
    repairable: bool


def _connect(path: Path, *, write: bool) -> sqlite3.Connection:
    uri = f"{path.as_uri()}?mode={'rw' if write else 'ro'}"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise DatabaseError(f"Cannot open {path} to check it: {exc}.") from exc
    conn.text_factory = bytes  # read text as bytes, so a damaged string cannot stop the check
    return conn


def _file(location: Location) -> Path:
    if location.path is None:
        raise DatabaseError("Check database works on SQLite files; a server database is "
                            "checked with the server's own tools.")
    return location.path


def _tables(conn: sqlite3.Connection) -> list[str]:
    return [row[0].decode() for row in conn.execute(
        "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%'")]


def _text_columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1].decode() for row in conn.execute(f'PRAGMA table_info("{table}")')
            if row[2].decode().upper().startswith(TEXT_TYPES)]


def _bad_text(conn: sqlite3.Connection) -> list[tuple[str, str, int, bytes]]:
    bad = []
    for table in _tables(conn):
        for column in _text_columns(conn, table):
            for rowid, value in conn.execute(
                    f'SELECT rowid, CAST("{column}" AS BLOB) FROM "{table}" '
                    f'WHERE "{column}" IS NOT NULL'):
                try:
                    bytes(value).decode("utf-8")
                except UnicodeDecodeError:
                    bad.append((table, column, rowid, bytes(value)))
    return bad


def _orphans(conn: sqlite3.Connection) -> list[tuple[str, int, str, int]]:
    return [(t.decode(), rowid, p.decode(), fkid)
            for t, rowid, p, fkid in conn.execute("PRAGMA foreign_key_check")]


def check(location: Location) -> list[Finding]:
    path = _file(location)
    conn = _connect(path, write=False)
    try:
        try:
            verdict = [row[0].decode() for row in conn.execute("PRAGMA integrity_check")]
        except sqlite3.DatabaseError as exc:
            return [Finding("integrity", f"The file cannot be read as a database ({exc}); "
                                         "restore a backup.", False)]
        findings = []
        if verdict != ["ok"]:
            findings.append(Finding(
                "integrity", f"SQLite finds the file damaged ({verdict[0]}"
                f"{f' and {len(verdict) - 1} more' if len(verdict) > 1 else ''}); "
                "restore a backup.", False))
        orphaned = Counter((table, parent) for table, _rowid, parent, _fk in _orphans(conn))
        for (table, parent), count in sorted(orphaned.items()):
            findings.append(Finding(
                "orphans", f"{count} row{'s' if count != 1 else ''} of {table} point at "
                f"{parent} rows that no longer exist.", True))
        garbled = Counter((table, column) for table, column, _r, _v in _bad_text(conn))
        for (table, column), count in sorted(garbled.items()):
            findings.append(Finding(
                "encoding", f"{count} value{'s' if count != 1 else ''} of {table}.{column} "
                "are not valid text.", True))
        for intro_id, side in conn.execute(
                "SELECT i.id, s.side FROM introduction i, (SELECT 'a' AS side UNION ALL "
                "SELECT 'b') s WHERE CASE s.side WHEN 'a' THEN i.side_a_id ELSE i.side_b_id END "
                "IS NOT NULL AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.intro_id = i.id "
                "AND c.side = s.side)"):
            findings.append(Finding(
                "consent", f"Introduction #{intro_id} has no consent record for side "
                f"{side.decode().upper()}.", True))
        return findings
    finally:
        conn.close()


def _repair_orphans(conn: sqlite3.Connection, found: list[tuple[str, int, str, int]]) -> list[str]:
    done = []
    for table, rowid, _parent, fkid in found:
        keys = [row for row in conn.execute(f'PRAGMA foreign_key_list("{table}")')
                if row[0] == fkid]
        column = keys[0][3].decode()
        required = any(row[1].decode() == column and row[3]
                       for row in conn.execute(f'PRAGMA table_info("{table}")'))
        if required:
            conn.execute(f'DELETE FROM "{table}" WHERE rowid = ?', (rowid,))
            done.append(f"Removed an orphaned row of {table}.")
        else:
            conn.execute(f'UPDATE "{table}" SET "{column}" = NULL WHERE rowid = ?', (rowid,))
            done.append(f"Cleared a dangling {column} in {table}.")
    return done


def repair(location: Location) -> list[str]:
    """Fix what `check` marks repairable, in one transaction; returns what was done."""
    path = _file(location)
    conn = _connect(path, write=True)
    done: list[str] = []
    try:
        conn.execute("PRAGMA foreign_keys=OFF")
        conn.execute("BEGIN IMMEDIATE")
        # Removing an orphan can orphan the rows that pointed at it (a commitment's events):
        # repeat until nothing dangles.
        for _ in range(5):
            found = _orphans(conn)
            if not found:
                break
            done += _repair_orphans(conn, found)
        for table, column, rowid, value in _bad_text(conn):

            fixed = value.decode("utf-8", errors="replace")
            conn.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE rowid = ?', (fixed, rowid))
            done.append(f"Replaced unreadable characters in {table}.{column}.")
        added = conn.execute(
            "INSERT INTO consent (intro_id, side, person_id, state) "
            "SELECT i.id, s.side, CASE s.side WHEN 'a' THEN i.side_a_id ELSE i.side_b_id END, "
            "'not_asked' FROM introduction i, (SELECT 'a' AS side UNION ALL SELECT 'b') s "
            "WHERE CASE s.side WHEN 'a' THEN i.side_a_id ELSE i.side_b_id END IS NOT NULL "
            "AND NOT EXISTS (SELECT 1 FROM consent c WHERE c.intro_id = i.id AND c.side = s.side)"
        ).rowcount
        if added:
            done.append(f"Added {added} missing consent record{'s' if added != 1 else ''} "
                        "(not asked).")
        if conn.execute("PRAGMA foreign_key_check").fetchall():
            raise DatabaseError("The repair would leave rows pointing at missing rows; "
                                "nothing was changed. Restore a backup.")
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        conn.execute("PRAGMA foreign_keys=ON")
        conn.close()
    return done
