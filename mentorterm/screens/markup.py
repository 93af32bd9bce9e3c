"""Old path of widgets.markup, kept for the screens and app.py that import it from here."""

from ..widgets.markup import escape

__all__ = ["escape"]
