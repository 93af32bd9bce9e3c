"""The conflicts offline syncs met, decided one by one (issue 19).

On the team database, from the caseload (Y, or "Sync" in the palette): each
row is a change made on a laptop that could not simply be applied, with the
laptop's value and the server's. ``m`` keeps the laptop's, ``t`` the
server's (both ask first), ``e`` writes a merged text; the box under the
table shows both values whole. Only the conflicts about the mentor's own
citizens (and those covered) and the provider's own records are listed.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain.sync import conflicts
from ..enums_sync import ConflictKind, ConflictResolution
from ..format import show_date
from ..i18n import N_, _
from ..schemas.sync import MergedTextIn
from ..widgets.confirm import confirm_then
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.lists import RecordListScreen
from ..widgets.markup import escape

COLUMNS = (N_("Citizen"), N_("Record"), N_("Why"), N_("Laptop's"), N_("Server's"), N_("By"))
_CELL = 24


def _short(value: Any) -> str:
    text = conflicts.shown(value).replace("\n", " ")
    return text if len(text) <= _CELL else text[: _CELL - 1] + "…"


class MergedTextForm(FormScreen[bool]):
    """The merged value of one field, written by hand."""

    TITLE = _("Merge")
    MODEL = MergedTextIn
    KEEPS_DRAFTS = False  # a decision made at once, not a text to come back to

    def __init__(self, conflict: conflicts.ConflictView) -> None:
        self.conflict = conflict
        start = "\n".join(
            dict.fromkeys(conflicts.shown(v) for v in (conflict.theirs, conflict.mine))
        )
        super().__init__(
            {"text": start},
            _("{record} of {citizen}: write the value to keep").format(
                record=escape(conflict.record), citizen=escape(conflict.citizen or "-")
            ),
        )

    def fields(self) -> list[FieldSpec]:
        return [
            FieldSpec(
                "text",
                _("Merged text"),
                "area",
                hint=_("Both values are here, the server's first: keep what is right from each."),
            )
        ]

    def submit(self, data: MergedTextIn) -> bool:
        conflicts.resolve(self.conflict.id, ConflictResolution.MERGED, data.text)
        return True


class SyncConflictsScreen(RecordListScreen):
    """Every open conflict of the mentor's: keep the laptop's, the server's, or merge."""

    CSS_PATH = "sync_conflicts.tcss"
    HELP_TITLE = _("Sync conflicts")
    BINDINGS = keys.bindings("sync_conflicts")

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="conflicts-title", classes="screen-title")
        yield DataTable(id="conflicts", cursor_type="row", zebra_stripes=True)
        yield Static(id="conflict-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(*(_(label) for label in COLUMNS))
        self.load()

    @safely
    def load(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        self.rows = conflicts.open_conflicts(mine=True)
        for c in self.rows:
            table.add_row(
                Text(c.citizen or "—"), Text(c.record), Text(c.kind.label), Text(_short(c.mine)),
                Text(_short(c.theirs)), Text(c.author), key=str(c.id),
            )  # fmt: skip
        title = self.query_one("#conflicts-title", Static)
        if not self.rows:
            title.update(_("[b]Sync conflicts[/b] · none to decide"))
            table.display = False
            self.query_one("#conflict-detail", Static).update(
                _(
                    "Every change made offline on a laptop has reached the team database. "
                    "A change that meets a colleague's change of the same thing is listed "
                    "here, with both values, until you decide."
                )
            )
            return
        table.display = True
        title.update(
            _("[b]Sync conflicts[/b] · {n} to decide: m the laptop's, t the server's, e merge")
            .format(n=len(self.rows))
        )  # fmt: skip
        table.focus()
        self._detail()

    @on(DataTable.RowHighlighted, "#conflicts")
    def _highlighted(self, _event: DataTable.RowHighlighted) -> None:
        self._detail()

    def _detail(self) -> None:
        c = self.current()
        box = self.query_one("#conflict-detail", Static)
        if c is None:
            box.update("")
            return
        when = show_date(c.written_at.date()) if c.written_at else "?"
        box.update(
            _(
                "[b]{record}[/b] of {citizen} · {kind}\n"
                "[b]On the laptop[/b] ({author}, {when}):\n{mine}\n"
                "[b]On the team database[/b]:\n{theirs}"
            ).format(
                record=escape(c.record),
                citizen=escape(c.citizen or "—"),
                kind=c.kind.label,
                author=escape(c.author or "?"),
                when=when,
                mine=escape(_whole(c.mine)),
                theirs=escape(_whole(c.theirs)),
            )  # fmt: skip
        )

    def _decide(self, choice: ConflictResolution) -> None:
        c = self.current()
        if c is None:
            return
        if choice is ConflictResolution.MINE:
            question = _(
                "[b]Keep the laptop's?[/b]\n\n{record} of {citizen} becomes:\n{value}"
            ).format(record=escape(c.record), citizen=escape(c.citizen or "—"),
                     value=escape(_whole(c.mine)))  # fmt: skip
            yes = _("Keep the laptop's")
        else:
            question = _(
                "[b]Keep the server's?[/b]\n\n{record} of {citizen} stays:\n{value}\n\nThe "
                "laptop's value is then gone from the list (the audit log keeps the decision)."
            ).format(record=escape(c.record), citizen=escape(c.citizen or "—"),
                     value=escape(_whole(c.theirs)))  # fmt: skip
            yes = _("Keep the server's")
        confirm_then(
            self, question, lambda: conflicts.resolve(c.id, choice), _("Decided."),
            yes=yes, no=_("Not now"), then=self.load,
        )  # fmt: skip

    def action_keep_mine(self) -> None:
        self._decide(ConflictResolution.MINE)

    def action_keep_theirs(self) -> None:
        self._decide(ConflictResolution.THEIRS)

    def action_edit(self) -> None:
        """e: write the merged value by hand."""
        c = self.current()
        if c is None:
            return
        if c.kind is not ConflictKind.BOTH_CHANGED:
            self.notify(
                _("Only a field changed on both sides can be merged: keep one of the two."),
                severity="warning",
            )
            return
        self.app.push_screen(MergedTextForm(c), lambda _saved: self.load())


def _whole(value: Any) -> str:
    if isinstance(value, dict):
        lines = [
            f"{k}: {v}" for k, v in value.items()
            if v not in (None, "") and k not in ("uid", "version", "created_at", "updated_at")
        ]  # fmt: skip
        return "\n".join(lines) or conflicts.shown(value)
    return conflicts.shown(value)
