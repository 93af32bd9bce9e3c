"""A placement's statistics for a chosen period, its charts, and the absence overview."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from rich.table import Table
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Markdown, Static

from .. import keys
from ..domain import files
from ..domain.errors import DomainError
from ..domain.placements import placement_view
from ..domain.sessions.lines import placement_citizen_line
from ..domain.statistics import (
    PeriodChoice,
    PeriodStats,
    absence_overview_markdown,
    attendance_calendar,
    period_bounds,
    period_stats,
    weekly_series,
)
from ..format import show_date, show_hours, show_percent, weekday_letters
from ..i18n import _, language, speaking
from ..schemas import DocumentFileIn, ExportFileIn, PeriodIn
from ..widgets.charts import calendar_grid, hours_chart
from ..widgets.document_language import (
    document_language,
    language_field,
    remember_language,
)
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen
from ..widgets.markup import escape


class PeriodForm(FormScreen[tuple[date, date]]):
    TITLE = _("Statistics from – to")
    MODEL = PeriodIn
    FIELDS = [
        FieldSpec("start", _("From"), "date", required=True),
        FieldSpec("end", _("To"), "date", required=True),
    ]

    def submit(self, data: PeriodIn) -> tuple[date, date]:
        return data.start, data.end


class SaveFileForm(FormScreen[str]):
    """Where to save an export; the file is written here, whole or not at all."""

    TITLE = _("Save to a file")
    MODEL = ExportFileIn
    FIELDS = [
        FieldSpec(
            "path",
            _("File"),
            required=True,
            hint=_(
                "The file holds personal details: keep it on this computer or hand it over safely."
            ),
        )
    ]

    def __init__(
        self,
        path: str,
        data: bytes,
        title: str | None = None,
        overwrite: bool = False,
        *,
        document: tuple[str, str, Callable[[], bytes]] | None = None,
    ) -> None:
        """``document``: (kind, the language ``data`` is in, how to draw it
        again): the form then asks the reader's language, drawing the
        document again in the one chosen and keeping it for the kind."""
        initial = {"path": path} | ({"language": document[1]} if document else {})
        super().__init__(initial, title)
        self.data = data
        self.document = document
        if document is not None:
            self.MODEL = DocumentFileIn
        # A file already there is replaced only after the mentor said yes to it,
        # even where replacing is the usual case (``overwrite``: the calendar
        # export's last copy).
        self.overwrite = overwrite
        self._replace_confirmed: str | None = None

    def fields(self) -> list[FieldSpec]:
        return [*self.FIELDS, language_field()] if self.document else self.FIELDS

    def submit(self, data: ExportFileIn) -> str:
        if files.export_exists(data.path) and self._replace_confirmed != data.path:
            self._ask_replace(data.path)
            raise DomainError(
                _("{path} already exists: replace it?").format(path=data.path), field="path"
            )
        if self.document is not None and isinstance(data, DocumentFileIn):
            kind, drawn_in, draw = self.document
            if data.language != drawn_in:
                with speaking(data.language):
                    self.data = draw()
                self.document = (kind, data.language, draw)
            remember_language(self.app, kind, data.language)
        return str(
            files.write_export(data.path, self.data, overwrite=self._replace_confirmed == data.path)
        )

    def _ask_replace(self, path: str) -> None:
        from ..widgets.confirm import ConfirmScreen

        def answered(replace: bool | None) -> None:
            if replace:
                self._replace_confirmed = path
                self.action_save()
            else:
                self.show_errors(
                    {"path": _("{path} already exists; choose another name.").format(path=path)}
                )

        question = _(
            "[b]{path}[/b] already exists. Replace it with this one? The old file is gone then."
        ).format(path=escape(path))
        self.app.push_screen(ConfirmScreen(question, yes=_("Replace"), no=_("Keep it")), answered)


def _signed(value: float | None, unit: str = "") -> str:
    if value is None:
        return "–"
    if value == 0:
        return "±0" + unit
    text = show_hours(abs(value))
    return ("+" if value > 0 else "−") + text + unit


def figure_rows(stats: PeriodStats) -> list[tuple[str, str, str, str]]:
    """(figure, this period, previous period, change) for the figures table."""
    prev = stats.previous

    def hours(value: float | None) -> str:
        return "–" if value is None else (show_hours(value) or "0") + " h"

    def count(label: str, now: int, before: int | None) -> tuple[str, str, str, str]:
        return (
            label,
            str(now),
            "–" if before is None else str(before),
            _signed(None if before is None else now - before),
        )

    return [
        (_("Days logged"), str(stats.days_logged), str(prev.days_logged) if prev else "–", ""),
        (
            _("Attendance"),
            show_percent(stats.attendance_rate) or "–",
            (show_percent(prev.attendance_rate) or "–") if prev else "–",
            _signed(stats.attendance_rate_change, _(" pt")),
        ),
        (
            _("Hours planned"),
            hours(stats.hours_planned),
            hours(prev.hours_planned) if prev else "–",
            _signed(None if prev is None else stats.hours_planned - prev.hours_planned, " h"),
        ),
        (
            _("Hours worked"),
            hours(stats.hours_worked),
            hours(prev.hours_worked) if prev else "–",
            _signed(stats.hours_worked_change, " h"),
        ),
        (
            _("Hours worked of planned, days present"),
            show_percent(stats.worked_of_planned) or "–",
            (show_percent(prev.worked_of_planned) or "–") if prev else "–",
            "",
        ),
        (
            _("Effective hours a week"),
            hours(stats.effective_hours_per_week),
            hours(prev.effective_hours_per_week) if prev else "–",
            _signed(stats.hours_per_week_change, " h"),
        ),
        count(_("Sick days"), stats.sick_days, prev.sick_days if prev else None),
        count(
            _("Away with notice"),
            stats.absent_with_notice,
            prev.absent_with_notice if prev else None,
        ),
        count(
            _("Away without notice"),
            stats.absent_without_notice,
            prev.absent_without_notice if prev else None,
        ),
        count(_("Left early"), stats.left_early, prev.left_early if prev else None),
    ]


def figures_table(rows: list[tuple[str, str, str, str]]) -> Table:
    """This period, the previous one of the same length, and the change."""
    table = Table(box=None, padding=(0, 2, 0, 0), show_edge=False)
    table.add_column(_("Figure"))
    for heading in (_("This period"), _("Previous"), _("Change")):
        table.add_column(heading, justify="right")
    for row in rows:
        table.add_row(*row)
    return table


def absence_details(stats: PeriodStats) -> str:
    """Days away by weekday, and every kind of absence by its reasons."""
    names = weekday_letters()
    weekdays = "  ".join(
        f"{name} {count}" for name, count in zip(names, stats.absence_by_weekday, strict=True)
    )
    lines = [_("[b]Days away by weekday[/b]  {days}").format(days=weekdays)]
    if stats.absence_by_reason:
        lines.append(_("[b]By reason[/b]"))
        lines += [f"  {r.count:>3} × {escape(r.label)}" for r in stats.absence_by_reason]
    else:
        lines.append(_("No absence and no early leave in this period."))
    return "\n".join(lines)


class StatisticsScreen(BackHelpScreen):
    """Figures for a period, against the one before it; the charts below."""

    CSS_PATH = "statistics.tcss"
    HELP_TITLE = _("Statistics")
    BINDINGS = keys.bindings("statistics")

    def __init__(
        self,
        placement_id: int,
        title: str,
        choice: PeriodChoice | tuple[date, date] = PeriodChoice.LAST_4_WEEKS,
    ) -> None:
        super().__init__()
        self.placement_id = placement_id
        self.title_text = title
        self.choice = choice
        self.start: date | None = None
        self.end: date | None = None
        self.figures: dict[str, tuple[str, str, str]] = {}  # what the table shows

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="stats-title")
        with VerticalScroll(id="stats-body"):
            yield Static(id="stats-figures")
            yield Static(id="stats-absence")
            yield Static(_("Hours planned and worked, week by week"), classes="stats-heading")
            yield Static(id="stats-hours")
            yield Static(_("Attendance calendar"), classes="stats-heading")
            yield Static(id="stats-calendar")
        yield Footer()

    def on_mount(self) -> None:
        self.load()
        self.query_one("#stats-body").focus()

    def period_label(self) -> str:
        if isinstance(self.choice, tuple):
            return _("From – to")
        return PeriodChoice(self.choice).label

    @safely
    def load(self) -> None:
        today = self.app.today
        placement = placement_view(self.placement_id)
        start, end = period_bounds(self.choice, placement, today)
        stats = period_stats(self.placement_id, start, end, today)
        self.start, self.end = stats.start, stats.end
        compared = (
            _("compared with {start} – {end}").format(
                start=show_date(stats.previous.start), end=show_date(stats.previous.end)
            )
            if stats.previous
            else _("no earlier period of the placement to compare with")
        )
        self.query_one("#stats-title", Static).update(
            _("[b]{title}[/b] · statistics · [b]{period}[/b]: {start} – {end}, {compared}").format(
                title=escape(self.title_text),
                period=self.period_label(),
                start=show_date(stats.start),
                end=show_date(stats.end),
                compared=compared,
            )
        )
        rows = figure_rows(stats)
        self.figures = {label: tuple(rest) for label, *rest in rows}
        self.query_one("#stats-figures", Static).update(figures_table(rows))
        sessions = placement_citizen_line(self.placement_id, stats.start, stats.end)  # apart
        absence = absence_details(stats)
        self.query_one("#stats-absence", Static).update(
            absence + ("\n\n" + escape(sessions) if sessions else "")
        )
        if stats.end < stats.start:  # the period lies outside the placement
            empty = _("[dim]The placement has no days in this period.[/]")
            self.query_one("#stats-hours", Static).update(empty)
            self.query_one("#stats-calendar", Static).update(empty)
            return
        self.query_one("#stats-hours", Static).update(
            hours_chart(weekly_series(self.placement_id, stats.start, stats.end))
        )
        self.query_one("#stats-calendar", Static).update(
            calendar_grid(attendance_calendar(self.placement_id, stats.start, stats.end))
        )

    def action_period(self, choice: str) -> None:
        self.choice = PeriodChoice(choice)
        self.load()

    def action_from_to(self) -> None:
        initial = {"start": self.start, "end": self.end} if self.start else {}

        def chosen(period: tuple[date, date] | None) -> None:
            if period is not None:
                self.choice = period
                self.load()

        self.app.push_screen(PeriodForm(initial), chosen)

    @safely
    def action_absence_overview(self) -> None:
        if self.start is None or self.end is None or self.end < self.start:
            self.notify(_("The placement has no days in this period."))
            return
        text = absence_overview_markdown(self.placement_id, self.start, self.end, self.app.today)
        prefix = _("absence-overview")  # a file name's first word
        name = files.safe_file_name(
            f"{prefix}-{self.title_text.split(' · ')[0]}-"
            f"{self.start.isoformat()}-{self.end.isoformat()}"
        )

        args = (self.placement_id, self.start, self.end, self.app.today)

        def draw() -> bytes:  # again, in the reader's language (exported once already)
            return absence_overview_markdown(*args, log=False).encode("utf-8")

        path = str(files.documents_folder() / f"{name}.md")
        self.app.push_screen(AbsenceOverviewScreen(text, path, draw))


class AbsenceOverviewScreen(BackHelpScreen):
    """The absence overview as it will be handed over; `s` saves it as Markdown."""

    CSS_PATH = "statistics.tcss"
    HELP_TITLE = _("Absence overview")
    BINDINGS = keys.bindings("absence_overview")

    def __init__(self, text: str, path: str, draw: Callable[[], bytes] | None = None) -> None:
        super().__init__()
        self.text = text
        self.path = path
        self.draw = draw

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            _(
                "[b]Absence overview[/b] · what the doctor or caseworker gets. "
                "Notes, tasks and health details from the logbook are left out."
            ),
            id="overview-title",
        )
        with VerticalScroll(id="overview-body"):
            yield Markdown(self.text)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#overview-body").focus()

    def action_save(self) -> None:
        def saved(path: str | None) -> None:
            if path:
                self.path = path
                self.notify(_("Saved: {path}").format(path=path), timeout=10)

        data, document = self.text.encode("utf-8"), None
        if self.draw is not None:
            lang = document_language(self.app, "absence_overview")
            if lang != language():
                with speaking(lang):
                    data = self.draw()
            document = ("absence_overview", lang, self.draw)
        title = _("Save the absence overview")
        self.app.push_screen(SaveFileForm(self.path, data, title, document=document), saved)
