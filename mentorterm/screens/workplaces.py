"""The workplace register (praktiksteder): the list, ``/`` finds by name as
you type, ``n`` a new workplace, ``e`` edits, ``enter`` opens one, ``ctrl+a``
archives (asks first)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Input, Static

from .. import keys
from ..domain import workplaces as domain
from ..domain.workplace_links import LinkPlan, link_typed_names, plan_links
from ..i18n import _, ngettext
from ..schemas.workplaces import WorkplaceIn
from ..widgets.columns import Col
from ..widgets.confirm import confirm_then
from ..widgets.fields import FieldSpec
from ..widgets.fitting_table import FittingTable
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.lists import RecordListScreen
from ..widgets.markup import escape

COLUMNS = [
    Col("name", _("Workplace"), 30, min_width=14, flex=True),
    Col("sector", _("Sector"), 16, min_width=8, drop=2, flex=True),
    Col("supervisor", _("Placement supervisor"), 20, min_width=10, drop=1, flex=True),
    Col("placements", _("Placements"), 12, short=_("Pl.")),
]


class WorkplaceForm(FormScreen[int]):
    """A new workplace, or an edit of one (``workplace_id``)."""

    TITLE = _("New workplace")
    MODEL = WorkplaceIn
    RECORD = ("workplace", "workplace_id")
    FIELDS = [
        FieldSpec("name", _("Name"), required=True, hint=_("The workplace or company")),
        FieldSpec("sector", _("Sector"), hint=_("e.g. retail, kitchen, warehouse")),
        FieldSpec("address", _("Address")),
        FieldSpec("supervisor_name", _("Placement supervisor")),
        FieldSpec("supervisor_contact", _("Supervisor's phone / e-mail")),
        FieldSpec("company_consultant", _("Company consultant")),
        FieldSpec("consultant_contact", _("Consultant's phone / e-mail")),
        FieldSpec(
            "accommodations",
            _("Accommodations they can offer"),
            "area",
            hint=_("e.g. a quiet room; start after 10:00; no lifting"),
        ),
        FieldSpec("notes", _("Notes"), "area"),
    ]
    KEEPS_DRAFTS = False  # the register's, no citizen's: drafts belong to a citizen

    def __init__(self, workplace_id: int | None = None, initial: dict | None = None) -> None:
        self.workplace_id = workplace_id
        if workplace_id is not None:
            initial = domain.workplace_input(workplace_id).model_dump()
        super().__init__(initial, _("Edit workplace") if workplace_id is not None else None)

    def submit(self, data: WorkplaceIn) -> int:
        if self.workplace_id is None:
            return domain.create_workplace(data)
        domain.update_workplace(self.workplace_id, data)
        return self.workplace_id


def link_question(plan: LinkPlan) -> str:
    """What linking the typed names would do, as the question before it."""
    new = ngettext("{count} new workplace", "{count} new workplaces", len(plan.new)).format(
        count=len(plan.new)
    )
    placements = ngettext("{count} placement", "{count} placements", plan.placements).format(
        count=plan.placements
    )
    lines = [
        _("Link {placements} to the register by their typed workplace names, making {new}?")
        .format(placements=placements, new=new)
    ]  # fmt: skip
    shown = list(plan.links.items())[:8]
    for name, ids in shown:
        mark = _("(new)") + " " if name in plan.new else ""
        lines.append(f"  {mark}{escape(name)}: {len(ids)}")
    if len(plan.links) > len(shown):
        lines.append("  " + _("… and {count} more").format(count=len(plan.links) - len(shown)))
    if plan.skipped:
        lines.append(
            ngettext(
                "{count} placement of a colleague's citizen is left for them to link.",
                "{count} placements of colleagues' citizens are left for them to link.",
                plan.skipped,
            ).format(count=plan.skipped)
        )
    return "\n".join(lines)


def archive_workplace(screen, row, then) -> None:
    """ctrl+a: archive (asks first), or take an archived one back."""
    if row.archived:
        confirm_then(
            screen,
            _("Take “{name}” back into the register?").format(name=escape(row.name)),
            lambda: domain.set_archived(row.id, False),
            _("“{name}” is in the register again.").format(name=escape(row.name)),
            yes=_("Take it back"), no=_("Leave it archived"), then=then,
        )  # fmt: skip
        return
    confirm_then(
        screen,
        _(
            "Archive “{name}”? It leaves the register's list and the placement form's "
            "suggestions; its placements keep their link. ctrl+a takes it back."
        ).format(name=escape(row.name)),
        lambda: domain.set_archived(row.id, True),
        _("“{name}” is archived.").format(name=escape(row.name)),
        yes=_("Archive"), no=_("Keep it"), then=then,
    )  # fmt: skip


class WorkplacesScreen(RecordListScreen):
    """The register, by name."""

    CSS_PATH = "workplaces.tcss"
    AUTO_FOCUS = "#workplaces"
    HELP_TITLE = _("Workplaces")
    BINDINGS = keys.bindings("workplaces")

    def __init__(self) -> None:
        super().__init__()
        self.needle = ""
        self.include_archived = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="workplaces-title", classes="screen-title")
        yield Input(placeholder=_("Find a workplace by name…"), id="workplaces-filter")
        yield Static(id="workplaces-empty")
        yield FittingTable(COLUMNS, id="workplaces", cursor_type="row", zebra_stripes=True)
        yield Static(id="workplaces-detail")
        yield Footer()

    def on_mount(self) -> None:
        self._show_filter(False)
        self.query_one("#workplaces-title", Static).update(
            _("[b]Workplaces[/b] · the register of placement workplaces")
        )
        self.load()

    def _show_filter(self, shown: bool) -> None:
        box = self.query_one("#workplaces-filter", Input)
        box.display = shown
        box.disabled = not shown

    @safely
    def load(self) -> None:
        self.rows = domain.workplaces(
            self.needle, include_archived=self.include_archived, today=self.app.today
        )
        self.query_one(FittingTable).fill((str(row.id), self.cells(row)) for row in self.rows)
        empty = self.query_one("#workplaces-empty", Static)
        table = self.query_one(DataTable)
        empty.display, table.display = not self.rows, bool(self.rows)
        if self.needle:
            empty.update(
                _("No workplace matches “{text}”. [b]n[/b] makes it.").format(
                    text=escape(self.needle)
                )
            )
        else:
            empty.update(_("The register is empty. [b]n[/b] adds a workplace."))
        self.show_detail()

    def cells(self, row: domain.WorkplaceRow) -> tuple:
        style = "dim" if row.archived else ""
        name = row.name + (" " + _("(archived)") if row.archived else "")
        # The count, and how many run today ("3 (1 now)"): narrow enough for 80 columns.
        placed = str(row.placements)
        if row.running:
            placed = _("{placed} ({running} now)").format(placed=placed, running=row.running)
        return (
            Text(name, style=style),
            Text(row.sector, style=style),
            Text(row.supervisor_name, style=style),
            Text(placed, style=style),
        )

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        box = self.query_one("#workplaces-detail", Static)
        row = self.current()
        box.display = row is not None
        if row is None:
            return
        parts = [f"[b]{escape(row.name)}[/b]"]
        if row.supervisor_name:
            parts.append(_("supervisor {name}").format(name=escape(row.supervisor_name)))
        if row.company_consultant:
            parts.append(_("company consultant {name}").format(name=escape(row.company_consultant)))
        box.update(" · ".join(parts))

    # --- actions --------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    def action_open(self) -> None:
        from .workplace import WorkplaceScreen

        row = self.current()
        if row is not None:
            self.app.push_screen(WorkplaceScreen(row.id))

    def action_new(self) -> None:
        initial = {"name": self.needle} if self.needle else None
        self.app.push_screen(WorkplaceForm(initial=initial), self._saved)

    def action_edit(self) -> None:
        row = self.current()
        if row is not None:
            self.app.push_screen(WorkplaceForm(row.id), self._saved)

    def _saved(self, workplace_id: int | None) -> None:
        if workplace_id is None:
            return
        self.load()
        for index, row in enumerate(self.rows):
            if row.id == workplace_id:
                self.query_one(DataTable).move_cursor(row=index)
                break

    def action_archive(self) -> None:
        row = self.current()
        if row is not None:
            archive_workplace(self, row, self.load)

    @safely
    def action_link_typed(self) -> None:
        """L: the placements' typed names linked to the register, all at once (asks first)."""
        plan = plan_links()
        if not plan.links:
            self.notify(
                _("Every placement with a workplace name is linked to the register already.")
            )
            return
        confirm_then(
            self, link_question(plan), link_typed_names, _("The typed names are linked."),
            yes=_("Link them"), no=_("Not now"), then=self.load,
        )  # fmt: skip

    def action_toggle_archived(self) -> None:
        self.include_archived = not self.include_archived
        self.notify(
            _("Archived workplaces shown.") if self.include_archived else _("Archived ones hidden.")
        )
        self.load()

    def action_filter(self) -> None:
        self._show_filter(True)
        self.set_focus(self.query_one("#workplaces-filter", Input))  # at once: widgets/type_ahead

    @on(Input.Changed, "#workplaces-filter")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.needle = event.value.strip()
        self.load()

    @on(Input.Submitted, "#workplaces-filter")
    def _filter_done(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def action_back(self) -> None:
        # escape: first the filter goes (typed in it or not), then the screen.
        box = self.query_one("#workplaces-filter", Input)
        if box.display:
            box.value = ""
            self.needle = ""
            self._show_filter(False)
            self.load()
            self.query_one(DataTable).focus()
            return
        super().action_back()
