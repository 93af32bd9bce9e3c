"""The report's section of sub-goals with their scores (a chart per sub-goal on paper)."""

from __future__ import annotations

from ...documents import Block, Chart, Column, Facts, Heading, Table, Text
from ...format import show_date
from ...i18n import _
from .facts import SubGoalProgress
from .model import ProgressionReport
from .wording import score_line, status

#: On paper a longer series is shown by its chart alone.
_PAPER_ROWS = 12


def _goal(goal: SubGoalProgress) -> list[Block]:
    facts = [(_("Status"), status(goal)), (_("Scores"), score_line(goal))]
    if goal.success_criterion:
        facts.insert(0, (_("Success criterion"), goal.success_criterion))
    blocks: list[Block] = [Heading(goal.title, level=2), Facts(facts, label_width=36)]
    if not goal.scores:
        return blocks
    chart = Chart(
        [(s.scored_on, s.citizen_score) for s in goal.scores],
        series=_("Citizen's score"),
        complement=_("Mentor's part (10 − score)"),
    )
    columns = (
        Column(_("Date"), width=30),
        Column(_("Citizen"), align="right", width=20),
        Column(_("Mentor"), align="right", width=20),
    )
    rows = [
        [show_date(s.scored_on), str(s.citizen_score), str(s.mentor_score)] for s in goal.scores
    ]
    return [*blocks, chart, Table(columns, rows, paper_rows=_PAPER_ROWS)]


def sub_goal_section(report: ProgressionReport) -> list[Block]:
    blocks: list[Block] = [
        Heading(_("Sub-goals and scores")),
        Text(
            _(
                "The citizen scores how able they are to reach each sub-goal (1–10); "
                "the mentor's part of the help is 10 minus that score."
            ),
            muted=True,
        ),
    ]
    if not report.sub_goals:
        blocks.append(Text(_("No sub-goal in this period."), muted=True))
    for goal in report.sub_goals:
        blocks += _goal(goal)
    return blocks
