"""The year's figures for the experience report: the period's figures in a table,
enter lists the courses a figure counted, s / S save them as a spreadsheet / CSV."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.widgets import DataTable, Footer, Header, Static

from .. import keys
from ..domain import files
from ..domain.figures import (
    CountedCourse,
    FigureRow,
    YearFigures,
    counted,
    log_listed,
    year_figures,
)
from ..domain.figures.export import file_bytes, log_saved, show_cell
from ..format import show_date
from ..i18n import _, ngettext
from ..schemas import PeriodIn
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen
from ..widgets.loader import Loader
from ..widgets.markup import escape
from .statistics import SaveFileForm

SPLITS = (None, "mentor", "programme")


def aftercare_days() -> int:
    """The review's aftercare setting (the default when the settings cannot be read)."""
    try:
        from ..settings import load_settings

        return load_settings().review.aftercare_days
    except Exception:  # noqa: BLE001 - a broken settings file: the review says why
        return 90


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


class FiguresPeriodForm(FormScreen[tuple[date, date]]):
    TITLE = _("The year's figures from – to")
    MODEL = PeriodIn
    FIELDS = [
        FieldSpec("start", _("From"), "date", required=True),
        FieldSpec("end", _("To"), "date", required=True),
    ]

    def submit(self, data: PeriodIn) -> tuple[date, date]:
        return data.start, data.end


class FiguresScreen(Loader, BackHelpScreen):
    """The figures of a period (default: this calendar year so far)."""

    CSS_PATH = "figures.tcss"
    BINDINGS = keys.bindings("figures")
    HELP_TITLE = _("The year's figures")
    HELP_NOTE = _(
        "Every course running on a day of the period counts, archived citizens' too, "
        "as known on the period's last day. Shares are of the courses running, of those "
        "ended, or of the aftercare due (its day: the end and the days the review's "
        "aftercare setting gives; where the citizen stands as recorded at the last "
        "aftercare follow-up held wins; without one, in work is a work placement running "
        "that day, a job or a small job by its kind, and education only when recorded). "
        "enter on a figure lists the courses counted in it."
    )

    def __init__(self) -> None:
        super().__init__()
        self.start: date | None = None
        self.end: date | None = None
        self.split = 0
        self.result: YearFigures | None = None
        self.by_key: dict[str, FigureRow] = {}

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="figures-title", classes="screen-title")
        yield DataTable(id="figures", cursor_type="row", zebra_stripes=True)
        yield Static(id="figures-note")
        yield Footer()

    def on_mount(self) -> None:
        today = self.app.today
        self.start, self.end = date(today.year, 1, 1), today
        self.load()
        self.query_one(DataTable).focus()

    def load(self) -> None:
        self.query_one("#figures-title", Static).update(_("Counting the figures…"))
        self.load_in_worker(
            "figures",
            year_figures,
            self.start,
            self.end,
            today=self.app.today,
            by=SPLITS[self.split],
            aftercare_days=aftercare_days(),
        )

    def loaded_figures(self, result: YearFigures) -> None:
        self.result = result
        t = result.table
        split = {None: "", "mentor": _(" · per mentor"), "programme": _(" · per programme")}
        self.query_one("#figures-title", Static).update(
            ngettext(
                "The year's figures: {start} to {end}{split} · {count} course",
                "The year's figures: {start} to {end}{split} · {count} courses",
                t.rows[0].cells[0].value,
            ).format(
                start=show_date(t.start),
                end=show_date(t.end),
                split=split[t.by],
                count=t.rows[0].cells[0].value,
            )
        )
        table = self.query_one(DataTable)
        kept = self._row_in_focus()  # the same figure in focus after b or f
        table.clear(columns=True)
        shown = [[show_cell(row, i) for i in range(len(t.groups))] for row in t.rows]
        widths = [
            max(len(g.label), *(len(cells[i]) for cells in shown)) for i, g in enumerate(t.groups)
        ]
        # The labels give way (cut with "…"; enter shows the whole) so that at 80
        # columns the figures stay in sight; many groups scroll sideways.
        room = (self.app.size.width or 80) - 5 - sum(w + 2 for w in widths) - 6
        label_width = max(18, min(room, max(len(r.label) for r in t.rows)))
        table.add_column(_("No."), key="number")
        table.add_column(_("Figure"), key="figure", width=label_width)
        for group, width in zip(t.groups, widths, strict=True):
            table.add_column(escape(group.label), key=f"group:{group.key}", width=width)
        self.by_key = {}
        section = None
        for number, (row, cells) in enumerate(zip(t.rows, shown, strict=True), 1):
            if row.section != section:
                section = row.section
                blank = [""] * len(t.groups)
                heading = Text(_cut(section, label_width), style="bold")
                table.add_row("", heading, *blank, key=f"section:{number}")
            self.by_key[row.key] = row
            values = [Text(cell, justify="right") for cell in cells]
            table.add_row(str(number), Text(_cut(row.label, label_width)), *values, key=row.key)
        # The first figure, not its section's heading, has the cursor at first.
        table.move_cursor(
            row=table.get_row_index(kept.key) if kept and kept.key in self.by_key else 1
        )
        self.query_one("#figures-note", Static).update(
            _("enter: the courses counted · f period · b per mentor/programme · s .xlsx · S .csv")
        )

    def _row_in_focus(self) -> FigureRow | None:
        table = self.query_one(DataTable)
        if self.result is None or table.row_count == 0:
            return None
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return self.by_key.get(key)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()

    @safely
    def action_open(self) -> None:
        row = self._row_in_focus()
        if row is None or self.result is None:
            return
        courses = counted(self.result, row)
        log_listed(courses)
        self.app.push_screen(FigureCoursesScreen(row, courses))

    def action_from_to(self) -> None:
        def chosen(period: tuple[date, date] | None) -> None:
            if period is not None:
                self.start, self.end = period
                self.load()

        self.app.push_screen(FiguresPeriodForm({"start": self.start, "end": self.end}), chosen)

    def action_split(self) -> None:
        self.split = (self.split + 1) % len(SPLITS)
        self.load()

    @safely
    def action_save(self, fmt: str) -> None:
        result = self.result
        if result is None:
            return
        name = files.safe_file_name(
            _("figures-{start}-{end}").format(
                start=result.table.start.isoformat(), end=result.table.end.isoformat()
            )
        )
        path = str(files.documents_folder() / f"{name}.{fmt}")

        def saved(where: str | None) -> None:
            if where:
                log_saved(result, fmt)
                self.notify(_("The figures are saved in {path}").format(path=where), timeout=15)

        title = _("Save the figures as a spreadsheet") if fmt == "xlsx" else _("Save as CSV")
        self.app.push_screen(FiguresFileForm(path, file_bytes(result, fmt), title), saved)


