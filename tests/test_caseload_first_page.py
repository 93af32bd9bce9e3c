"""The caseload's first page (read at once, before the first frame) shows every
figure exactly as the whole list read a moment later by the worker does.

Many citizens with varied histories (courses ended, extended or none, placements
with hours steps, meetings held and planned, logbook days, agreements, archived
ones, two mentors, citizens without a summary row), several days: the page is
the first citizens by name, and each of its rows equals the whole list's row.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta

import pytest

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain.caseload import CaseloadRow, CourseFilter, caseload
from mentorterm.models import (
    ActionItem,
    Citizen,
    Course,
    CourseExtension,
    HoursStep,
    LogbookEntry,
    Meeting,
    Mentor,
    Placement,
)

TODAY = date(2026, 11, 20)
FIRST = ["Anna", "bo", "Carl", "Ørsted", "åse", "Dina", "emil", "Frida", "Aksel", "Bent"]
LAST = ["Hansen", "jensen", "Møller", "Ali", "Berg", "Holm"]


def seed(rng: random.Random, mentor: Mentor, other: Mentor, count: int) -> None:
    for number in range(count):
        name = f"{rng.choice(FIRST)} {rng.choice(LAST)} {number}"
        citizen = Citizen.create(
            mentor=other if number % 5 == 0 else mentor,
            name=name,
            archived_on=date(2026, 6, 1) if number % 11 == 3 else None,
        )
        start = TODAY - timedelta(days=rng.randint(10, 400))
        for index in range(rng.randint(0, 3)):
            ended = index < 2 and rng.random() < 0.6
            course = Course.create(
                citizen=citizen,
                referral_date=start - timedelta(days=10),
                start_date=start,
                planned_end=start + timedelta(days=rng.choice([91, 182, 273])),
                purpose=rng.choice(["flexjob", "ordinary_job", "education", "resource_course"]),
                end_date=start + timedelta(days=60) if ended else None,
                outcome="other_provider" if ended else None,
            )
            if rng.random() < 0.4:
                CourseExtension.create(
                    course=course,
                    decided_on=start + timedelta(days=30),
                    new_end=course.planned_end + timedelta(days=rng.choice([14, 91])),
                )
            start += timedelta(days=rng.randint(30, 120))
            for _ in range(rng.randint(0, 2)):
                begins = course.start_date + timedelta(days=rng.randint(0, 120))
                placement = Placement.create(
                    citizen=citizen,
                    course=course,
                    kind="company_internship",
                    workplace=rng.choice(["Netto", "Føtex", "Jysk", "Silvan"]),
                    start_date=begins,
                    end_date=begins + timedelta(days=40) if rng.random() < 0.5 else None,
                )
                for step in range(rng.randint(0, 2)):
                    HoursStep.create(
                        placement=placement,
                        from_date=begins + timedelta(days=20 * step + rng.choice([0, 30])),
                        hours_per_week=rng.choice([6, 8, 12.5, 20]),
                    )
                for day in range(rng.randint(0, 8)):
                    LogbookEntry.create(
                        placement=placement,
                        citizen=citizen,
                        entry_date=TODAY - timedelta(days=day * 2),
                        attendance=rng.choice(["present", "sick", "absent_with_notice"]),
                    )
        for _ in range(rng.randint(0, 3)):
            Meeting.create(
                citizen=citizen,
                mentor=mentor,
                starts_at=datetime.combine(TODAY, datetime.min.time())
                + timedelta(days=rng.randint(-60, 30), hours=10),
                kind="one_to_one",
                status=rng.choice(["held", "planned", "cancelled"]),
            )
        for _ in range(rng.randint(0, 2)):
            ActionItem.create(
                citizen=citizen,
                what="Ring til jobcentret",
                owner="mentor",
                done_on=TODAY if rng.random() < 0.5 else None,
            )
        if rng.random() < 0.2:  # a citizen the summary does not know (yet)
            storage.execute("DELETE FROM caseload_summary WHERE citizen_id = ?", (citizen.id,))


def ascii_lower(name: str) -> str:
    return "".join(ch.lower() if ch.isascii() else ch for ch in name)


@pytest.mark.parametrize("seed_value", [1, 2, 3])
def test_the_first_page_has_the_whole_lists_figures(tmp_path, seed_value):
    storage.open_database(tmp_path / "page.db")
    try:
        mentor = storage.ensure_default_mentor()
        other = Mentor.create(name="Another mentor")
        seed(random.Random(seed_value), mentor, other, 45)
        for today in [TODAY, TODAY - timedelta(days=45), TODAY + timedelta(days=20)]:
            for courses in CourseFilter:
                for mentor_id in [None, mentor.id]:
                    whole = caseload(mentor_id, today, courses)
                    by_id: dict[int, CaseloadRow] = {r.citizen_id: r for r in whole}
                    for limit in [1, 7, 40, 100]:
                        page = caseload(mentor_id, today, courses, limit=limit)
                        assert len(page) == min(limit, len(whole))
                        for row in page:  # every figure, the same
                            assert row == by_id[row.citizen_id], (today, courses, row.name)
                        # The first citizens by name, ASCII case-blind (SQLite's lower()).
                        names = sorted(ascii_lower(r.name) for r in whole)[: len(page)]
                        assert sorted(ascii_lower(r.name) for r in page) == names
    finally:
        storage.close_database()


async def test_the_screen_shows_the_same_cells_before_and_after_the_whole_list(
    tmp_path, monkeypatch
):
    import threading

    from mentorterm.screens import caseload_scope as reading
    from mentorterm.screens.caseload import FIRST_PAGE
    from mentorterm.widgets.caselist import CaseList

    path = tmp_path / "screen.db"
    storage.open_database(path)
    seed(random.Random(7), storage.ensure_default_mentor(), Mentor.create(name="B"), 80)
    storage.close_database()
    go = threading.Event()
    read = reading.caseload

    def held(*args, **kwargs):  # the whole list waits until the first page has been looked at
        if kwargs.get("limit") is None:
            go.wait(10)
        return read(*args, **kwargs)

    monkeypatch.setattr(reading, "caseload", held)
    app = make_app(path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        table = screen.query_one(CaseList)
        assert not screen.complete
        first = {key: table.get_row_at(i) for i, key in enumerate(table.keys)}
        assert len(first) == FIRST_PAGE
        go.set()
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert screen.complete and len(screen.rows) > FIRST_PAGE
        after = {key: table.get_row_at(i) for i, key in enumerate(table.keys)}
        for key, shown in first.items():
            assert after[key] == shown, key


async def test_a_switch_of_view_before_the_rest_arrives_keeps_the_new_view(tmp_path):
    from mentorterm.screens import caseload as screen_module

    path = tmp_path / "views.db"
    storage.open_database(path)
    seed(random.Random(11), storage.ensure_default_mentor(), Mentor.create(name="B"), 150)
    active = len(caseload(None, TODAY, CourseFilter.ACTIVE))
    storage.close_database()
    assert active > screen_module.FIRST_PAGE  # the active list comes in two parts
    app = make_app(path, today=TODAY)
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        screen.view = CourseFilter.ACTIVE
        screen.load()  # its rest is asked for once this page is drawn ...
        screen.action_switch_view()  # ... but the mentor has gone on to the ended ones
        for _ in range(3):
            await pilot.pause()
            await app.workers.wait_for_complete()
        assert screen.view == CourseFilter.ENDED and screen.complete
        assert screen.rows and all(r.course_ended_on is not None for r in screen.rows)
        assert "Ended courses" in str(screen.query_one("#status").render())
