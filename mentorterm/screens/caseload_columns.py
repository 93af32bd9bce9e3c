"""The caseload's columns: what each shows, how it sorts, how it gives way when narrow."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import NamedTuple

from rich.text import Text

from ..domain.caseload import CaseloadRow, CourseFilter
from ..enums import CourseOutcome, CoursePurpose
from ..format import show_date, show_hours, show_percent
from ..i18n import _, pgettext
from ..widgets.columns import Col

_LAST = (1, 0)  # sorts empty values after real ones


def _by(value: Callable[[CaseloadRow], object]) -> Callable[[CaseloadRow], tuple]:
    def key(row: CaseloadRow) -> tuple:
        found = value(row)
        return _LAST if found is None else (0, found)

    return key


class Column(NamedTuple):  # made at import: a NamedTuple (keys/model.py)
    key: str
    label: str
    sort: Callable[[CaseloadRow], tuple]
    fit: Col  # how it gives way in a narrow terminal (columns.py)


def _column(
    key: str,
    label: str,
    sort: Callable[[CaseloadRow], tuple],
    width: int,
    short: str = "",
    min_width: int = 0,
    drop: int | None = None,
    flex: bool = False,
) -> Column:
    return Column(key, label, sort, Col(key, label, width, min_width, short, drop, flex))


# Essential at 80 columns (drop=None): name, week, last met, next meeting,
# attendance and open agreements, the two red signals among them. The others
# give way in their drop order: weeks left, then the placement, then the purpose.
COLUMNS = [
    _column("name", _("Citizen"), _by(lambda r: r.name.casefold()), 28, min_width=12, flex=True),
    _column(
        "purpose", _("Purpose"), _by(lambda r: r.purpose), 24, _("Purp."), 9, drop=3, flex=True
    ),
    _column("week", _("Week"), _by(lambda r: r.week_of_course), 5, _("Wk")),
    _column("left", _("Wks left"), _by(lambda r: r.weeks_left), 3, _("Left"), drop=1),
    _column("since", _("Last met"), _by(lambda r: r.days_since_meeting), 6, _("Met")),
    _column("next", _("Next meeting"), _by(lambda r: r.next_meeting), 10, _("Next")),
    _column("attendance", _("Att. 14 d"), _by(lambda r: r.attendance_rate), 5, _("Att.")),
    _column(
        "items",
        pgettext("column: open agreements", "Open"),
        _by(lambda r: r.open_action_items),
        3,
        _("Op."),
    ),
    _column(
        "placement",
        _("Placement"),
        _by(lambda r: (r.workplace or "").casefold() or None),
        40,
        _("Placem."),
        12,
        drop=2,
        flex=True,
    ),
]
#: Room beside each header for the sort arrow.
SORT_MARK = 2

VIEW_LABELS = {
    CourseFilter.ACTIVE: _("Active courses"),
    CourseFilter.ENDED: _("Ended courses"),
    CourseFilter.ALL: _("All citizens"),
}
NEXT_VIEW = {
    CourseFilter.ACTIVE: CourseFilter.ENDED,
    CourseFilter.ENDED: CourseFilter.ALL,
    CourseFilter.ALL: CourseFilter.ACTIVE,
}


def cells(row: CaseloadRow) -> tuple:
    week = row.week_of_course
    since = row.days_since_meeting
    since_cell = Text("–" if since is None else _("{days} d").format(days=since))
    if row.course_ended_on is None and row.archived_on is None and row.meeting_overdue:
        since_cell.stylize("bold red")
    rate = row.attendance_rate
    rate_cell = Text(show_percent(rate))
    if rate is not None and rate < 0.75:
        rate_cell.stylize("bold red")
    if row.archived_on is not None:
        purpose = _("Archived {date}").format(date=show_date(row.archived_on))
    elif row.course_ended_on is not None:
        purpose = _("Ended: {outcome}").format(
            outcome=CourseOutcome(row.outcome).label if row.outcome else ""
        )
    else:
        purpose = CoursePurpose(row.purpose).short_label if row.purpose else _("(no course)")
    placement = ""
    if row.workplace:
        hours = show_hours(row.hours_per_week)
        placement = (
            _("{workplace} · {hours} h").format(workplace=row.workplace, hours=hours)
            if hours
            else row.workplace
        )
    return (
        row.name,
        purpose,
        f"{week[0]}/{week[1]}" if week else "",
        "" if row.weeks_left is None else str(row.weeks_left),
        since_cell,
        show_date(row.next_meeting),
        rate_cell,
        str(row.open_action_items) if row.open_action_items else "",
        placement,
    )


def matches(row: CaseloadRow, needle: str) -> bool:
    """Filter as you type: name, workplace or caseworker contains the text."""
    return any(
        needle in (value or "").casefold()
        for value in (row.name, row.workplace, row.caseworker_name)
    )


def searched_text(row: CaseloadRow) -> str:
    """What the filter looks in, made once per row: ``needle in`` it is ``matches``."""
    return "\n".join(
        (value or "").casefold() for value in (row.name, row.workplace, row.caseworker_name)
    )


class Narrowing:
    """The filter's matches, kept: a needle that contains the last one (the
    next character typed) is looked for only among the last one's matches,
    so each keystroke narrows instead of searching every row anew."""

    def __init__(self) -> None:
        self._last: tuple[object, str, list[int]] = (None, "", [])

    def forget(self) -> None:
        self._last = (None, "", [])

    def matching(self, order: object, searched: list[str], needle: str) -> list[int]:
        """Indexes of ``searched`` (the rows' ``searched_text``, sorted as
        ``order`` says) that contain ``needle``."""
        last_order, last_needle, last = self._last
        if last_order == order and last_needle and last_needle in needle:
            candidates: Iterable[int] = last
        else:
            candidates = range(len(searched))
        found = [i for i in candidates if needle in searched[i]]
        self._last = (order, needle, found)
        return found
