"""Drawing the asymmetric alliance: the two-part scale, sparklines, the history chart."""

from __future__ import annotations

from datetime import date

from ..format import show_date
from ..i18n import _

SPARKS = "▁▂▃▄▅▆▇█"


def sparkline(scores: list[int]) -> str:
    """Scores 1-10 as a row of block characters, oldest first."""
    return "".join(SPARKS[min(7, max(0, round((s - 1) * 7 / 9)))] for s in scores)


def big_scale(citizen_score: int) -> str:
    """The scale as the citizen sees it while scoring: ten wide cells, two parts.

    The citizen's part (green, left) and the mentor's part (blue, right)
    always fill the ten cells together.
    """
    mentor = 10 - citizen_score
    numbers = "".join(
        f"[b reverse]{n:^5}[/]" if n == citizen_score else f"{n:^5}" for n in range(1, 11)
    )
    bar = f"[green]{'█████' * citizen_score}[/]" + f"[blue]{'░░░░░' * mentor}[/]"
    legend = _("[b green]You: {c}[/]      [b blue]Mentor: {m}[/]      {c} + {m} = 10").format(
        c=citizen_score, m=mentor
    )
    return f"{numbers}\n{bar}\n{bar}\n\n{legend}"


def small_scale(citizen_score: int) -> str:
    """The scale in one line, while the questions are answered (they need the room)."""
    mentor = 10 - citizen_score
    bar = f"[green]{'██' * citizen_score}[/][blue]{'░░' * mentor}[/]"
    return _("[b green]You: {c}[/] {bar} [b blue]Mentor: {m}[/]   {c} + {m} = 10").format(
        c=citizen_score, m=mentor, bar=bar
    )


def history_chart(points: list[tuple[date, int]], width: int = 60) -> str:
    """Scores over time: one row per score value 10..1, dates along the bottom."""
    if not points:
        return _("[dim]No scores yet.[/]")
    first, last = points[0][0], points[-1][0]
    span = max(1, (last - first).days)
    columns: dict[int, int] = {}
    for day, score in points:
        columns[round((day - first).days * (width - 1) / span)] = score
    lines = []
    for value in range(10, 0, -1):
        row = "".join(
            "●" if columns.get(x) == value else ("·" if value == 1 else " ") for x in range(width)
        )
        lines.append(f"{value:>2} │{row}")
    lines.append("   └" + "─" * width)
    left, right = show_date(first), show_date(last)
    lines.append("    " + left + " " * max(1, width - len(left) - len(right)) + right)
    return "\n".join(lines)
