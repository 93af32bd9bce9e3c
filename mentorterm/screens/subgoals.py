"""Sub-goals on the asymmetric-alliance scale: the list, scoring, history, life cycle."""

from __future__ import annotations

from datetime import date

from rich.markup import escape
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Header, Input, Static, TextArea

from ..domain import subgoals as alliance
from ..domain.errors import user_message
from ..enums import SubGoalStatus
from ..format import show_date
from ..i18n import _
from ..schemas import AllianceScoreIn, SubGoalIn, SubGoalStatusIn, friendly_errors
from .forms import ConfirmScreen, FieldSpec, FormScreen
from .guard import safely
from .lists import BACK_AND_HELP, BackHelpScreen, CitizenRecordsScreen
from .scale import big_scale, history_chart, sparkline


def _bar(score: int | None) -> Text:
    if score is None:
        return Text(_("not scored"), style="dim")
    text = Text()
    text.append("█" * score, style="green")
    text.append("░" * (10 - score), style="blue")
    text.append(f" {score}+{10 - score}")
    return text


class SubGoalForm(FormScreen[int]):
    TITLE = _("New sub-goal")
    MODEL = SubGoalIn
    FIELDS = [
        FieldSpec("title", _("Sub-goal"), required=True,
                  hint=_("Small and concrete: 'Come on time two days a week for a month'.")),
        FieldSpec("success_criterion", _("We know it is reached when"), "area",
                  hint=_("Something you could check together.")),
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
        FieldSpec("status", _("Status"), "select", options=SubGoalStatus.choices(),
                  required=True),
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
    ScoringScreen > Vertical {
        width: 80; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    ScoringScreen #score-title { text-style: bold; padding: 1 0 0 0; }
    ScoringScreen #scale { padding: 1 0; }
    ScoringScreen #questions { height: auto; max-height: 1fr; display: none; }
    ScoringScreen.answering #questions { display: block; }
    ScoringScreen .question { text-style: bold; margin-top: 1; }
    ScoringScreen .previous { color: $text-muted; text-style: italic; }
    ScoringScreen TextArea { height: 3; border: none; background: $panel; }
    ScoringScreen TextArea:focus { border: none; background: $primary 40%; }
    ScoringScreen Input { border: none; height: 1; padding: 0 1; background: $panel; width: 20; }
    ScoringScreen Input:focus { border: none; background: $primary 40%; }
    ScoringScreen #score-keys { color: $text-muted; padding-bottom: 1; }
    ScoringScreen #score-error { color: $error; }
    """
    BINDINGS = [
        Binding("left,down", "change(-1)", _("Lower"), show=False),
        Binding("right,up", "change(1)", _("Higher"), show=False),
        Binding("enter", "questions", _("Go on to the questions"), show=False),
        Binding("ctrl+s", "save", _("Save"), priority=True),
        Binding("escape", "cancel", _("Cancel")),
        *[Binding(str(d), f"pick({d or 10})", "", show=False) for d in range(10)],
    ]

    def __init__(self, sub_goal_id: int, title: str, today: date) -> None:
        super().__init__()
        self.sub_goal_id = sub_goal_id
        self.goal_title = title
        self.today = today
        # The reference is the last conversation before today's.
        self.previous = alliance.previous_answers(sub_goal_id, before=today)
        self.score = self.previous.citizen_score if self.previous else 5
        self.touched = False

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Static(escape(self.goal_title), id="score-title")
            yield Static(id="score-keys")
            yield Static(id="scale")
            yield Static(id="score-error")
            with VerticalScroll(id="questions"):
                yield Static(_("Date of the conversation"), classes="question")
                yield Input(show_date(self.today), id="q-date", placeholder=_("DD-MM-YYYY"))
                for name, question in (
                    ("what_it_takes", _("What does it take?")),
                    ("own_actions", _("What can you do yourself?")),
                    ("help_needed", _("What help is needed, and from whom?")),
                ):
                    yield Static(question, classes="question")
                    earlier = getattr(self.previous, name, "") if self.previous else ""
                    if earlier:
                        yield Static(_("Last time ({date}): {text}").format(
                            date=show_date(self.previous.scored_on), text=escape(earlier)),
                            classes="previous")
                    yield TextArea(id=f"q-{name}", soft_wrap=True)

    def on_mount(self) -> None:
        self.draw()

    def draw(self) -> None:
        where = _("Where are you on the scale? 1 = far from it, 10 = can do it alone.")
        if self.previous:
            where += "\n" + _("Last time ({date}): {score}").format(
                date=show_date(self.previous.scored_on), score=self.previous.citizen_score)
        self.query_one("#scale", Static).update(f"{where}\n\n{big_scale(self.score)}")
        if self.has_class("answering"):
            keys = _("[b]ctrl+s[/b] save · [b]tab[/b] next field · [b]escape[/b] cancel")
        else:
            keys = _("[b]1[/b]-[b]9[/b], [b]0[/b] = 10 or [b]← →[/b] choose · [b]enter[/b] "
                     "the questions · [b]ctrl+s[/b] save · [b]escape[/b] cancel")
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
        return {name: self.query_one(f"#q-{name}", TextArea).text
                for name in ("what_it_takes", "own_actions", "help_needed")}

    def action_save(self, replace: bool = False) -> None:
        from pydantic import ValidationError

        try:
            day = self.query_one("#q-date", Input).value if self.has_class("answering") \
                else self.today
            data = AllianceScoreIn(scored_on=day, citizen_score=self.score, **self.answers())
        except ValidationError as exc:
            self.query_one("#score-error", Static).update(
                "\n".join(friendly_errors(exc).values()))
            return
        try:
            alliance.score_sub_goal(self.sub_goal_id, data, replace=replace)
        except alliance.SameDayScore as same:
            question = _("This sub-goal was already scored on {day} ({score}). "
                         "Replace that score with {new}?").format(
                day=show_date(data.scored_on), score=same.existing_score, new=self.score)

            def answered(yes: bool | None) -> None:
                if yes:
                    self.action_save(replace=True)

            self.app.push_screen(ConfirmScreen(question, yes=_("Replace"), no=_("Keep it")),
                                 answered)
            return
        except Exception as exc:
            message = user_message(exc)
            if message is None:
                raise
            self.query_one("#score-error", Static).update(message)
            return
        self.dismiss(True)

    def action_cancel(self) -> None:
        if not self.touched and not any(self.answers().values()):
            self.dismiss(False)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(False)

        self.app.push_screen(ConfirmScreen(_("Throw away this score and the answers?"),
                                           yes=_("Discard"), no=_("Keep scoring")), answered)


class HistoryScreen(BackHelpScreen):
    """Every score of one sub-goal with its answers, and the chart over time."""

    DEFAULT_CSS = """
    HistoryScreen #history-title { padding: 0 1; background: $boost; }
    HistoryScreen #chart { padding: 1 2; height: auto; }
    HistoryScreen #scores { height: 1fr; }
    """
    HELP_TITLE = _("Sub-goal history")
    BINDINGS = [
        *BACK_AND_HELP,
    ]

    def __init__(self, sub_goal_id: int, title: str) -> None:
        super().__init__()
        self.sub_goal_id = sub_goal_id
        self.goal_title = title

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="history-title")
        yield Static(id="chart")
        yield DataTable(id="scores", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        history = alliance.score_history(self.sub_goal_id)
        trend = alliance.trend([s.citizen_score for s in history])
        summary = ""
        if trend.count:
            summary = _(" · {n} scores, from {first} to {latest}").format(
                n=trend.count, first=trend.first, latest=trend.latest)
        self.query_one("#history-title", Static).update(
            f"[b]{escape(self.goal_title)}[/b]{summary}")
        chart_width = max(20, min(80, self.app.size.width - 10))
        self.query_one("#chart", Static).update(
            history_chart([(s.scored_on, s.citizen_score) for s in history], chart_width))
        table = self.query_one(DataTable)
        table.add_columns(_("Date"), _("Citizen"), _("Mentor"), _("What it takes"),
                          _("Can do myself"), _("Help needed, from whom"))
        for s in reversed(history):
            table.add_row(show_date(s.scored_on), str(s.citizen_score), str(s.mentor_score),
                          s.what_it_takes, s.own_actions, s.help_needed)
        table.focus()


class SubGoalsScreen(CitizenRecordsScreen):
    """A citizen's sub-goals: active first in priority order, each with its scale."""

    DEFAULT_CSS = """
    SubGoalsScreen #goals-title { padding: 0 1; background: $boost; }
    SubGoalsScreen #goals { height: 1fr; }
    SubGoalsScreen #goals-empty { padding: 1 2; height: auto; }
    SubGoalsScreen #goal-detail { height: auto; max-height: 8; padding: 0 1;
                                  border-top: solid $primary-background-lighten-2; }
    """
    BINDINGS = [
        Binding("s", "score", _("Score")),
        Binding("n", "new", _("New sub-goal")),
        Binding("e", "edit", _("Edit"), show=False),
        Binding("enter", "history", _("History")),
        Binding("t", "status", _("Achieved/paused/…"), show=False),
        Binding("p", "present", _("Show the citizen")),
        Binding("K", "move(-1)", _("Move up"), show=False),
        Binding("J", "move(1)", _("Move down"), show=False),
        *BACK_AND_HELP,
    ]

    HELP_TITLE = _("Sub-goals")

    TITLE_ID = "goals-title"
    TABLE_ID = "goals"
    BOXES = ('goals-empty', 'goal-detail')

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("#"), _("Sub-goal"), _("Citizen + mentor"), _("Trend"),
                          _("Last scored"), _("Target"), _("Status"))
        self.load()


    @safely
    def load(self) -> None:
        today = self.app.today
        self.rows = alliance.sub_goal_rows(self.citizen_id, today=today)
        table = self.query_one(DataTable)
        keep = table.cursor_row
        table.clear()
        for row in self.rows:
            target = show_date(row.target_date)
            target_cell = Text(target, style="bold red") if row.target_passed else Text(target)
            if row.days_since_scored is None:
                since = ""
            elif row.days_since_scored == 0:
                since = _("today")
            else:
                since = _("{d} d ago").format(d=row.days_since_scored)
            status = SubGoalStatus(row.status).label
            if row.status != "active" and row.status_date:
                status += f" {show_date(row.status_date)}"
            table.add_row(str(row.priority) if row.status == "active" else "",
                          row.title, _bar(row.latest_score), sparkline(row.history),
                          since, target_cell, status, key=str(row.id))
        if self.rows:
            table.move_cursor(row=min(keep, len(self.rows) - 1))
        active = sum(1 for r in self.rows if r.status == "active")
        self.query_one("#goals-title", Static).update(
            _("[b]{name}[/b] · sub-goals ({active} active of {total})").format(
                name=escape(self.citizen_name), active=active, total=len(self.rows)))
        self.query_one("#goals-empty", Static).update(
            "" if self.rows else _("No sub-goals yet. Press [b]n[/b] to set the first one "
                                   "together with the citizen."))
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
            self.notify(_("Only an active sub-goal is scored. Make it active again with t."),
                        severity="warning")
            return
        self.app.push_screen(ScoringScreen(row.id, row.title, self.app.today),
                             lambda saved: saved and self.notify(_("Score saved.")))

    def action_new(self) -> None:
        self.app.push_screen(SubGoalForm(self.citizen_id),
                             lambda made: made and self.notify(_("Sub-goal created.")))

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
    BINDINGS = [Binding("escape", "back", _("Back"))]

    def __init__(self, citizen_id: int) -> None:
        super().__init__()
        self.citizen_id = citizen_id

    def compose(self) -> ComposeResult:
        view = alliance.presentation(self.citizen_id, today=self.app.today)
        with VerticalScroll():
            yield Static(_("Your goals, {name}").format(name=escape(view.first_name)),
                         id="present-title")
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
                                n=change, first=goal.first_score)
                        elif change == 0:
                            line += _(" · the same as when you started")
                        else:
                            line += _(" · you started at {first}").format(first=goal.first_score)
                    lines.append(line)
                    lines.append(_big_small(goal.latest_score))
                if goal.next_step:
                    lines.append(_("Your next step: {text}").format(text=escape(goal.next_step)))
                if goal.help_promised:
                    lines.append(_("Help you get: {text}").format(
                        text=escape(goal.help_promised)))
                yield Static("\n".join(lines), classes="goal")
            if view.next_meeting is not None:
                yield Static(_("We meet again: [b]{when}[/b]").format(
                    when=view.next_meeting.strftime("%d-%m-%Y %H:%M")), id="present-next")
        yield Static(_("↑ ↓ scroll · escape: back"), id="present-keys")

    def action_back(self) -> None:
        self.app.pop_screen()


def _big_small(score: int) -> str:
    return f"[green]{'█' * (score * 3)}[/][blue]{'░' * ((10 - score) * 3)}[/]"
