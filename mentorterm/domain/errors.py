"""Errors a domain function raises, with a message for the mentor."""


class DomainError(Exception):
    """A rule of the domain says no; the message says why, in plain words.

    ``field`` names the form field the problem belongs to, when there is one.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(DomainError):
    """The record is gone (deleted meanwhile, perhaps in another window)."""
