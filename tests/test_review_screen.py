"""The weekly review with real keys: walk a queue of five, decide, add an agreement, resume."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable, Input, Static, TextArea

from mentorterm import storage
from mentorterm.app import make_app
from mentorterm.domain import courses, review
from mentorterm.domain.citizens import create_citizen
from mentorterm.models import ActionItem, ReviewNote
from mentorterm.schemas import CitizenIn, CourseIn

TODAY = date(2026, 11, 22)  # ISO week 2026-W47
SIZE = (120, 36)
NAMES = ["Anna Berg", "Bo Dahl", "Carl Eng", "Dorte Fisk", "Emil Gram"]


def seed(db_path) -> dict[str, int]:
    """Five citizens on a course since 5 Oct and never met: each has a passive
    period (no held meeting within 14 days) and no next meeting booked."""
    storage.open_database(db_path)
    made = {}
    for name in NAMES:
        cid = create_citizen(CitizenIn(name=name))
        courses.start_course(
            cid,
            CourseIn(
                referral_date="01-10-2026",
                start_date="05-10-2026",
                planned_end="05-04-2027",
                purpose="ordinary_job",
            ),
        )
        made[name] = cid
    storage.close_database()
    return made


def title(app) -> str:
    return str(app.screen.query_one("#review-title", Static).render())


async def test_walk_a_queue_of_five_with_decisions_and_an_agreement(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")  # one key from the caseload
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        assert "week 47" in title(app) and "0 of 5 reviewed" in title(app)
        table = app.screen.query_one("#review-queue", DataTable)
        assert table.row_count == 5
        first = app.screen.current()
        facts = str(app.screen.query_one("#review-facts", Static).render())
        assert first.name in facts and "No next meeting booked" in facts
        # d, type, ctrl+s: decided, reviewed, on to the next.
        await pilot.press("d")
        await pilot.press(*"Call her")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "1 of 5 reviewed" in title(app)
        assert app.screen.current().citizen_id != first.citizen_id
        note = ReviewNote.get(ReviewNote.citizen == first.citizen_id)
        assert (note.iso_week, note.decision) == ("2026-W47", "Call her")
        assert note.reviewed_at is not None
        # The second: an agreement, then x (no decision text) marks reviewed.
        second = app.screen.current()
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        form.query_one("#f-what", Input).value = "Book a first meeting"
        form.query_one("#f-owner", Input).value = "Mentor"
        form.query_one("#f-due_date", Input).value = "25-11-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        item = ActionItem.get()
        assert (item.citizen_id, item.what, item.due_date) == (
            second.citizen_id,
            "Book a first meeting",
            date(2026, 11, 25),
        )
        assert "Book a first meeting" in str(app.screen.query_one("#review-facts", Static).render())
        await pilot.press("x")
        await pilot.pause()
        assert "2 of 5 reviewed" in title(app)
        # The third: typed but not marked; j moves on and keeps the text.
        third = app.screen.current()
        await pilot.press("d")
        await pilot.press(*"Wait for the doctor")
        await pilot.press("escape")  # out of the text box (kept)
        await pilot.press("j")
        await pilot.pause()
        kept = review.decision_for(third.citizen_id, "2026-W47")
        assert kept.decision == "Wait for the doctor" and not kept.reviewed
        assert "2 of 5 reviewed" in title(app)
        # k goes back and shows the kept text.
        await pilot.press("k")
        await pilot.pause()
        assert app.screen.query_one("#decision", TextArea).text == "Wait for the doctor"
        await pilot.press("escape")  # leave the review
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
    # Coming back (a new start of mentorterm) resumes at the first not reviewed.
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        assert "2 of 5 reviewed" in title(app)
        assert app.screen.current().citizen_id == third.citizen_id
        table = app.screen.query_one("#review-queue", DataTable)
        marks = [table.get_row_at(i)[2] for i in range(5)]
        assert marks[:2] == ["✓", "✓"] and marks[2:] == ["", "", ""]
    assert set(ids.values()) >= {first.citizen_id, second.citizen_id, third.citizen_id}


async def test_a_decision_belongs_to_its_week(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        await pilot.press("d", *"Done", "ctrl+s")
        await pilot.pause()
    next_week = make_app(db_path, today=date(2026, 11, 23))  # Monday: week 48
    async with next_week.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert "week 48" in title(next_week) and "0 of 5 reviewed" in title(next_week)
        assert next_week.screen.query_one("#decision", TextArea).text == ""
    assert ReviewNote.select().count() == 1 and len(ids) == 5


async def test_book_the_next_meeting_from_the_review(db_path):
    seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        who = app.screen.current()
        await pilot.press("b")
        await pilot.pause()
        assert type(app.screen).__name__ == "MeetingForm"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        facts = str(app.screen.query_one("#review-facts", Static).render())
        assert who.name in facts
        from mentorterm.models import Meeting

        booked = Meeting.get(Meeting.citizen == who.citizen_id)
        assert booked.status == "planned" and booked.starts_at.date() > TODAY


async def test_last_week_as_it_stood_read_only_then_back_to_today(db_path):
    seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        decided = app.screen.current().citizen_id
        await pilot.press("d", *"Done", "ctrl+s")
        await pilot.pause()
    later = make_app(db_path, today=date(2026, 11, 30))  # Monday of week 49
    async with later.run_test(size=SIZE) as pilot:
        await pilot.press("R")
        await pilot.pause()
        assert "week 49" in title(later) and "read-only" not in title(later)
        await pilot.press("w")
        await pilot.pause()
        later.screen.query_one("#f-day", Input).value = "22-11-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        screen = later.screen
        assert type(screen).__name__ == "ReviewScreen"
        assert "week 47" in title(later) and "as of 22-11-2026" in title(later)
        assert "read-only" in title(later) and "1 of 5 reviewed" in title(later)
        row = next(i for i, it in enumerate(screen.items) if it.citizen_id == decided)
        screen.query_one("#review-queue", DataTable).move_cursor(row=row)
        await pilot.pause()
        area = screen.query_one("#decision", TextArea)
        assert area.text == "Done" and area.read_only
        await pilot.press("d", *"More")  # a read-only box takes no text
        await pilot.press("escape", "x")
        await pilot.pause()
        assert area.text == "Done"
        assert [(n.iso_week, n.decision) for n in ReviewNote.select()] == [("2026-W47", "Done")]
        await pilot.press("w")  # a day after today is refused
        await pilot.pause()
        later.screen.query_one("#f-day", Input).value = "01-12-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "as of 22-11-2026" in title(later)
        await pilot.press("w")
        await pilot.pause()
        later.screen.query_one("#f-day", Input).value = "30-11-2026"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "week 49" in title(later) and "read-only" not in title(later)
        assert not later.screen.query_one("#decision", TextArea).read_only
