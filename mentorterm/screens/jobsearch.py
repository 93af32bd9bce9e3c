"""One citizen's job search: the CV's state, the companies contacted with
their follow-ups, and the list of companies to approach.

Two lists on one screen; tab moves between them and the keys work on the one
in focus: n new, e or enter edit, x done (the follow-up made, the company
approached; u undoes), K/J move a company up or down, c the CV's state,
delete removes (asks first).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import jobsearch as domain
from ..domain.jobsearch import ContactRow, JobSearchView, TargetRow
from ..enums_provider import ContactHow, ContactOutcome, CvState
from ..format import show_date
from ..i18n import _
from ..widgets.columns import Col
from ..widgets.confirm import confirm_then
from ..widgets.fitting_table import FittingTable
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen
from ..widgets.markup import escape
from .jobsearch_forms import ContactForm, CvStateForm, TargetForm

# At 80 columns the day, the company and the follow-up (with its red "overdue")
# stay whole; how it went and how narrow first.
FOLLOW_UP_WIDTH = len("07-02-2026 ") + len(_("{days} d overdue").format(days=999))
CONTACT_COLUMNS = [
    Col("day", _("Day"), 10),
    Col("company", _("Company"), 24, min_width=12, flex=True),
    Col("how", _("How"), 16, min_width=8, flex=True),
    Col("outcome", _("How it went"), 22, min_width=8, flex=True),
    Col("follow_up", _("Follow-up"), FOLLOW_UP_WIDTH),
]


def follow_up_cell(row: ContactRow) -> Text:
    if row.followed_up_on is not None:
        return Text(_("done {day}").format(day=show_date(row.followed_up_on)), style="green")
    if row.follow_up_on is None:
        return Text("–", style="dim")
    if row.overdue:
        return Text.assemble(
            show_date(row.follow_up_on),
            " ",
            (_("{days} d overdue").format(days=row.days_overdue), "bold red"),
        )
    return Text(show_date(row.follow_up_on))


def cv_line(view: JobSearchView) -> str:
    if view.cv is None:
        return _("[b]CV[/b]: not noted yet · press [b]c[/b] to note its state")
    line = _("[b]CV[/b]: {state} (as of {day})").format(
        state=CvState(view.cv.state).label, day=show_date(view.cv.noted_on)
    )
    if view.cv.note:
        line += f" · {escape(view.cv.note)}"
    if len(view.cv_history) > 1:
        before = view.cv_history[1]
        line += _(" · before: {state} ({day})").format(
            state=CvState(before.state).label, day=show_date(before.noted_on)
        )
    return line


class JobSearchScreen(BackHelpScreen):
    CSS_PATH = "jobsearch.tcss"
    BINDINGS = keys.bindings("job_search")
    HELP_TITLE = _("Job search")
    AUTO_FOCUS = "#job-contacts"

    def __init__(self, citizen_id: int, name: str) -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.citizen_name = name
        self.view: JobSearchView | None = None
        self.last_done: tuple[str, int] | None = None  # what u takes back
        self._shown = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="job-title", classes="screen-title")
        yield Static(id="job-cv")
        yield Static(_("[b]Companies contacted[/b]"), classes="job-heading")
        yield FittingTable(
            CONTACT_COLUMNS, id="job-contacts", cursor_type="row", zebra_stripes=True
        )
        yield Static(_("[b]Companies to approach[/b] · in order (K/J move)"), classes="job-heading")
        yield DataTable(id="job-targets", cursor_type="row", zebra_stripes=True)
        yield Static(id="job-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#job-targets", DataTable).add_columns(
            "#", _("Company"), _("Why"), _("Approached")
        )
        self.load()

    def on_screen_resume(self) -> None:
        if self._shown:
            self.load()
        self._shown = True

    # --- data -----------------------------------------------------------------

    @safely
    def load(self, select: tuple[str, int] | None = None) -> None:
        self.view = view = domain.job_search(self.citizen_id, self.app.today)
        self.query_one("#job-title", Static).update(
            _("[b]{name}[/b] · job search").format(name=escape(self.citizen_name))
        )
        self.query_one("#job-cv", Static).update(cv_line(view))
        contacts = self.query_one("#job-contacts", FittingTable)
        keep = contacts.cursor_row
        contacts.fill(
            (
                str(c.id),
                (
                    show_date(c.contacted_on),
                    c.company,
                    ContactHow(c.how).label,
                    ContactOutcome(c.outcome).label,
                    follow_up_cell(c),
                ),
            )
            for c in view.contacts
        )
        if select and select[0] == "contact":
            keep = next((i for i, c in enumerate(view.contacts) if c.id == select[1]), keep)
        if view.contacts:
            contacts.move_cursor(row=min(keep, len(view.contacts) - 1))
        targets = self.query_one("#job-targets", DataTable)
        rows = []
        for place, t in enumerate(view.targets, start=1):
            done = t.done_on is not None
            rows.append(
                (
                    str(t.id),
                    (
                        "" if done else str(place),
                        Text(t.company, style="dim strike" if done else ""),
                        t.why,
                        show_date(t.done_on) if done else "",
                    ),
                )
            )
        self._fill(targets, rows, select[1] if select and select[0] == "target" else None)
        self.show_detail()

    @staticmethod
    def _fill(table: DataTable, rows: list, select_id: int | None) -> None:
        keep = table.cursor_row
        table.clear()
        for key, cells in rows:
            table.add_row(*cells, key=key)
        if select_id is not None:
            keep = next((i for i, (key, _c) in enumerate(rows) if key == str(select_id)), keep)
        if rows:
            table.move_cursor(row=min(keep, len(rows) - 1))

    def _in_targets(self) -> bool:
        return self.focused is self.query_one("#job-targets", DataTable)

    def current_contact(self) -> ContactRow | None:
        table = self.query_one("#job-contacts", DataTable)
        if self.view is None or not self.view.contacts:
            return None
        return self.view.contacts[min(table.cursor_row, len(self.view.contacts) - 1)]

    def current_target(self) -> TargetRow | None:
        table = self.query_one("#job-targets", DataTable)
        if self.view is None or not self.view.targets:
            return None
        return self.view.targets[min(table.cursor_row, len(self.view.targets) - 1)]

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def on_descendant_focus(self) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        box = self.query_one("#job-detail", Static)
        if self._in_targets():
            target = self.current_target()
            if target is None:
                box.update(_("No companies on the list yet. Press [b]n[/b] to add one."))
                return
            box.update(f"[b]{escape(target.company)}[/b]  {escape(target.why)}")
            return
        contact = self.current_contact()
        if contact is None:
            box.update(
                _(
                    "No contacts yet. Press [b]n[/b] to add one, [b]tab[/b] for the "
                    "companies to approach."
                )
            )
            return
        text = f"[b]{escape(contact.company)}[/b] · {ContactHow(contact.how).label}"
        if contact.note:
            text += f"\n{escape(contact.note)}"
        box.update(text)

    # --- actions --------------------------------------------------------------

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    def _after(self, kind: str, message: str):
        def made(record_id: int | None) -> None:
            if record_id:
                self.load(select=(kind, record_id))
                self.notify(message)

        return made

    def action_new(self) -> None:
        today = self.app.today
        if self._in_targets():
            self.app.push_screen(
                TargetForm(self.citizen_id, today),
                self._after("target", _("Added to the companies to approach.")),
            )
        else:
            self.app.push_screen(
                ContactForm(self.citizen_id, today),
                self._after("contact", _("Contact saved.")),
            )

    @safely
    def action_edit(self) -> None:
        today = self.app.today
        if self._in_targets():
            target = self.current_target()
            if target is not None:
                form = TargetForm(self.citizen_id, today, target.id)
                self.app.push_screen(form, self._after("target", _("Saved.")))
        else:
            contact = self.current_contact()
            if contact is not None:
                form = ContactForm(self.citizen_id, today, contact.id)
                self.app.push_screen(form, self._after("contact", _("Saved.")))

    def action_cv(self) -> None:
        state = self.view.cv.state if self.view and self.view.cv else None
        following = {
            None: CvState.BEING_WRITTEN.value,
            CvState.NONE.value: CvState.BEING_WRITTEN.value,
            CvState.BEING_WRITTEN.value: CvState.UP_TO_DATE.value,
        }.get(state, CvState.UP_TO_DATE.value)
        self.app.push_screen(
            CvStateForm(self.citizen_id, self.app.today, following),
            self._after("cv", _("The CV's state is noted; the earlier one is kept.")),
        )

    @safely
    def action_done(self) -> None:
        today = self.app.today
        if self._in_targets():
            target = self.current_target()
            if target is None or target.done_on is not None:
                return
            domain.mark_target_done(target.id, today, today)
            self.last_done = ("target", target.id)
            self.notify(
                _("Approached: {company} — u undoes").format(company=escape(target.company))
            )
            self.load(select=("target", target.id))
            return
        contact = self.current_contact()
        if contact is None:
            return
        if contact.follow_up_on is None or contact.followed_up_on is not None:
            self.notify(_("Nothing to follow up here: e sets a follow-up day."))
            return
        domain.mark_followed_up(contact.id, today, today)
        self.last_done = ("contact", contact.id)
        self.notify(_("Followed up: {company} — u undoes").format(company=escape(contact.company)))
        self.load(select=("contact", contact.id))

    @safely
    def action_undo(self) -> None:
        if self.last_done is None:
            self.notify(_("Nothing to undo."))
            return
        kind, record_id = self.last_done
        self.last_done = None
        if kind == "target":
            domain.reopen_target(record_id)
        else:
            domain.follow_up_again(record_id)
        self.notify(_("Undone."))
        self.load(select=(kind, record_id))

    @safely
    def action_move(self, step: int) -> None:
        target = self.current_target() if self._in_targets() else None
        if target is None:
            self.notify(_("K and J move a company on the list: tab to it first."))
            return
        if domain.move_target(target.id, step):
            self.load(select=("target", target.id))

    def action_delete(self) -> None:
        if self._in_targets():
            target = self.current_target()
            if target is None:
                return
            question = _("Take {company} off the list of companies to approach?").format(
                company=escape(target.company)
            )
            action = lambda: domain.delete_target(target.id)  # noqa: E731
        else:
            contact = self.current_contact()
            if contact is None:
                return
            question = _("Delete the contact with {company} ({day})?").format(
                company=escape(contact.company), day=show_date(contact.contacted_on)
            )
            action = lambda: domain.delete_contact(contact.id)  # noqa: E731
        confirm_then(self, question, action, _("Deleted."), then=self.load)
