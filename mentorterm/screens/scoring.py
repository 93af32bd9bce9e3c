"""Scoring a sub-goal with the citizen on the asymmetric-alliance scale, then the questions."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea

from .. import keys
from ..domain import subgoals as alliance
from ..domain.errors import user_message
from ..format import show_date
from ..i18n import _
from ..schemas import AllianceScoreIn, friendly_errors
from ..widgets.confirm import ConfirmScreen, DiscardScreen
from ..widgets.markup import escape
from ..widgets.scale import big_scale, small_scale

# Each status with its own sign and colour: achieved and dropped never look alike.


class ScoringScreen(ModalScreen[bool]):
    """Scoring in the session, with the citizen looking at the screen.

    First the number: digits 1-9 and 0 for 10, or the arrow keys; the mentor's
    part follows live. Enter goes on to the three questions, with the last
    answers shown for reference; ctrl+s saves.
    """

    CSS_PATH = "scoring.tcss"
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
