"""One citizen: the overview and their course's life cycle (records: records.py)."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from .. import keys
from ..domain import overview as domain
from ..domain.errors import NotFound
from ..domain.views import CitizenOverview
from ..format import days_ago, show_date, show_datetime
from ..i18n import _
from ..widgets.document_language import document_language
from ..widgets.guard import safely
from ..widgets.loader import Loader
from ..widgets.markup import escape
from .citizen_files import write_access_export as write_access_export
from .citizen_text import (
    _lines,
    conflicts_to_decide,
    course_text,
    follow_up_lines,
    handover_lines,
    out_on_laptop,
    placement_text,
    score_bar,
    session_lines,
)
from .records import RECORD_KINDS, RecordsScreen

__all__ = ["RECORD_KINDS", "CitizenScreen", "RecordsScreen", "Section", "course_text", "score_bar"]


class Section(Static):
    """A titled box of the overview."""

    def __init__(self, title: str, id: str) -> None:
        super().__init__(id=id)
        self.border_title = title


class CitizenScreen(Loader, Screen):
    CSS_PATH = "citizen.tcss"
    BINDINGS = keys.bindings("citizen")

    def __init__(self, citizen_id: int) -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.data: CitizenOverview | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="citizen-title")
        yield Static(
            _(
                "[b]g[/b] sub-goals · [b]l[/b] logbook · [b]m[/b] meetings · [b]p[/b] placements · "
                "[b]h[/b] history · [b]r[/b] reports · [b]j[/b] job search · "
                "[b]A[/b] access export · [b]?[/b] keys"
            ),
            id="record-keys",
        )
        with VerticalScroll(id="overview"):
            with Horizontal(id="columns"):
                with Vertical(classes="column"):
                    yield Section(_("Course"), "course")
                    yield Section(_("Placement"), "placement")
                    yield Section(_("Sub-goals"), "sub-goals")
                    yield Section(_("Meetings and agreements"), "meetings")
                with Vertical(classes="column"):
                    yield Section(_("Job goal"), "job")
                    yield Section(_("Accommodations and efforts"), "accommodations")
                    yield Section(_("Contact"), "contact")
                    yield Section(_("Notes"), "notes")
        yield Footer()

    def on_mount(self) -> None:
        self.log_opening()

    @safely
    def log_opening(self) -> None:
        from ..domain.audit import open_record

        open_record(self.citizen_id)  # every opening of a record is in the audit log

    def on_screen_resume(self) -> None:
        self.load()

    @safely
    def load(self) -> None:
        try:
            self.data = domain.citizen_overview(self.citizen_id, today=self.app.today)
        except NotFound as exc:
            # Deleted here (the delete dialog already said so) or in another window.
            if self.citizen_id not in self.app.deleted_citizens:
                self.notify(str(exc), severity="error")
            self.app.pop_screen()
            return
        self.fill(self.data)

    def fill(self, data: CitizenOverview) -> None:
        c = data.citizen
        today = data.today
        title = f"[b]{escape(c.name)}[/b]"
        if c.interpreter_needed:
            title += _("  [reverse] interpreter: {language} [/]").format(
                language=escape(c.interpreter_language)
            )
        if c.archived_on:
            title += _("  [reverse] archived {date} [/]").format(date=show_date(c.archived_on))
        title += out_on_laptop(self.citizen_id)
        title += conflicts_to_decide(self.citizen_id)
        self.query_one("#citizen-title", Static).update(title)

        self.query_one("#course", Static).update(
            course_text(data.latest_course, today) + session_lines(data)
        )

        self.query_one("#placement", Static).update(placement_text(data))

        active = [g for g in data.sub_goals if g.status == "active"]
        if active:
            goal_lines = []
            for goal in active:
                flag = ""
                if goal.target_date and goal.target_date < today:
                    flag = _(" [b red](target {date} passed)[/]").format(
                        date=show_date(goal.target_date)
                    )
                goal_lines.append(f"{escape(goal.title)}{flag}\n  {score_bar(goal.latest_score)}")
            self.query_one("#sub-goals", Static).update("\n".join(goal_lines))
        else:
            self.query_one("#sub-goals", Static).update(_("[dim]No active sub-goals.[/]"))

        meeting_lines = []
        if data.next_meeting:
            m = data.next_meeting
            meeting_lines.append(
                _("Next: [b]{when}[/b] {kind}{place}").format(
                    when=show_datetime(m.starts_at),
                    kind=m.kind.label,
                    place=f" · {escape(m.place)}" if m.place else "",
                )
            )
        else:
            meeting_lines.append(_("[b red]No next meeting booked.[/]"))
        if data.last_held_meeting:
            m = data.last_held_meeting
            days = (today - m.starts_at.date()).days
            meeting_lines.append(
                _("Last held: {when} ({ago})").format(
                    when=show_date(m.starts_at), ago=days_ago(days)
                )
            )
        if data.open_action_items:
            meeting_lines.append(_("Open agreements:"))
            for item in data.open_action_items:
                due = ""
                if item.due_date:
                    style = "b red" if item.due_date < today else "dim"
                    due = _("due {day}").format(day=show_date(item.due_date))
                    due = f" [{style}]{due}[/]"
                meeting_lines.append(f"  • {escape(item.what)} – {escape(item.owner)}{due}")
        self.query_one("#meetings", Static).update("\n".join(meeting_lines + follow_up_lines(data)))

        wishes = c.job_wishes
        job = _lines([(_("Goal"), c.job_goal)])
        if wishes:
            job += "\n" + "\n".join(f"{i}. {escape(w)}" for i, w in enumerate(wishes, 1))
        self.query_one("#job", Static).update(job)
        self.query_one("#accommodations", Static).update(
            _lines(
                [
                    (_("Accommodations"), c.accommodations),
                    (_("Aids"), c.aids),
                    (_("Parallel efforts"), c.parallel_efforts),
                ]
            )
        )
        self.query_one("#contact", Static).update(
            _lines(
                [
                    (_("Phone"), c.phone),
                    (_("E-mail"), c.email),
                    (_("Address"), c.address),
                    (_("Caseworker"), c.caseworker_name),
                    (_("Caseworker's phone"), c.caseworker_phone),
                    (_("Caseworker's e-mail"), c.caseworker_email),
                    (_("Jobcenter"), c.jobcenter),
                ]
            )
            + handover_lines(data.handovers)
        )
        self.query_one("#notes", Static).update(_lines([(_("Notes"), c.notes)]))

    # --- actions --------------------------------------------------------------

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_edit(self) -> None:
        from .citizen_forms import CitizenForm

        self.app.push_screen(CitizenForm(self.citizen_id), self._saved(_("Saved.")))

    def _saved(self, message: str):
        def done(result) -> None:
            if result:
                self.notify(message)
                self.load()

        return done

    def action_course(self) -> None:
        from .citizen_forms import CourseForm

        assert self.data is not None
        if self.data.current_course is not None:
            self.notify(
                _(
                    "{name} already has a running course. End it (f) before referring "
                    "them again, or extend it (x); to correct it, open the course "
                    "history (h)."
                ).format(name=self.data.citizen.name),
                severity="warning",
            )
            return
        again = bool(self.data.courses)
        self.app.push_screen(
            CourseForm(self.citizen_id, self.data.citizen.name, again, self.app.today),
            self._saved(_("The course was started.")),
        )

    def action_extend(self) -> None:
        from .citizen_forms import ExtendCourseForm

        course = self.data.current_course if self.data else None
        if course is None:
            self.notify(_("There is no running course to extend."), severity="warning")
            return
        self.app.push_screen(
            ExtendCourseForm(course.id, course.current_end, self.app.today),
            self._saved(_("The course was extended.")),
        )

    def action_finish(self) -> None:
        from .citizen_forms import EndCourseForm

        course = self.data.current_course if self.data else None
        if course is None:
            latest = self.data.latest_course if self.data else None
            self.notify(
                _("There is no running course to end.")
                if latest is None
                else _(
                    "The course ended {date}. To correct or undo its end, open the "
                    "course history (h)."
                ).format(date=show_date(latest.end_date)),
                severity="warning",
            )
            return
        self.app.push_screen(
            EndCourseForm(course.id, self.app.today),
            self._saved(_("The course was ended. Every record is kept.")),
        )

    def action_archive(self) -> None:
        from ..widgets.confirm import ConfirmScreen

        assert self.data is not None
        if self.data.citizen.archived_on is not None:
            self._set_archived(False)  # back on the caseload: nothing is hidden, no question
            return
        question = _(
            "[b]Archive {name}?[/b]\n\nThey disappear from the caseload, the weekly "
            "review and the agenda. Every record is kept, and the caseload's "
            "view “all” (v) finds them to bring them back."
        ).format(name=escape(self.data.citizen.name))
        course = self.data.current_course
        if course is not None:
            question += "\n\n" + _(
                "[b]Their course is still running[/b] (since {start}, planned end {end}). "
                "Archived, nobody sees their next step: end the course first (f)."
            ).format(start=show_date(course.start_date), end=show_date(course.current_end))

        def answered(yes: bool | None) -> None:
            if yes:
                self._set_archived(True)

        self.app.push_screen(
            ConfirmScreen(question, yes=_("Archive"), no=_("Keep on caseload")), answered
        )

    @safely
    def _set_archived(self, archived: bool) -> None:
        from ..domain.citizens import set_archived

        set_archived(self.citizen_id, archived, today=self.app.today)
        self.notify(
            _("Archived: hidden from the caseload, every record kept.")
            if archived
            else _("Back on the caseload.")
        )
        self.load()

    def action_delete(self) -> None:
        from .citizen_forms import DeleteCitizenScreen

        assert self.data is not None
        self.app.push_screen(DeleteCitizenScreen(self.citizen_id, self.data.citizen.name))

    def action_hand_over(self) -> None:
        from .handover import open_handover

        assert self.data is not None
        done = self._saved(_("Handed over. The handover is kept in the citizen's history."))
        open_handover(self, self.citizen_id, self.data.citizen.name, done)

    def action_records(self, kind: str) -> None:
        self.app.open_records(self.citizen_id, kind)

    def action_reports(self) -> None:
        from .reports import ReportsScreen

        assert self.data is not None
        self.app.push_screen(ReportsScreen(self.citizen_id, self.data.citizen.name))

    def action_access_export(self) -> None:
        from .citizen_forms import AccessExportForm, access_file_stem

        assert self.data is not None
        name = self.data.citizen.name

        def chosen(folder: Path | None) -> None:
            if folder is None:
                return
            stem = access_file_stem(folder, name, self.app.today)
            lang = document_language(self.app, "access_export")  # as the form chose
            self.query_one("#overview").loading = True
            # Reading everything and drawing the PDF takes about a second: in
            # the loader's worker, the screen stays alive meanwhile.
            self.load_in_worker(
                "access_export",
                write_access_export,
                self.citizen_id,
                self.app.today,
                folder,
                stem,
                lang,
            )

        self.app.push_screen(
            AccessExportForm(name, document_language(self.app, "access_export")), chosen
        )

    def loaded_access_export(self, written: list[Path]) -> None:
        self.query_one("#overview").loading = False
        assert self.data is not None
        self.notify(
            _("Access export written, everything held about {name}:\n{json}\n{pdf}").format(
                name=escape(self.data.citizen.name),
                json=escape(str(written[0])),
                pdf=escape(str(written[1])),
            ),
            timeout=20,
        )

    def load_failed(self, name: str, error: Exception) -> None:
        if name != "access_export":
            super().load_failed(name, error)
            return
        from ..domain.errors import user_message

        # Whatever went wrong, the mentor is told, and no half export is left.
        self.query_one("#overview").loading = False
        message = user_message(error) or _("The access export failed ({reason}).").format(
            reason=error
        )
        self.notify(escape(message), severity="error", timeout=10)

    def action_help(self) -> None:
        self.app.show_help(self, _("Citizen"))
