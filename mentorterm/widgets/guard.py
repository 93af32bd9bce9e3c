"""Keep the app alive when the database says no: a message instead of a crash."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any, TypeVar

from ..domain.errors import user_message

F = TypeVar("F", bound=Callable[..., Any])


def tell_or_raise(app, error: Exception) -> None:
    """A database or rule error becomes a notification; anything else is a bug and surfaces."""
    message = user_message(error)
    if message is None:
        raise error
    app.notify(message, severity="error", timeout=10)


def safely(method: F) -> F:
    """Run a screen method; a database or rule error becomes a notification.

    Anything else is a bug and still surfaces.
    """

    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except Exception as error:
            tell_or_raise(self.app, error)
            return None

    return wrapper  # type: ignore[return-value]
