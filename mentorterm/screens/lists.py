"""Old path of widgets.lists, kept for the screens that import it from here."""

from ..widgets.lists import (
    BACK_AND_HELP,
    BackHelpScreen,
    CitizenRecordsScreen,
    RecordListScreen,
)

__all__ = ["BACK_AND_HELP", "BackHelpScreen", "CitizenRecordsScreen", "RecordListScreen"]
