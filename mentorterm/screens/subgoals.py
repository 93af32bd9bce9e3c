"""Sub-goals on the asymmetric-alliance scale: the list, scoring, history, life cycle."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Static, TextArea

from .. import keys
from ..domain import subgoals as alliance
from ..domain.errors import user_message
from ..enums import SubGoalStatus
from ..format import show_date
from ..i18n import _, ngettext
from ..schemas import AllianceScoreIn, SubGoalIn, SubGoalStatusIn, friendly_errors
from ..widgets.confirm import ConfirmScreen, DiscardScreen, confirm_then
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen
from ..widgets.guard import safely
from ..widgets.lists import BackHelpScreen, CitizenRecordsScreen
from ..widgets.markup import escape
from ..widgets.scale import big_scale, history_chart, small_scale, sparkline

# Each status with its own sign and colour: achieved and dropped never look alike.
_STATUS_LOOK = {
    "active": ("●", "green"),
    "paused": ("‖", "yellow"),
    "achieved": ("✓", "bold green"),
    "dropped": ("✗", "dim"),
}


def status_cell(status: str) -> Text:
    """'✓ Achieved', '✗ Dropped', '‖ Paused', '● Active', each in its own style."""
    sign, style = _STATUS_LOOK.get(status, ("", ""))
    return Text(f"{sign} {SubGoalStatus(status).label}".strip(), style=style)


def _bar(score: int | None, compact: bool = False) -> Text:
    if score is None:
        return Text(_("not scored") if not compact else "–", style="dim")
    if compact:
        text = Text()
        text.append(str(score), style="bold green")
        text.append("+")
        text.append(str(10 - score), style="bold blue")
        return text
    text = Text()
    text.append("█" * score, style="green")
    text.append("░" * (10 - score), style="blue")
    text.append(f" {score}+{10 - score}")
    return text


class SubGoalForm(FormScreen[int]):
    TITLE = _("New sub-goal")
    MODEL = SubGoalIn
    FIELDS = [
        FieldSpec(
            "title",
            _("Sub-goal"),
            required=True,
            hint=_("Small and concrete: 'Come on time two days a week for a month'."),
        ),
        FieldSpec(
            "success_criterion",
            _("We know it is reached when"),
            "area",
            hint=_("Something you could check together."),
        ),
        FieldSpec("target_date", _("Target date"), "date"),
        FieldSpec("area", _("Area"), hint=_("e.g. work, health, family, practical")),
        FieldSpec("description", _("Description"), "area"),
    ]

    def __init__(self, citizen_id: int, sub_goal_id: int | None = None) -> None:
        initial = None
        title = None
        if sub_goal_id is not None:
            initial = alliance.sub_goal_input(sub_goal_id).model_dump()
            title = _("Edit sub-goal")
        super().__init__(initial, title)
        self.citizen_id = citizen_id
        self.sub_goal_id = sub_goal_id

    def model_data(self, values):
        data = super().model_data(values)
        if self.sub_goal_id is not None:
            data["priority"] = self.initial.get("priority", 0)
        return data

    def submit(self, data: SubGoalIn) -> int:
        if self.sub_goal_id is None:
            return alliance.create_sub_goal(self.citizen_id, data)
        alliance.update_sub_goal(self.sub_goal_id, data)
        return self.sub_goal_id


class StatusForm(FormScreen[bool]):
    TITLE = _("Change the sub-goal's status")
    MODEL = SubGoalStatusIn
    FIELDS = [
        FieldSpec("status", _("Status"), "select", options=SubGoalStatus.choices(), required=True),
        FieldSpec("status_date", _("Date"), "date", required=True),
        FieldSpec("status_note", _("Note"), "area"),
    ]

    def __init__(self, sub_goal_id: int, status: str, today: date) -> None:
        suggested = "achieved" if status == "active" else "active"
        super().__init__({"status": suggested, "status_date": today})
        self.sub_goal_id = sub_goal_id

    def submit(self, data: SubGoalStatusIn) -> bool:
        alliance.set_status(self.sub_goal_id, data)
        return True


class ScoringScreen(ModalScreen[bool]):
    """Scoring in the session, with the citizen looking at the screen.

    First the number: digits 1-9 and 0 for 10, or the arrow keys; the mentor's
    part follows live. Enter goes on to the three questions, with the last
    answers shown for reference; ctrl+s saves.
    """

    DEFAULT_CSS = """
    ScoringScreen { align: center middle; }
    ScoringScreen > #score-dialog {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    ScoringScreen #score-title { text-style: bold; padding: 1 0 0 0; }
    ScoringScreen #scale { padding: 1 0; }
    ScoringScreen #questions { height: auto; display: none; }
    ScoringScreen.answering #questions { display: block; }
    ScoringScreen .question { text-style: bold; margin-top: 1; }
    ScoringScreen .previous { color: $text-muted; text-style: italic; }
    ScoringScreen TextArea { height: 3; border: none; background: $panel; }
    ScoringScreen TextArea:focus { border: none; background: $primary 40%; }
    ScoringScreen Input { border: none; height: 1; padding: 0 1; background: $panel; width: 20; }
    ScoringScreen Input:focus { border: none; background: $primary 40%; }
    ScoringScreen #score-keys { color: $text-muted; padding-bottom: 1; }
    ScoringScreen #score-error { color: $error; height: auto; display: none; }
    ScoringScreen #score-error.shown { display: block; }
    ScoringScreen.answering #scale { padding: 0 0 1 0; }
    """
    AUTO_FOCUS = ""  # the number first: digits and arrows belong to the scale
    BINDINGS = keys.bindings("scoring")

    def __init__(
        self, sub_goal_id: int, title: str, today: date, score_id: int | None = None
    ) -> None:
        super().__init__()
        self.sub_goal_id = sub_goal_id
        self.goal_title = title
        self.today = today
        # Correcting a saved score: its own number, date and answers to start from.
        self.score_id = score_id
        self.saved = alliance.score_view(score_id) if score_id is not None else None
        day = self.saved.scored_on if self.saved else today
        # The reference is the last conversation before this one.
        self.previous = alliance.previous_answers(sub_goal_id, before=day)
        if self.saved:
            self.score = self.saved.citizen_score
        else:
            self.score = self.previous.citizen_score if self.previous else 5
        self.touched = False

    def compose(self) -> ComposeResult:
        title = escape(self.goal_title)
        if self.saved:
            title = _("Correct the score of {day} · {title}").format(
                day=show_date(self.saved.scored_on), title=title
            )
        # One scroll for the whole dialog: on a small terminal the field in
        # focus scrolls into sight, whichever question it is.
        with VerticalScroll(id="score-dialog", can_focus=False):
            yield Static(title, id="score-title")
            yield Static(id="score-keys")
            yield Static(id="scale")
            yield Static(id="score-error")
            with Vertical(id="questions"):
                yield Static(_("Date of the conversation"), classes="question")
                yield Input(
                    show_date(self.saved.scored_on if self.saved else self.today),
                    id="q-date",
                    placeholder=_("DD-MM-YYYY"),
                )
                for name, question in (
                    ("what_it_takes", _("What does it take?")),
                    ("own_actions", _("What can you do yourself?")),
                    ("help_needed", _("What help is needed, and from whom?")),
                ):
                    yield Static(question, classes="question")
                    earlier = getattr(self.previous, name, "") if self.previous else ""
                    if earlier:
                        yield Static(
                            _("Last time ({date}): {text}").format(
                                date=show_date(self.previous.scored_on), text=escape(earlier)
                            ),
                            classes="previous",
                        )
                    yield TextArea(
                        getattr(self.saved, name) if self.saved else "",
                        id=f"q-{name}",
                        soft_wrap=True,
                    )

    def on_mount(self) -> None:
        self.draw()

    def draw(self) -> None:
        if self.has_class("answering"):
            # One line for the number: the three questions below need the room
            # (at 80x24 the big scale would push them out of sight).
            self.query_one("#scale", Static).update(small_scale(self.score))
        else:
            where = _("Where are you on the scale? 1 = far from it, 10 = can do it alone.")
            if self.previous:
                where += "\n" + _("Last time ({date}): {score}").format(
                    date=show_date(self.previous.scored_on), score=self.previous.citizen_score
                )
            self.query_one("#scale", Static).update(f"{where}\n\n{big_scale(self.score)}")
        if self.has_class("answering"):
            keys = _("[b]ctrl+s[/b] save · [b]tab[/b] next field · [b]escape[/b] cancel")
        else:
            keys = _(
                "[b]1[/b]-[b]9[/b], [b]0[/b] = 10 or [b]← →[/b] choose · [b]enter[/b] "
                "the questions · [b]ctrl+s[/b] save · [b]escape[/b] cancel"
            )
        self.query_one("#score-keys", Static).update(keys)

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        # While answering, arrows, digits and enter belong to the text boxes.
        if self.has_class("answering") and action in ("change", "pick", "questions"):
            return False
        return True

    def action_change(self, step: int) -> None:
        self.score = max(1, min(10, self.score + step))
        self.touched = True
        self.draw()

    def action_pick(self, value: int) -> None:
        self.score = value
        self.touched = True
        self.draw()

    def action_questions(self) -> None:
        self.add_class("answering")
        self.draw()
        self.query_one("#q-date", Input).focus()

    def answers(self) -> dict[str, str]:
        return {
            name: self.query_one(f"#q-{name}", TextArea).text
            for name in ("what_it_takes", "own_actions", "help_needed")
        }

    def show_error(self, message: str) -> None:
        box = self.query_one("#score-error", Static)
        box.update(message)
        box.add_class("shown")  # hidden while empty: the questions need the line

    def action_save(self, replace: bool = False) -> None:
        from pydantic import ValidationError

        try:
            day = (
                self.query_one("#q-date", Input).value
                if self.has_class("answering")
                else (self.saved.scored_on if self.saved else self.today)
            )
            data = AllianceScoreIn(scored_on=day, citizen_score=self.score, **self.answers())
        except ValidationError as exc:
            self.show_error("\n".join(friendly_errors(exc).values()))
            return
        try:
            if self.score_id is not None:
                alliance.update_score(self.score_id, data)
            else:
                alliance.score_sub_goal(self.sub_goal_id, data, replace=replace)
        except alliance.SameDayScore as same:
            question = _(
                "This sub-goal was already scored on {day} ({score}). "
                "Replace that score with {new}?"
            ).format(day=show_date(data.scored_on), score=same.existing_score, new=self.score)

            def answered(yes: bool | None) -> None:
                if yes:
                    self.action_save(replace=True)

            self.app.push_screen(
                ConfirmScreen(question, yes=_("Replace"), no=_("Keep it")), answered
            )
            return
        except Exception as exc:
            message = user_message(exc)
            if message is None:
                raise
            self.show_error(message)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        start = {
            name: getattr(self.saved, name) if self.saved else ""
            for name in ("what_it_takes", "own_actions", "help_needed")
        }
        day = show_date(self.saved.scored_on if self.saved else self.today)
        if (
            not self.touched
            and self.answers() == start
            and self.query_one("#q-date", Input).value == day
        ):
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(
            DiscardScreen(
                _("Throw away this score and the answers?"), yes=_("Discard"), no=_("Keep scoring")
            ),
            answered,
        )


class HistoryScreen(BackHelpScreen):
    """Every score of one sub-goal with its answers, and the chart over time."""

    DEFAULT_CSS = """
    HistoryScreen #history-title { padding: 0 1; background: $boost; }
    HistoryScreen #chart { padding: 0 2; height: auto; }
    HistoryScreen #scores { height: 1fr; min-height: 4; }
    HistoryScreen #score-detail { height: auto; max-height: 5; padding: 0 1;
                                  border-top: solid $primary-background-lighten-2; }
    """
    HELP_TITLE = _("Sub-goal history")
    BINDINGS = keys.bindings("subgoal_history")

    def __init__(self, sub_goal_id: int, title: str) -> None:
        super().__init__()
        self.sub_goal_id = sub_goal_id
        self.goal_title = title
        self.history: list = []  # newest first, as in the table

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="history-title")
        yield Static(id="chart")
        yield DataTable(id="scores", cursor_type="row", zebra_stripes=True)
        yield Static(id="score-detail")  # the answers whole, however narrow the table
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns(
            _("Date"),
            _("Citizen"),
            _("Mentor"),
            _("What it takes"),
            _("Can do myself"),
            _("Help needed, from whom"),
        )
        self.load()
        self.query_one(DataTable).focus()

    @safely
    def load(self, select_id: int | None = None) -> None:
        history = alliance.score_history(self.sub_goal_id)
        trend = alliance.trend([s.citizen_score for s in history])
        summary = ""
        if trend.count:
            summary = ngettext(
                " · {n} score: {latest}", " · {n} scores, from {first} to {latest}", trend.count
            ).format(n=trend.count, first=trend.first, latest=trend.latest)
        self.query_one("#history-title", Static).update(
            f"[b]{escape(self.goal_title)}[/b]{summary}"
        )
        chart_width = max(20, min(80, self.app.size.width - 10))
        self.query_one("#chart", Static).update(
            history_chart([(s.scored_on, s.citizen_score) for s in history], chart_width)
        )
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        self.history = list(reversed(history))
        for s in self.history:
            table.add_row(
                show_date(s.scored_on),
                str(s.citizen_score),
                str(s.mentor_score),
                s.what_it_takes,
                s.own_actions,
                s.help_needed,
                key=str(s.id),
            )
        if select_id is not None:
            keep = next((i for i, s in enumerate(self.history) if s.id == select_id), keep)
        if self.history:
            table.move_cursor(row=max(0, min(keep, len(self.history) - 1)))
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        score = self.current()
        box = self.query_one("#score-detail", Static)
        box.display = score is not None
        if score is None:
            return
        lines = [
            _("[b]{day}[/b] · citizen {citizen} + mentor {mentor}").format(
                day=show_date(score.scored_on),
                citizen=score.citizen_score,
                mentor=score.mentor_score,
            )
        ]
        for label, text in (
            (_("What it takes"), score.what_it_takes),
            (_("Can do myself"), score.own_actions),
            (_("Help needed, from whom"), score.help_needed),
        ):
            if text:
                lines.append(f"{label}: {escape(text)}")
        box.update("\n".join(lines))

    def current(self):
        """The score whose row has the cursor, or None."""
        if not self.history:
            return None
        return self.history[min(self.query_one(DataTable).cursor_row, len(self.history) - 1)]

    def action_edit(self) -> None:
        score = self.current()
        if score is None:
            self.notify(_("No score to correct yet."), severity="warning")
            return

        def corrected(saved: bool | None) -> None:
            if saved:
                self.load(select_id=score.id)
                self.notify(_("Score corrected."))

        self.app.push_screen(
            ScoringScreen(self.sub_goal_id, self.goal_title, self.app.today, score_id=score.id),
            corrected,
        )

    def action_delete(self) -> None:
        score = self.current()
        if score is None:
            return
        question = _(
            "Delete the score of {day} ({citizen} + {mentor})? Its answers go with it."
        ).format(
            day=show_date(score.scored_on), citizen=score.citizen_score, mentor=score.mentor_score
        )

        def delete() -> None:
            alliance.delete_score(score.id)
            self.load()

        confirm_then(self, question, delete, _("Score deleted."))


class SubGoalsScreen(CitizenRecordsScreen):
    """A citizen's sub-goals: active first in priority order, each with its scale."""

    DEFAULT_CSS = """
    SubGoalsScreen #goals-title { padding: 0 1; background: $boost; }
    SubGoalsScreen #goals { height: 1fr; }
    SubGoalsScreen #goals-empty { padding: 1 2; height: auto; }
    SubGoalsScreen #goal-detail { height: auto; max-height: 8; padding: 0 1;
                                  border-top: solid $primary-background-lighten-2; }
    """
    BINDINGS = keys.bindings("subgoals")

    HELP_TITLE = _("Sub-goals")

    TITLE_ID = "goals-title"
    TABLE_ID = "goals"
    BOXES = ("goals-empty", "goal-detail")

    # Below this width the list is narrow: the score as "3+7", the last six
    # scores of the trend, no status date (the detail pane has it). The number,
    # the status and a passed target (red) stay; the title takes what is left.
    NARROW_BELOW = 100

    def on_mount(self) -> None:
        self.narrow: bool | None = None
        self.load()

    def on_resize(self) -> None:
        if self.narrow is not None and self.narrow != self._is_narrow():
            self.load()

    def _is_narrow(self) -> bool:
        return self.app.size.width < self.NARROW_BELOW

    def _columns(self, table: DataTable) -> None:
        narrow = self._is_narrow()
        if narrow == self.narrow:
            return
        self.narrow = narrow
        table.clear(columns=True)
        table.add_columns(
            _("#"),
            _("Sub-goal"),
            _("Score") if narrow else _("Citizen + mentor"),
            _("Trend"),
            _("Scored") if narrow else _("Last scored"),
            _("Target"),
            _("Status"),
        )

    def _title_room(self, table: DataTable, cells: list[list]) -> int:
        """The width left for the title: the other columns take what they need
        (each with a cell's padding of 2), the scroll bar 2."""
        headers = [column.label for column in table.columns.values()]
        others = sum(
            max((Text(c) if isinstance(c, str) else c).cell_len for c in (headers[i], *column)) + 2
            for i, column in enumerate(zip(*cells, strict=True))
            if i != 1
        )
        return max(16, self.app.size.width - others - 2)

    @safely
    def load(self) -> None:
        today = self.app.today
        self.rows = alliance.sub_goal_rows(self.citizen_id, today=today)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        self._columns(table)
        narrow = self.narrow
        table.clear()
        cells = []
        for row in self.rows:
            target = show_date(row.target_date)
            target_cell = Text(target, style="bold red") if row.target_passed else Text(target)
            if row.days_since_scored is None:
                since = ""
            elif row.days_since_scored == 0:
                since = _("today")
            elif narrow:
                since = _("{d} d").format(d=row.days_since_scored)
            else:
                since = _("{d} d ago").format(d=row.days_since_scored)
            status = status_cell(row.status)
            if row.status != "active" and row.status_date and not narrow:
                status.append(f" {show_date(row.status_date)}")
            cells.append(
                [
                    str(row.priority) if row.status == "active" else "",
                    row.title,
                    _bar(row.latest_score, compact=narrow),
                    sparkline(row.history[-6:] if narrow else row.history),
                    since,
                    target_cell,
                    status,
                ]
            )
        if cells:
            # At any width the status stays in sight. Where the titles do not
            # fit, first the status dates go (the detail pane has them), then a
            # long title is cut to what is left (whole in the detail pane).
            room = self._title_room(table, cells)
            if room < max(len(line[1]) for line in cells):
                for line, row in zip(cells, self.rows, strict=True):
                    line[6] = status_cell(row.status)
                room = self._title_room(table, cells)
            for line in cells:
                if len(line[1]) > room:
                    title = Text(line[1])
                    title.truncate(room, overflow="ellipsis")
                    line[1] = title
        for row, line in zip(self.rows, cells, strict=True):
            table.add_row(*line, key=str(row.id))
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        active = sum(1 for r in self.rows if r.status == "active")
        self.query_one("#goals-title", Static).update(
            _("[b]{name}[/b] · sub-goals ({active} active of {total})").format(
                name=escape(self.citizen_name), active=active, total=len(self.rows)
            )
        )
        self.query_one("#goals-empty", Static).update(
            ""
            if self.rows
            else _(
                "No sub-goals yet. Press [b]n[/b] to set the first one together with the citizen."
            )
        )
        table.display = bool(self.rows)
        self.show_detail()

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        self.show_detail()

    def show_detail(self) -> None:
        row = self.current()
        box = self.query_one("#goal-detail", Static)
        if row is None:
            box.update("")
            return
        lines = [f"[b]{escape(row.title)}[/b]"]
        if row.status != "active":
            status = SubGoalStatus(row.status).label
            if row.status_date:
                status += f" {show_date(row.status_date)}"
            lines.append(_("Status: {status}").format(status=status))
        if row.success_criterion:
            lines.append(_("Reached when: {text}").format(text=escape(row.success_criterion)))
        if row.own_actions:
            lines.append(_("Next step (citizen): {text}").format(text=escape(row.own_actions)))
        if row.help_needed:
            lines.append(_("Help (from whom): {text}").format(text=escape(row.help_needed)))
        if row.status_note:
            lines.append(_("Note: {text}").format(text=escape(row.status_note)))
        box.update("\n".join(lines))

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_history()

    def action_score(self) -> None:
        row = self.current()
        if row is None:
            self.notify(_("Create a sub-goal first (n)."), severity="warning")
            return
        if row.status != "active":
            self.notify(
                _("Only an active sub-goal is scored. Make it active again with t."),
                severity="warning",
            )
            return
        self.app.push_screen(
            ScoringScreen(row.id, row.title, self.app.today),
            lambda saved: saved and self.notify(_("Score saved.")),
        )

    def action_new(self) -> None:
        self.app.push_screen(
            SubGoalForm(self.citizen_id), lambda made: made and self.notify(_("Sub-goal created."))
        )

    def action_edit(self) -> None:
        row = self.current()
        if row is not None:
            self.app.push_screen(SubGoalForm(self.citizen_id, row.id))

    def action_history(self) -> None:
        row = self.current()
        if row is not None:
            self.app.push_screen(HistoryScreen(row.id, row.title))

    def action_status(self) -> None:
        row = self.current()
        if row is not None:
            self.app.push_screen(StatusForm(row.id, row.status, self.app.today))

    @safely
    def action_move(self, step: int) -> None:
        row = self.current()
        if row is None or row.status != "active":
            return
        alliance.move_priority(row.id, step)
        self.load()
        for index, moved in enumerate(self.rows):
            if moved.id == row.id:
                self.query_one(DataTable).move_cursor(row=index)

    def action_present(self) -> None:
        self.app.push_screen(PresentationScreen(self.citizen_id))


