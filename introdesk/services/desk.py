"""`Desk`: the scripting surface (DESIGN.md). One short database session per call."""

from __future__ import annotations

import os
from types import TracebackType

from introdesk.core.errors import DamagedDatabaseError
from introdesk.services.backups import BackupOps
from introdesk.services.base import ensure_connector
from introdesk.services.contacts import ContactsOps
from introdesk.services.corrections import CorrectionOps
from introdesk.services.dashboard import DashboardOps
from introdesk.services.export import ExportOps
from introdesk.services.importing import ImportOps
from introdesk.services.intros import IntroOps
from introdesk.services.merge import MergeOps
from introdesk.services.messages import MessageOps
from introdesk.services.timeline import TimelineOps
from introdesk.store import backup, restore, schema, soundness
from introdesk.store import location as locations
from introdesk.store.engine import make_engine


def _refuse_if_damaged(where: locations.Location) -> None:
    """quick_check before anything writes; a damaged file is left exactly as it is."""
    path = where.path
    if path is None or not path.exists() or path.stat().st_size == 0:
        return
    sound = soundness.early_verdict(path)  # begun by the window's start, if it was
    if sound is None:
        sound = soundness.is_sound(path)
    if sound:
        return
    good = restore.newest_sound_backup(where)
    if good is not None:
        people, intros = restore.contents(good.path)
        advice = (f"The newest good backup is {good.path.name} from "
                  f"{good.at:%Y-%m-%d %H:%M} UTC, holding {people} people and {intros} "
                  "introductions: restore it (the app offers to).")
    else:
        advice = "No good backup of it was found."
    raise DamagedDatabaseError(
        f"The database {path} is damaged (it fails SQLite's check), so introdesk will not "
        f"write to it. {advice}", backup_path=good.path if good else None)


class Desk(IntroOps, MergeOps, ImportOps, ContactsOps, DashboardOps, TimelineOps, MessageOps,
           CorrectionOps, BackupOps, ExportOps):
    """An open introdesk database.

    >>> with Desk.open("network.db") as desk:
    ...     maya = desk.add_person("Maya Chen")
    """

    @classmethod
    def open(cls, path_or_url: str | os.PathLike[str] | None = None) -> Desk:
        """Open (creating and migrating as needed) a database file or SQLAlchemy URL.

        Without an argument: $INTRODESK_DB, else introdesk.db in the user data folder.
        A database from a newer introdesk, or a file that is not ours, is refused untouched.
        """
        where = locations.resolve(path_or_url)
        schema.check_file_before_open(where)
        _refuse_if_damaged(where)
        if where.path is not None:
            locations.create_private_file(where.path)
        had_data = where.path is not None and where.path.stat().st_size > 0
        engine = make_engine(where)
        try:
            if had_data and schema.needs_upgrade(engine, where):
                backup.make_backup(where)  # the schema changes only after a verified backup
            schema.upgrade(engine, where)
            connector_id = ensure_connector(engine)
        except BaseException:
            engine.dispose()
            raise
        if where.path is not None:
            locations.tighten(where.path)
        return cls(engine, where, connector_id)

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            self._engine.dispose()

    def __enter__(self) -> Desk:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        state = "closed" if self._closed else "open"
        return f"<Desk {self.location.describe()} ({state})>"



