"""Backups through the Desk: verified copies of the database file, kept by a retention rule."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from introdesk.services.base import DeskBase
from introdesk.store import backup as store_backup
from introdesk.store.backup import BackupFile


class BackupOps(DeskBase):
    def backup(self, *, now: datetime | None = None) -> BackupFile:
        """A verified copy in the backups folder beside the database (SQLite files only)."""
        self._check_open()
        return store_backup.make_backup(self.location, now)

    def backups(self) -> list[BackupFile]:
        """The backups kept, newest first."""
        return store_backup.list_backups(self.backup_folder())

    def backup_folder(self) -> Path:
        return store_backup.backup_folder(self.location)
