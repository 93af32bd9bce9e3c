"""Errors a domain function raises, with a message for the mentor."""

from ..i18n import _


class DomainError(Exception):
    """A rule of the domain says no; the message says why, in plain words.

    ``field`` names the form field the problem belongs to, when there is one.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(DomainError):
    """The record is gone (deleted meanwhile, perhaps in another window)."""


def user_message(error: BaseException) -> str | None:
    """The mentor's words for an error a screen can survive, or None for a bug.

    Every write is one transaction, so after any of these nothing was changed
    and the mentor can simply try again.
    """
    import peewee

    from ..models import db
    from ..models.versions import ChangedMeanwhile
    from ..storage import StorageError, describe, driver_errors, translate_error

    if isinstance(error, (DomainError, StorageError)):
        return str(error)
    if isinstance(error, ChangedMeanwhile):  # a colleague or another window saved first
        from .versions import refusal

        return refusal(error)
    if isinstance(error, peewee.InterfaceError):  # the database was closed by the lock
        return _("The database is locked. Unlock it to go on.")
    if isinstance(error, (peewee.DatabaseError, *driver_errors())):
        where = describe(db.obj.database) if db.obj is not None else "the database"
        return str(translate_error(error, where))
    return None
