"""Old path of widgets.scale, kept for the screens that import it from here."""

from ..widgets.scale import big_scale, history_chart, small_scale, sparkline

__all__ = ["big_scale", "history_chart", "small_scale", "sparkline"]
