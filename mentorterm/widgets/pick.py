"""Choose one of a few things with the arrow keys and enter."""

from __future__ import annotations

from rich.text import Text
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


def _box(ticked: bool) -> Text:
    # A Text, not a string: "[x]" in a string cell is read as markup and vanishes.
    return Text("[x]", style="bold") if ticked else Text("[ ]", style="dim")


class PickManyScreen(ModalScreen[list[int] | None]):
    """Choose several: space ticks one and moves on, enter takes the ticked
    ones (or, with none ticked, the one under the cursor)."""

    DEFAULT_CSS = """
    PickManyScreen { align: center middle; }
    PickManyScreen > Vertical { width: 70; max-width: 100%; height: auto; max-height: 80%;
                                border: thick $primary; background: $surface; padding: 0 1; }
    PickManyScreen DataTable { height: auto; max-height: 20; }
    """
    BINDINGS = keys.bindings("pick_many")

    def __init__(self, question: str, choices: list[tuple[int, str]]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices
        self.ticked: list[int] = []

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(f"[b]{escape(self.question)}[/b]")
            yield Static(
                _(
                    "[b]space[/b] ticks and moves on · [b]enter[/b] takes the ticked "
                    "(none ticked: this one) · [b]escape[/b] cancels"
                )
            )
            table = DataTable(cursor_type="row", show_header=False)
            table.add_column("tick", key="tick")
            table.add_column("choice")
            for key, label in self.choices:
                table.add_row(_box(False), label, key=str(key))
            yield table
            yield Static(id="pick-count")

    def action_toggle(self) -> None:
        table = self.query_one(DataTable)
        if not self.choices:
            return
        row = table.cursor_row
        key = self.choices[row][0]
        if key in self.ticked:
            self.ticked.remove(key)
        else:
            self.ticked.append(key)
        table.update_cell(str(key), "tick", _box(key in self.ticked))
        self.query_one("#pick-count", Static).update(
            _("{count} ticked").format(count=len(self.ticked))
        )
        if row + 1 < len(self.choices):
            table.move_cursor(row=row + 1)

    @on(DataTable.RowSelected)
    def _chosen(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if self.ticked:
            order = [key for key, _label in self.choices]
            self.dismiss(sorted(self.ticked, key=order.index))
        else:
            self.dismiss([int(event.row_key.value)])

    def action_cancel(self) -> None:
        self.dismiss(None)
