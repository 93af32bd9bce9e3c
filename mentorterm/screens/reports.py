"""Progression reports: the citizen's saved reports, and one report's preview,
its judgement texts and its exports (Markdown, PDF)."""

from __future__ import annotations

from datetime import date

from textual import on, work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import DataTable, Footer, Header, Markdown, Static

from .. import keys
from ..domain import files
from ..domain import reports as domain
from ..domain.errors import user_message
from ..format import show_date
from ..i18n import _, speaking
from ..schemas import ReportTextsIn
from ..widgets.confirm import confirm_then
from ..widgets.document_language import document_language
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen, CitizenRecordsScreen
from ..widgets.markup import escape
from .statistics import PeriodForm, SaveFileForm


def _period(start: date, end: date) -> str:
    return f"{show_date(start)} – {show_date(end)}"


class ReportsScreen(CitizenRecordsScreen):
    """The citizen's saved progression reports, the latest period first."""

    CSS_PATH = "reports.tcss"
    BINDINGS = keys.bindings("reports")
    HELP_TITLE = _("Progression reports")

    TITLE_ID = "reports-title"
    TABLE_ID = "reports"
    BOXES = ("reports-empty",)

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(_("Period"), _("Title"), _("Saved on"))
        self.load()
        self.query_one(DataTable).focus()

    @safely
    def load(self) -> None:
        self.rows = domain.reports_of(self.citizen_id)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for r in self.rows:
            table.add_row(
                _period(r.start, r.end),
                r.title or _("Progression report"),
                show_date(r.saved_on),
                key=str(r.id),
            )
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        table.display = bool(self.rows)
        self.query_one("#reports-title", Static).update(
            _("[b]{name}[/b] · progression reports ({count})").format(
                name=escape(self.citizen_name), count=len(self.rows)
            )
        )
        self.query_one("#reports-empty", Static).update(
            ""
            if self.rows
            else _(
                "No saved reports yet. Press [b]n[/b] for a new one: choose the period, "
                "then write the texts with [b]e[/b]."
            )
        )

    def action_new(self) -> None:
        start, end = domain.default_report_period(self.citizen_id, self.app.today)

        def chosen(period: tuple[date, date] | None) -> None:
            if period is not None:
                self.app.push_screen(ReportScreen(self.citizen_id, self.citizen_name, *period))

        self.app.push_screen(
            PeriodForm(
                {"start": start, "end": end},
                _("New progression report for {name}: the period").format(
                    name=escape(self.citizen_name)
                ),
            ),
            chosen,
        )

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    @safely
    def action_open(self) -> None:
        report = self.current()
        if report is None:
            return
        self.app.push_screen(
            ReportScreen(
                self.citizen_id, self.citizen_name, report.start, report.end, report_id=report.id
            )
        )

    def action_delete(self) -> None:
        report = self.current()
        if report is None:
            return
        confirm_then(
            self,
            _("Delete the report for {period}{title}?").format(
                period=_period(report.start, report.end),
                title=f" ({escape(report.title)})" if report.title else "",
            ),
            lambda: domain.delete_report(report.id),
            _("The report was deleted; the records it was built from stay."),
            no=_("Keep"),
        )
        self.load()


class ReportTextsForm(FormScreen[tuple[int, ReportTextsIn]]):
    """The mentor's judgement parts of a report; saving saves the report."""

    CSS_PATH = "reports.tcss"
    TITLE = _("The report's texts")
    MODEL = ReportTextsIn
    RECORD = ("report", "report_id")
    FIELDS = [
        FieldSpec("title", _("Title"), hint=_("Empty: “Progression report”.")),
        FieldSpec("summary", _("Summary"), "area"),
        FieldSpec("resources_observed", _("Resources observed"), "area"),
        FieldSpec("clarified", _("What has been clarified"), "area"),
        FieldSpec("still_open", _("What still needs clarifying"), "area"),
        FieldSpec("recommended_next_steps", _("Recommended next steps"), "area"),
    ]

    def __init__(
        self,
        citizen_id: int,
        start: date,
        end: date,
        texts: ReportTextsIn,
        report_id: int | None,
        title: str | None = None,
    ) -> None:
        super().__init__(texts.model_dump(), title)
        self.citizen_id = citizen_id
        self.start = start
        self.end = end
        self.report_id = report_id

    def draft_context(self) -> dict:
        return {**self.draft_ids(), "start": self.start.isoformat(), "end": self.end.isoformat()}

    def submit(self, data: ReportTextsIn) -> tuple[int, ReportTextsIn]:
        report_id = domain.save_report(self.citizen_id, self.start, self.end, data, self.report_id)
        return report_id, data


