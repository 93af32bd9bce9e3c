"""Old path of widgets.guard, kept for the screens that import it from here."""

from ..widgets.guard import safely, tell_or_raise

__all__ = ["safely", "tell_or_raise"]
