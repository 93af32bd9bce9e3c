"""Old path of widgets.columns, kept for the screens that import it from here."""

from ..widgets.columns import Col, FittingTable, Shown, fit, measured

__all__ = ["Col", "FittingTable", "Shown", "fit", "measured"]
