"""Choose one of a few things with the arrow keys and enter."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import (
    DataTable,
    Static,
)

from .. import keys
from ..i18n import _
from ..widgets.markup import escape


class PickScreen(ModalScreen[int | None]):
    """Choose one of a few things with the arrow keys and enter."""

    DEFAULT_CSS = """
    PickScreen { align: center middle; }
    PickScreen > Vertical { width: 70; max-width: 100%; height: auto; max-height: 80%;
                            border: thick $primary; background: $surface; padding: 0 1; }
    PickScreen DataTable { height: auto; max-height: 20; }
    """
    BINDINGS = keys.bindings("pick")

    def __init__(self, question: str, choices: list[tuple[int, str]]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{escape(self.question)}[/b]  " + _("enter chooses · escape cancels"))
            table = DataTable(cursor_type="row", show_header=False)
            table.add_column("choice")
            for key, label in self.choices:
                table.add_row(label, key=str(key))
            yield table

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        self.dismiss(int(event.row_key.value))

    def action_cancel(self) -> None:
        self.dismiss(None)
