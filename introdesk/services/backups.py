"""Backups and Check database through the Desk (SQLite files)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from introdesk.services.base import DeskBase
from introdesk.store import backup as store_backup
from introdesk.store import check as store_check
from introdesk.store.backup import BackupFile
from introdesk.store.check import Finding


class BackupOps(DeskBase):
    def backup(self, *, now: datetime | None = None) -> BackupFile:
        """A verified copy in the backups folder beside the database (SQLite files only)."""
        self._check_open()
        return store_backup.make_backup(self.location, now)

    def backups(self) -> list[BackupFile]:
        """The backups kept, newest first."""
        return store_backup.list_backups(self.backup_folder())

    def check(self) -> list[Finding]:
        """SQLite's integrity and foreign-key checks plus the app's own invariants."""
        self._check_open()
        return store_check.check(self.location)

    def repair(self) -> list[str]:
        """Back up, then fix what `check` marks repairable, in one transaction."""
        self._check_open()
        if not any(f.repairable for f in self.check()):
            return []
        self.backup()
        self._engine.dispose()  # no pooled connection keeps a stale view of the pages
        self._changed_behind_sessions()
        return store_check.repair(self.location)

    def backup_folder(self) -> Path:
        return store_backup.backup_folder(self.location)
