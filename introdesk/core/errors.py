"""Domain errors. Every message is written for the person who has to act on it."""

from pathlib import Path


class IntrodeskError(Exception):
    """Base of every error introdesk raises on purpose; its text is shown to the user as it is."""

    @property
    def message(self) -> str:
        return str(self.args[0]) if self.args else self.__class__.__name__


class NotFoundError(IntrodeskError):
    """An id that names nothing (or something already forgotten)."""


class ValidationError(IntrodeskError):
    """Input that can never be right: an empty name, a naive time, an unknown action."""


class TransitionError(IntrodeskError):
    """A lifecycle step that is not allowed from the current state."""


class ConsentRequiredError(TransitionError):
    """Making an introduction before both sides agreed, without an override reason."""


class DatabaseError(IntrodeskError):
    """The database cannot be opened or used: newer schema, not a database, no permission."""


class DamagedDatabaseError(DatabaseError):
    """The database failed its check on open; it was not written. `backup_path` is the newest
    backup that passes an integrity check, if there is one."""

    def __init__(self, message: str, backup_path: Path | None = None) -> None:
        super().__init__(message)
        self.backup_path = backup_path


class UnreadableFileError(IntrodeskError):
    """A file that cannot be read at all: not text, over a size limit, or in no known format.
    Bad content inside a readable file is never this: readers report it as problems instead."""


class OperationCancelled(IntrodeskError):
    """The user cancelled a long operation; nothing was written."""
