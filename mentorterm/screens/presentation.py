"""Presentation mode: the citizen's sub-goals, large, for the citizen to read."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from .. import keys
from ..domain import subgoals as alliance
from ..format import show_datetime
from ..i18n import _
from ..widgets.markup import escape

# Each status with its own sign and colour: achieved and dropped never look alike.


class PresentationScreen(Screen):
    """A calm view for the citizen: their own goals, scores and next steps only."""

    CSS_PATH = "presentation.tcss"
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
                    _("We meet again: [b]{when}[/b]").format(when=show_datetime(view.next_meeting)),
                    id="present-next",
                )
        yield Static(_("↑ ↓ scroll · escape: back"), id="present-keys")

    def action_back(self) -> None:
        self.app.pop_screen()


def _big_small(score: int) -> str:
    return f"[green]{'█' * (score * 3)}[/][blue]{'░' * ((10 - score) * 3)}[/]"
