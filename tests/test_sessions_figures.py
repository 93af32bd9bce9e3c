"""The year's figures count group sessions apart from the logbook days:
called, attended, absent without notice, hours; each cell lists the courses
it counted; a session counts for the course running that day only."""

from __future__ import annotations

from datetime import date

import pytest

from mentorterm.domain import courses, sessions
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.figures import year_figures
from mentorterm.models import SessionParticipant
from mentorterm.schemas import CitizenIn, CourseIn
from mentorterm.schemas.sessions import GroupSessionIn

pytestmark = pytest.mark.both_engines


def on_course(name: str, start: str) -> tuple[int, int]:
    cid = create_citizen(CitizenIn(name=name))
    course = courses.start_course(
        cid,
        CourseIn(
            referral_date="01-01-2026",
            start_date=start,
            planned_end="30-12-2026",
            purpose="ordinary_job",
        ),
    )
    return cid, course


def test_sessions_are_their_own_figures(database):
    ali, ali_course = on_course("Ali", "05-01-2026")
    bo, bo_course = on_course("Bo", "01-06-2026")
    marks = {
        ("02-03-2026", 3): {ali: ("present", None), bo: ("present", None)},  # before Bo's course
        ("04-06-2026", 2): {ali: ("left_for_conversation", 0.5), bo: ("absent_without_notice", None)},
        ("08-06-2026", 2): {ali: ("sick", None), bo: ("present", None)},
        ("10-06-2026", 2): {ali: (None, None), bo: ("present", None)},  # Ali never called
    }  # fmt: skip
    for (day, hours), who in marks.items():
        sid = sessions.create_session(GroupSessionIn(title="Hold", day=day, hours=hours))
        for cid, (mark, attended) in who.items():
            sessions.add_participant(sid, cid)
            if mark:
                pid = SessionParticipant.get(
                    (SessionParticipant.session == sid) & (SessionParticipant.citizen == cid)
                ).id
                sessions.mark(pid, mark, attended)
    cancelled = sessions.create_session(GroupSessionIn(title="Aflyst", day="12-06-2026"))
    sessions.add_participant(cancelled, ali)
    sessions.mark(SessionParticipant.get(SessionParticipant.session == cancelled).id, "present")
    sessions.set_cancelled(cancelled)
    result = year_figures(date(2026, 1, 1), date(2026, 12, 31), today=date(2026, 12, 31))
    rows = {r.key: r.cells[0] for r in result.table.rows}
    # Ali: 3 called (2 Mar, 4 Jun, 8 Jun); Bo: 3 on his course (4, 8, 10 Jun), 2 Mar before it.
    assert rows["sessions_called"].value == 6
    assert rows["sessions_attended"].value == 4  # Ali 2 Mar + 4 Jun, Bo 8 + 10 Jun
    assert rows["sessions_attended"].share == pytest.approx(4 / 6)
    assert rows["sessions_without_notice"].value == 1
    assert rows["sessions_without_notice"].courses == (bo_course,)
    assert rows["sessions_hours"].value == 3 + 0.5 + 2 + 2
    assert rows["sessions_called"].courses == tuple(sorted((ali_course, bo_course)))
    # The logbook's own figures are untouched by them.
    assert rows["days_logged"].value == 0
