"""The Textual application: ``make_app(database)`` is the one way in."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.app import App
from textual.binding import Binding

from . import storage
from .format import show_date
from .i18n import _


class MentortermApp(App[int]):
    """The mentor's terminal. The database is open and bound before it starts."""

    TITLE = "mentorterm"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [Binding("ctrl+q", "quit", _("Quit"), show=False, priority=True)]

    def __init__(self, database_label: str, today: date | None = None) -> None:
        super().__init__()
        self.database_label = database_label
        self._today = today

    @property
    def today(self) -> date:
        """The app's idea of today (fixed in tests and screenshots)."""
        return self._today or date.today()

    def on_mount(self) -> None:
        from .screens.caseload import CaseloadScreen

        self.sub_title = f"{self.database_label} · {show_date(self.today)}"
        self.push_screen(CaseloadScreen())

    def on_unmount(self) -> None:
        storage.close_database()


def make_app(database: str | Path, *, today: date | None = None) -> MentortermApp:
    """Open ``database`` (creating it if new) and build the app on it.

    Raises storage.StorageError, with a message for the mentor, before any
    screen is drawn when the database cannot be used.
    """
    storage.open_database(database)
    path = storage.target_path(database)
    label = path.name if path is not None else ":memory:"
    return MentortermApp(label, today=today)