class FiguresFileForm(SaveFileForm):
    """Where to save the figures: the file names no citizen (ids only)."""

    FIELDS = [
        FieldSpec(
            "path",
            _("File"),
            required=True,
            hint=_(
                "No citizen's name in it: the courses counted by their numbers, and the "
                "mentors' names. The numbers lead back to people in this database."
            ),
        )
    ]


class FigureCoursesScreen(BackHelpScreen):
    """The courses one figure counted: the figure traced back, course by course."""

    CSS_PATH = "figures.tcss"
    BINDINGS = keys.bindings("figure_courses")
    HELP_TITLE = _("The courses counted")

    def __init__(self, row: FigureRow, courses: list[CountedCourse]) -> None:
        super().__init__()
        self.row, self.courses = row, courses

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            ngettext(
                "{figure}: {count} course", "{figure}: {count} courses", len(self.courses)
            ).format(figure=escape(self.row.label), count=len(self.courses)),
            id="figure-title",
            classes="screen-title",
        )
        yield DataTable(id="counted", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        # An aftercare figure says what was recorded at aftercare (blank: the placements).
        aftercare = self.row.key.endswith("_at_aftercare")
        table.add_columns(
            _("Course"), _("Citizen"), _("Mentor"), _("Started"), _("Ended"),
            *([_("At aftercare")] if aftercare else []), _("Outcome"), _("Purpose"),
            _("Programme"),
        )  # fmt: skip
        for c in self.courses:
            table.add_row(
                str(c.course_id), escape(c.citizen_name), escape(c.mentor_name),
                show_date(c.start), show_date(c.ended_on) if c.ended_on else _("running"),
                *([c.aftercare_label or _("(placements)")] if aftercare else []),
                c.outcome_label, c.purpose_label, escape(c.programme), key=str(c.course_id),
            )  # fmt: skip
        table.focus()
