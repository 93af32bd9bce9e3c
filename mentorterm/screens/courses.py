"""A citizen's course history: every course, its extensions and its end, each correctable."""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import courses as domain
from ..domain.views import CourseView
from ..format import show_date
from ..i18n import _, ngettext
from ..widgets.confirm import confirm_then
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen
from ..widgets.markup import escape


def course_span(course: CourseView) -> str:
    return _("{start} – {end}").format(
        start=show_date(course.start_date), end=show_date(course.end_date or course.current_end)
    )


def course_detail(course: CourseView) -> str:
    """Every field of the course, as the edit form has them, and how it stands."""
    weeks = domain.weeks_of(course.start_date, course.planned_end)
    length = (" " + ngettext("({n} week)", "({n} weeks)", weeks).format(n=weeks)) if weeks else ""
    lines = [
        f"[b]{course.purpose.label}[/b]"
        + (f" · {escape(course.programme)}" if course.programme else ""),
        _("Referred {ref} · started {start} · planned end {end}{length}").format(
            ref=show_date(course.referral_date),
            start=show_date(course.start_date),
            end=show_date(course.planned_end),
            length=length,
        ),
        _("Hours a week: {band} · meet every {days} days").format(
            band=escape(course.weekly_hours) or _("not set"), days=course.meeting_cadence_days
        ),
    ]
    if course.handovers:
        # Who had the citizen in this course: the first mentor, then each handover.
        names = [course.handovers[0][1], *(new for _day, _old, new in course.handovers)]
        lines.append(_("Mentors in this course: {names}").format(names=escape(" → ".join(names))))
        lines += [
            _("[dim]Handed over {day}:[/] {old} → {new}").format(
                day=show_date(day), old=escape(old), new=escape(new)
            )
            for day, old, new in course.handovers
        ]
    if course.is_open:
        if course.extensions:
            lines.append(_("Running; now ends {end}").format(end=show_date(course.current_end)))
        else:
            lines.append(_("Running"))
    else:
        lines.append(
            _("[b]Ended {date}: {outcome}[/b]").format(
                date=show_date(course.end_date), outcome=course.outcome.label
            )
        )
        if course.end_note:
            lines.append(escape(course.end_note))
        lines.append(_("[dim]f corrects the end · u undoes it (the course runs again)[/]"))
    return "\n".join(lines)


