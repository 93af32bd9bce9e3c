"""Group sessions in a citizen's attendance, apart from the placement's days:
the weekly review's attendance and no-notice signals, the progression
report's attendance section, the statistics' line."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentorterm.domain import courses, reports, sessions
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.review import SignalKind, review_queue
from mentorterm.domain.review.facts import CitizenFacts, SessionFacts
from mentorterm.domain.review.rules_sessions import (
    attendance_with_sessions,
    no_notice_with_sessions,
)
from mentorterm.domain.sessions.lines import citizen_line
from mentorterm.models import SessionParticipant
from mentorterm.schemas import CitizenIn, CourseIn, ReportTextsIn
from mentorterm.schemas.sessions import GroupSessionIn
from mentorterm.settings import ReviewThresholds

pytestmark = pytest.mark.both_engines

AS_OF = date(2026, 11, 20)


def on_course(name: str) -> int:
    cid = create_citizen(CitizenIn(name=name))
    courses.start_course(
        cid,
        CourseIn(
            referral_date="01-09-2026",
            start_date="01-10-2026",
            planned_end="01-04-2027",
            purpose="ordinary_job",
        ),
    )
    return cid


def called(cid: int, marks: list[tuple[date, str, float | None]], hours: float = 2) -> None:
    for day, mark, attended in marks:
        sid = sessions.create_session(GroupSessionIn(title="Hold", day=day, hours=hours))
        sessions.add_participant(sid, cid)
        pid = SessionParticipant.get(SessionParticipant.session == sid).id
        sessions.mark(pid, mark, attended)


def test_missed_sessions_raise_the_review_signals_as_their_own_part(database):
    cid = on_course("Ali Hassan")
    d = AS_OF - timedelta(days=1)
    called(
        cid,
        [
            (d, "absent_without_notice", None),
            (d - timedelta(days=2), "sick", None),
            (d - timedelta(days=4), "present", None),
            (d - timedelta(days=9), "absent_with_notice", None),
        ],
    )
    (entry,) = [e for e in review_queue(AS_OF) if e.citizen_id == cid]
    by_kind = {s.kind: s for s in entry.signals}
    att = by_kind[SignalKind.ATTENDANCE]
    assert att.text.startswith("Group sessions: 1 of 4 attended over the last 14 days, below 75 %")
    assert att.facts["sessions_called"] == 4 and att.facts["sessions_attended"] == 1
    no_notice = by_kind[SignalKind.NO_NOTICE_ABSENCE]
    assert no_notice.text == "Absent without notice from a group session: 19-11-2026"


def test_a_cancelled_session_and_one_not_called_count_for_nothing(database):
    cid = on_course("Bo Berg")
    d = AS_OF - timedelta(days=1)
    called(cid, [(d, "present", None), (d - timedelta(days=1), "present", None)])
    cancelled = sessions.create_session(GroupSessionIn(title="Hold", day=d - timedelta(days=3)))
    sessions.add_participant(cancelled, cid)
    pid = SessionParticipant.get(SessionParticipant.session == cancelled).id
    sessions.mark(pid, "absent_without_notice")
    sessions.set_cancelled(cancelled)
    later = sessions.create_session(GroupSessionIn(title="Hold", day=d - timedelta(days=5)))
    sessions.add_participant(later, cid)  # never called
    entries = [e for e in review_queue(AS_OF) if e.citizen_id == cid]
    kinds = {s.kind for e in entries for s in e.signals}
    assert SignalKind.ATTENDANCE not in kinds and SignalKind.NO_NOTICE_ABSENCE not in kinds
    assert citizen_line(cid, None, AS_OF) == "Group sessions: 2 of 2 attended, 4 hours"


def test_the_rules_on_facts_keep_the_logbook_first():
    t = ReviewThresholds()
    quiet = CitizenFacts(1, "A", sessions=SessionFacts(4, 4, 4, 4))
    assert attendance_with_sessions(quiet, AS_OF, t) is None
    fallen = CitizenFacts(1, "A", sessions=SessionFacts(4, 3, 4, 4))  # 100 % → 75 %: 25 points
    signal = attendance_with_sessions(fallen, AS_OF, t)
    assert signal.text == (
        "Group sessions: 3 of 4 attended over the last 14 days, down from 4 of 4 the 14 days before"
    )
    both = CitizenFacts(
        1, "A", no_notice=[date(2026, 11, 18)], sessions=SessionFacts(2, 1, 0, 0, (AS_OF,))
    )
    signal = no_notice_with_sessions(both, t)
    assert signal.text == (
        "Absent without notice on 18-11-2026; Absent without notice from a group session: "
        "20-11-2026"
    )
    assert signal.facts["session_days"] == ["2026-11-20"]


def test_the_report_and_the_statistics_show_the_sessions_apart(database):
    cid = on_course("Carla Dahl")
    called(
        cid,
        [
            (date(2026, 10, 5), "present", None),
            (date(2026, 10, 7), "left_for_conversation", 1.5),
            (date(2026, 10, 12), "sick", None),
            (date(2026, 10, 14), "present", None),
        ],
        hours=3,
    )
    report = reports.progression_report(
        cid, date(2026, 10, 1), date(2026, 10, 31), AS_OF, ReportTextsIn()
    )
    md = reports.render_markdown(report)
    section = md.split("## Attendance and stability", 1)[1]
    assert "No placement in this period, so no logbook." in section
    assert "Group sessions: 3 of 4 attended, 7,5 hours (sick 1, left for a conversation 1)" in (
        section
    )
    from mentorterm import i18n

    with i18n.speaking("da"):
        md = reports.render_markdown(report)
    assert "Holdundervisning: 3 af 4 med fremmøde, 7,5 timer" in md