class PresentationScreen(Screen):
    """A calm view for the citizen: their own goals, scores and next steps only."""

    DEFAULT_CSS = """
    PresentationScreen { background: $surface; }
    PresentationScreen VerticalScroll { padding: 1 4; }
    PresentationScreen #present-title { text-style: bold; padding-bottom: 1; }
    PresentationScreen .goal { padding: 0 2; margin-bottom: 1; border: round $primary; }
    PresentationScreen #present-next { padding: 1 2; }
    PresentationScreen #present-keys { color: $text-muted; dock: bottom; padding: 0 1; }
    """
    AUTO_FOCUS = "VerticalScroll"  # arrows and page keys scroll a long list of goals
    BINDINGS = keys.bindings("presentation")

    def __init__(self, citizen_id: int) -> None:
        super().__init__()
        self.citizen_id = citizen_id

    def compose(self) -> ComposeResult:
        view = alliance.presentation(self.citizen_id, today=self.app.today)
        with VerticalScroll():
            yield Static(
                _("Your goals, {name}").format(name=escape(view.first_name)), id="present-title"
            )
            if not view.goals:
                yield Static(_("No goals yet: we set the first one together."), classes="goal")
            for goal in view.goals:
                lines = [f"[b]{escape(goal.title)}[/b]"]
                if goal.description:
                    lines.append(escape(goal.description))
                if goal.latest_score is not None:
                    line = _("You are at [b]{now}[/b] of 10").format(now=goal.latest_score)
                    if goal.first_score is not None and goal.score_count > 1:
                        change = goal.latest_score - goal.first_score
                        if change > 0:
                            line += _(" · up {n} since you started at {first}").format(
                                n=change, first=goal.first_score
                            )
                        elif change == 0:
                            line += _(" · the same as when you started")
                        else:
                            line += _(" · you started at {first}").format(first=goal.first_score)
                    lines.append(line)
                    lines.append(_big_small(goal.latest_score))
                if goal.next_step:
                    lines.append(_("Your next step: {text}").format(text=escape(goal.next_step)))
                if goal.help_promised:
                    lines.append(_("Help you get: {text}").format(text=escape(goal.help_promised)))
                yield Static("\n".join(lines), classes="goal")
            if view.next_meeting is not None:
                yield Static(
                    _("We meet again: [b]{when}[/b]").format(
                        when=view.next_meeting.strftime("%d-%m-%Y %H:%M")
                    ),
                    id="present-next",
                )
        yield Static(_("↑ ↓ scroll · escape: back"), id="present-keys")

    def action_back(self) -> None:
        self.app.pop_screen()


def _big_small(score: int) -> str:
    return f"[green]{'█' * (score * 3)}[/][blue]{'░' * ((10 - score) * 3)}[/]"