class CourseHistoryScreen(BackHelpScreen):
    """Every course of one citizen; the one in focus in full, with its extensions.

    ``e`` (or enter) corrects what is in focus, the course or an extension;
    ``f`` ends a running course or corrects an end; ``u`` undoes an end made
    by mistake; ``delete`` removes an extension. Each asks or shows a form first.
    """

    HELP_TITLE = _("Course history")
    CSS_PATH = "courses.tcss"
    BINDINGS = keys.bindings("course_history")

    def __init__(self, citizen_id: int, name: str, kind: str = "courses") -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.citizen_name = name
        self.courses: list[CourseView] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="records-title", classes="screen-title")
        yield DataTable(id="records", cursor_type="row", zebra_stripes=True)
        yield Static(id="records-empty")
        with VerticalScroll(id="course-pane", can_focus=False):
            yield Static(id="course-detail")
            yield Static(id="extensions-title")
            yield DataTable(id="extensions", cursor_type="row", zebra_stripes=True)
            yield Static(id="extension-reason")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#records", DataTable)
        table.add_column(_("Purpose"), key="purpose")
        table.add_column(_("Referred"), key="referred")
        table.add_column(_("Started"), key="started")
        table.add_column(_("Planned end"), key="end")
        table.add_column(_("Ext."), key="extensions")
        table.add_column(_("Ended"), key="ended")
        table.add_column(_("Outcome"), key="outcome")
        extensions = self.query_one("#extensions", DataTable)
        extensions.add_column(_("Decided on"), key="decided")
        extensions.add_column(_("New end"), key="end")
        extensions.add_column(_("Reason"), key="reason")
        self.load()
        table.focus()

    def on_screen_resume(self) -> None:
        self.load()

    # --- filling ----------------------------------------------------------------

    @safely
    def load(self) -> None:
        table = self.query_one("#records", DataTable)
        keep = self.current_course()
        self.courses = domain.courses_of(self.citizen_id)
        table.clear()
        for c in self.courses:
            table.add_row(
                c.purpose.label,
                show_date(c.referral_date),
                show_date(c.start_date),
                show_date(c.current_end),
                str(len(c.extensions)),
                show_date(c.end_date),
                c.outcome.label if c.outcome else _("running"),
                key=str(c.id),
            )
        self.query_one("#records-title", Static).update(
            f"[b]{escape(self.citizen_name)}[/b] · {self.HELP_TITLE} ({len(self.courses)})"
        )
        self.query_one("#records-empty", Static).update(
            "" if self.courses else _("[dim]No course yet: press c on the citizen to start one.[/]")
        )
        self.query_one("#records-empty").display = not self.courses
        if keep is not None:
            for i, c in enumerate(self.courses):
                if c.id == keep.id:
                    table.move_cursor(row=i)
        self.show_course()

    def current_course(self) -> CourseView | None:
        table = self.query_one("#records", DataTable)
        if not self.courses or table.row_count == 0:
            return None
        row = min(max(table.cursor_row, 0), len(self.courses) - 1)
        return self.courses[row]

    def current_extension_id(self) -> int | None:
        course = self.current_course()
        extensions = self.query_one("#extensions", DataTable)
        if course is None or not course.extensions or extensions.row_count == 0:
            return None
        return course.extensions[min(max(extensions.cursor_row, 0), len(course.extensions) - 1)].id

    def show_course(self) -> None:
        course = self.current_course()
        detail = self.query_one("#course-detail", Static)
        extensions = self.query_one("#extensions", DataTable)
        title = self.query_one("#extensions-title", Static)
        extensions.clear()
        self.query_one("#extension-reason", Static).update("")
        if course is None:
            detail.update("")
            title.update("")
            extensions.display = False
            return
        detail.border_title = course_span(course)
        detail.update(course_detail(course))
        for ext in course.extensions:
            extensions.add_row(
                show_date(ext.decided_on),
                show_date(ext.new_end),
                Text(ext.reason.replace("\n", " ")),
                key=str(ext.id),
            )
        extensions.display = bool(course.extensions)
        title.update(
            _("Extensions (tab to reach them; e corrects, delete removes):")
            if course.extensions
            else _("[dim]No extensions.[/]")
        )

    @on(DataTable.RowHighlighted, "#records")
    def _course_highlighted(self) -> None:
        self.show_course()

    @on(DataTable.RowHighlighted, "#extensions")
    def _extension_highlighted(self) -> None:
        # The table cuts a long reason; here it is whole.
        course = self.current_course()
        extension_id = self.current_extension_id()
        reason = self.query_one("#extension-reason", Static)
        ext = next((x for x in course.extensions if x.id == extension_id), None) if course else None
        reason.update(
            _("[dim]Reason:[/] {reason}").format(reason=escape(ext.reason))
            if ext is not None and ext.reason
            else ""
        )

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_edit()

    # --- actions ------------------------------------------------------------------

    def _in_extensions(self) -> bool:
        return self.focused is self.query_one("#extensions", DataTable)

    def _done(self, message: str):
        def done(result) -> None:
            if result:
                self.notify(message)
            elif result is False:
                self.notify(_("Nothing was changed."))
            self.load()

        return done

    def action_edit(self) -> None:
        from .citizen_forms import CourseEditForm, ExtensionEditForm

        course = self.current_course()
        if course is None:
            self.notify(_("There is no course to correct."), severity="warning")
            return
        if self._in_extensions():
            extension_id = self.current_extension_id()
            if extension_id is not None:
                self.app.push_screen(
                    ExtensionEditForm(extension_id), self._done(_("The extension was corrected."))
                )
                return
        self.app.push_screen(
            CourseEditForm(course.id, self.citizen_name), self._done(_("The course was corrected."))
        )

    def action_end(self) -> None:
        from .citizen_forms import EndCourseForm

        course = self.current_course()
        if course is None:
            self.notify(_("There is no course to end."), severity="warning")
            return
        if course.is_open:
            self.app.push_screen(
                EndCourseForm(course.id, self.app.today),
                self._done(_("The course was ended. Every record is kept.")),
            )
            return
        initial = {
            "end_date": course.end_date,
            "outcome": course.outcome,
            "end_note": course.end_note,
        }
        self.app.push_screen(
            EndCourseForm(course.id, self.app.today, initial),
            self._done(_("The end was corrected.")),
        )

    def action_open(self) -> None:
        """enter: the course or extension in focus, in its correction form."""
        self.action_edit()

    def action_undo(self) -> None:
        """u: undo the end of the course in focus (asks first)."""
        self.action_reopen()

    def action_reopen(self) -> None:
        course = self.current_course()
        if course is None or course.is_open:
            self.notify(_("This course is running: there is no end to undo."), severity="warning")
            return
        confirm_then(
            self,
            _(
                "Undo the end of the course {span}?\n\nThe course runs again: the end date "
                "{date} and the outcome “{outcome}” are removed (the log keeps them). Use this "
                "when the course was ended by mistake."
            ).format(
                span=course_span(course),
                date=show_date(course.end_date),
                outcome=course.outcome.label,
            ),
            lambda: domain.reopen_course(course.id),
            _("The course runs again; its end was undone."),
            yes=_("Undo the end"),
            no=_("Keep it ended"),
            then=self.load,
        )

    def action_delete(self) -> None:
        course = self.current_course()
        extension_id = self.current_extension_id() if self._in_extensions() else None
        if course is None or extension_id is None:
            self.notify(
                _(
                    "A course is not removed: correct it with e. To remove an "
                    "extension, tab to it first."
                ),
                severity="warning",
            )
            return
        ext = next(x for x in course.extensions if x.id == extension_id)

        confirm_then(
            self,
            _(
                "Remove the extension to {end} (decided {decided})?\n\nThe course then ends "
                "{before}. Use this for an extension entered by mistake."
            ).format(
                end=show_date(ext.new_end),
                decided=show_date(ext.decided_on),
                before=show_date(
                    max(
                        [course.planned_end]
                        + [x.new_end for x in course.extensions if x.id != extension_id]
                    )
                ),
            ),
            lambda: domain.delete_extension(extension_id),
            _("The extension was removed."),
            yes=_("Remove"),
            then=self.load,
        )
