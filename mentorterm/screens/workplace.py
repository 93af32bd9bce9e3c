"""One workplace of the register: its contacts, the accommodations it can offer,
every placement there with the citizen and how it went, and the job search
with it: the citizens' contacts with the company and the lists it is on,
linked or matched by name (enter opens the citizen, e edits, ctrl+a archives: asks first)."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import workplaces as domain
from ..domain.audit import ViewLog
from ..domain.jobsearch.by_company import ContactThere, TargetThere, job_search_at
from ..enums_provider import ContactHow, ContactOutcome
from ..format import show_date
from ..i18n import N_, _, ngettext
from ..widgets.guard import safely
from ..widgets.lists import RecordListScreen
from ..widgets.markup import escape
from .workplaces import WorkplaceForm, archive_workplace


def how_it_went(row: domain.PlacementThere, today) -> Text:
    """The placement's end reason, else the course's outcome; running ones say so."""
    if row.end_date is None or row.end_date >= today:
        if row.start_date > today:
            return Text(_("starts {day}").format(day=show_date(row.start_date)), style="cyan")
        return Text(_("running"), style="green")
    said = " ".join(row.end_reason.split())
    if row.course_outcome is not None:
        said = f"{said} · {row.course_outcome.label}" if said else row.course_outcome.label
    return Text(said or "–")


def job_search_cells(row: ContactThere | TargetThere) -> tuple:
    """(citizen, what, day, how it went) of a contact or a company to approach."""
    if isinstance(row, ContactThere):
        went = ContactOutcome(row.outcome).label
        if row.follow_up_on and row.followed_up_on is None:
            went += " · " + _("follow up {day}").format(day=show_date(row.follow_up_on))
        return (row.citizen_name, ContactHow(row.how).label, show_date(row.contacted_on), went)
    if row.done_on is not None:
        went = _("approached {day}").format(day=show_date(row.done_on))
    else:
        went = " ".join(row.why.split()) or "–"
    return (row.citizen_name, _("To approach"), show_date(row.added_on), went)


class WorkplaceScreen(RecordListScreen):
    """A workplace and the placements there, latest first."""

    CSS_PATH = "workplace.tcss"
    AUTO_FOCUS = "#workplace-placements"
    HELP_TITLE = _("Workplace")
    HELP_NOTE = _(
        "The job search lists the citizens' contacts with this company and the lists "
        "of companies to approach it is on: those linked to it (the company taken from "
        "the register in the form), then those linked to none, matched by name (case "
        "and spaces aside): one typed with another spelling is not shown. tab moves "
        "between the placements and the job search."
    )
    BINDINGS = keys.bindings("workplace")

    def __init__(self, workplace_id: int) -> None:
        super().__init__()
        self.workplace_id = workplace_id
        self.workplace: domain.WorkplaceView | None = None
        self.searched: list[ContactThere | TargetThere] = []
        self._reads = ViewLog("workplace", N_("placements at a workplace"))

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="workplace-title", classes="screen-title")
        with VerticalScroll(id="workplace-facts-box"):
            yield Static(id="workplace-facts")
        yield Static(id="workplace-heading")
        yield DataTable(id="workplace-placements", cursor_type="row", zebra_stripes=True)
        yield Static(id="workplace-jobsearch-heading")
        yield DataTable(id="workplace-jobsearch", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#workplace-placements", DataTable)
        table.add_columns(_("Citizen"), _("Kind"), _("From"), _("To"), _("How it went"))
        search = self.query_one("#workplace-jobsearch", DataTable)
        search.add_columns(_("Citizen"), _("Job search"), _("Day"), _("How it went"))
        self.load()

    @safely
    def load(self) -> None:
        w = self.workplace = domain.workplace_view(self.workplace_id, today=self.app.today)
        archived = " · " + _("archived") if w.archived else ""
        sector = f" · {escape(w.sector)}" if w.sector else ""
        self.query_one("#workplace-title", Static).update(
            f"[b]{escape(w.name)}[/b]{sector}{archived}"
        )
        facts = []

        def fact(label: str, *values: str) -> None:
            shown = " · ".join(escape(v) for v in values if v)
            if shown:
                facts.append(f"[b]{label}[/b] {shown}")

        fact(_("Address:"), " ".join(w.address.split()))
        fact(_("Placement supervisor:"), w.supervisor_name, w.supervisor_contact)
        fact(_("Company consultant:"), w.company_consultant, w.consultant_contact)
        fact(_("Accommodations they can offer:"), w.accommodations)
        fact(_("Notes:"), w.notes)
        self.query_one("#workplace-facts", Static).update(
            "\n".join(facts) or _("No contacts yet: [b]e[/b] adds them.")
        )
        self.rows = domain.placements_at(self.workplace_id)
        self._reads.saw(row.citizen_id for row in self.rows)
        table = self.query_one(DataTable)
        table.clear()
        today = self.app.today
        for row in self.rows:
            table.add_row(
                row.citizen_name,
                row.kind.label,
                show_date(row.start_date),
                show_date(row.end_date) if row.end_date else "–",
                how_it_went(row, today),
                key=str(row.placement_id),
            )
        heading = self.query_one("#workplace-heading", Static)
        heading.update(
            _("[b]Placements here ({count})[/b]").format(count=len(self.rows))
            if self.rows
            else _("No placement here yet. A placement links here from its form.")
        )
        self.load_job_search(w.name, w.id)

    def load_job_search(self, name: str, workplace_id: int | None = None) -> None:
        """The contacts with the company and the lists it is on, matched by the
        link first, then by name."""
        found = job_search_at(name, workplace_id)
        self._reads.saw(found.citizen_ids)
        self.searched = [*found.contacts, *found.targets]
        table = self.query_one("#workplace-jobsearch", DataTable)
        table.clear()
        for row in self.searched:
            table.add_row(*job_search_cells(row), key=f"{type(row).__name__}-{row.id}")
        table.display = bool(self.searched)
        contacts = ngettext("{count} contact", "{count} contacts", len(found.contacts))
        lists = ngettext(
            "on {count} list to approach", "on {count} lists to approach", len(found.targets)
        )
        self.query_one("#workplace-jobsearch-heading", Static).update(
            _(
                "[b]Job search with “{name}” ({contacts}, {lists})[/b] · linked or matched by name"
            ).format(
                name=escape(name),
                contacts=contacts.format(count=len(found.contacts)),
                lists=lists.format(count=len(found.targets)),
            )
            if self.searched
            else _("No job-search contact with “{name}” yet (linked or matched by name).").format(
                name=escape(name)
            )
        )

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_citizen()

    def action_open_citizen(self) -> None:
        search = self.query_one("#workplace-jobsearch", DataTable)
        if search.has_focus and self.searched:
            row = self.searched[min(search.cursor_row, len(self.searched) - 1)]
        else:
            row = self.current()
        if row is not None:
            self.app.open_citizen(row.citizen_id, keep_place=True)

    def action_edit(self) -> None:
        self.app.push_screen(WorkplaceForm(self.workplace_id), lambda _saved: self.load())

    def action_archive(self) -> None:
        if self.workplace is not None:
            archive_workplace(self, self.workplace, self.load)
