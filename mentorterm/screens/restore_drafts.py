"""At start: the unsaved texts kept when mentorterm last stopped, to restore or discard."""

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
from ..domain import drafts
from ..format import show_datetime
from ..i18n import N_, _
from ..widgets.confirm import confirm_then
from ..widgets.guard import safely


class RestoreDraftsScreen(ModalScreen[None]):
    """At start: notes and other texts that were being written when mentorterm stopped."""

    CSS_PATH = "restore_drafts.tcss"
    BINDINGS = keys.bindings("restore_drafts")

    def __init__(self, pending: list[drafts.DraftView]) -> None:
        super().__init__()
        self.pending = pending

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(
                _(
                    "[b]Unsaved texts were kept[/b] when mentorterm last stopped. "
                    "[b]r[/b] or enter restores the one in focus, word for word, in "
                    "its own form; [b]d[/b] discards it; [b]escape[/b] keeps them for "
                    "later (they come back when you open the form)."
                )
            )
            table = DataTable(cursor_type="row", id="drafts")
            table.add_columns(_("Kept"), _("Draft"))
            for draft in self.pending:
                title = draft.title
                if draft.citizen_name and draft.citizen_name not in title:
                    title = f"{draft.citizen_name} · {title}"
                table.add_row(show_datetime(draft.saved_at), Text(title), key=draft.key)
            yield table

    @safely
    def on_mount(self) -> None:
        from ..domain.audit import ViewLog

        # The list names each citizen: one read each, as every list of citizens logs.
        ViewLog("kept_drafts", N_("kept unsaved texts offered")).saw(
            draft.citizen_id for draft in self.pending
        )

    def _current(self) -> drafts.DraftView | None:
        table = self.query_one(DataTable)
        return self.pending[table.cursor_row] if self.pending else None

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_restore()

    def action_restore(self) -> None:
        draft = self._current()
        if draft is None:
            return
        self.dismiss(None)
        from .drafts import restore_kept

        restore_kept(self.app, draft)

    def action_discard(self) -> None:
        draft = self._current()
        if draft is None:
            return

        def discard() -> None:
            drafts.discard_draft(draft.key)
            self.pending.remove(draft)
            if not self.pending:
                self.dismiss(None)
                return
            self.query_one(DataTable).remove_row(draft.key)

        confirm_then(
            self,
            _("Throw away the kept draft “{title}”?").format(title=draft.title),
            discard,
            yes=_("Discard"),
        )

    def action_later(self) -> None:
        self.dismiss(None)