class ReportScreen(BackHelpScreen):
    """One report as it will be handed over: facts from the records as they are
    now, the mentor's texts; `e` edits the texts, `m`/`f` export."""

    CSS_PATH = "reports.tcss"
    HELP_TITLE = _("Progression report")
    BINDINGS = keys.bindings("report")

    def __init__(
        self, citizen_id: int, name: str, start: date, end: date, report_id: int | None = None
    ) -> None:
        super().__init__()
        self.citizen_id = citizen_id
        self.citizen_name = name
        self.start = start
        self.end = end
        self.report_id = report_id
        self.texts = ReportTextsIn()
        self.report: domain.ProgressionReport | None = None
        self.rendering = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="report-title", classes="screen-title")
        with VerticalScroll(id="report-body"):
            yield Markdown(id="report-preview")
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.query_one("#report-body").focus()

    @safely
    def load(self) -> None:
        """Build the report from the records (on this, the main, thread) and show it."""
        if self.report_id is not None:
            self.texts = domain.report_texts(self.report_id)
        self.report = domain.progression_report(
            self.citizen_id,
            self.start,
            self.end,
            self.app.today,
            texts=self.texts,
            report_id=self.report_id,
        )
        state = (
            _("saved")
            if self.report_id is not None
            else _("not saved yet: [b]e[/b] writes the texts and saves the report")
        )
        self.query_one("#report-title", Static).update(
            _("[b]{name}[/b] · {title} · {period} · {state}").format(
                name=escape(self.citizen_name),
                title=escape(self.report.display_title),
                period=_period(self.start, self.end),
                state=state,
            )
        )
        self.query_one("#report-preview", Markdown).update(domain.render_markdown(self.report))

    def action_edit(self) -> None:
        self.edit_texts()

    def edit_texts(self, restore: dict | None = None) -> None:
        """The texts form; ``restore``: a kept draft's values, put back word for word."""

        def saved(result: tuple[int, ReportTextsIn] | None) -> None:
            if result is not None:
                self.report_id, self.texts = result
                self.notify(_("The report was saved."))
                self.load()

        form = ReportTextsForm(
            self.citizen_id,
            self.start,
            self.end,
            self.texts,
            self.report_id,
            _("The report's texts · {name} · {period}").format(
                name=escape(self.citizen_name), period=_period(self.start, self.end)
            ),
        )
        if restore is not None:
            form.restore_from(restore)
        self.app.push_screen(form, saved)

    def _default_path(self, suffix: str) -> str:
        assert self.report is not None
        return str(files.documents_folder() / f"{domain.report_file_stem(self.report)}{suffix}")

    @safely
    def action_markdown(self) -> None:
        if self.report is None:
            return
        report = self.report
        lang = document_language(self.app, "report")
        with speaking(lang):
            data = domain.export_report(report, "markdown")
        document = ("report", lang, lambda: domain.render_markdown(report).encode("utf-8"))
        title = _("Save the report as Markdown")
        form = SaveFileForm(self._default_path(".md"), data, title, document=document)
        self.app.push_screen(form, self._saved)

    def action_pdf(self) -> None:
        if self.report is None or self.rendering:
            return
        self.rendering = True
        # Only a render that takes more than a moment shows the indicator.
        self.set_timer(0.15, self._show_busy)
        self._render_pdf(self.report, document_language(self.app, "report"))

    def _show_busy(self) -> None:
        if self.rendering:
            self.query_one("#report-body").loading = True

    @work(thread=True, exclusive=True, group="report-pdf")
    def _render_pdf(self, report: domain.ProgressionReport, lang: str) -> None:
        # The report was built on the main thread; the export's audit row goes
        # through a connection of its own (domain.threads).
        try:
            with speaking(lang):  # this thread only: the screens keep their language
                data = domain.export_report(report, "pdf")
        except Exception as exc:  # noqa: BLE001 - a failed render is a message, not a crash
            self.app.call_from_thread(self._pdf_failed, exc)
            return
        self.app.call_from_thread(self._pdf_ready, data, lang)

    def _done_rendering(self) -> None:
        self.rendering = False
        self.query_one("#report-body").loading = False

    def _pdf_failed(self, exc: Exception) -> None:
        self._done_rendering()
        message = user_message(exc) or _("The PDF could not be made ({reason}).").format(
            reason=escape(str(exc))
        )
        self.notify(message, severity="error", timeout=10)

    def _pdf_ready(self, data: bytes, lang: str) -> None:
        self._done_rendering()
        if self.app.screen is not self:  # left while it rendered: ask nothing
            return
        report = self.report
        assert report is not None
        # Another language chosen in the form draws it again there (a moment's wait).
        document = ("report", lang, lambda: domain.render_pdf(report))
        title = _("Save the report as PDF")
        form = SaveFileForm(self._default_path(".pdf"), data, title, document=document)
        self.app.push_screen(form, self._saved)

    def _saved(self, path: str | None) -> None:
        if path:
            self.notify(_("Saved: {path}").format(path=escape(path)), timeout=10)
