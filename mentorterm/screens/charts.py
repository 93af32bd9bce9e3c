"""Old path of widgets.charts, kept for the screens that import it from here."""

from ..widgets.charts import calendar_grid, hours_chart

__all__ = ["calendar_grid", "hours_chart"]
