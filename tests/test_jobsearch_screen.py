"""The job search screen, pressing real keys as a mentor with the citizen beside
her: j from the citizen, n a contact, c the CV, tab to the companies, n, K/J,
x and u, and the overdue follow-up among the agreements (t)."""

from __future__ import annotations

from datetime import date

from textual.widgets import DataTable

from mentorterm.app import make_app
from mentorterm.domain import jobsearch as js
from mentorterm.models import CvStatus, JobContact, TargetCompany
from mentorterm.schemas import JobContactIn

from .test_screens import SIZE, TODAY, seeded, text_of, type_text  # noqa: F401


def cells(app, selector: str) -> list[list[str]]:
    table = app.screen.query_one(selector, DataTable)
    return [[str(c) for c in table.get_row_at(i)] for i in range(table.row_count)]


async def _open(pilot, app, citizen_id):
    await pilot.pause()
    app.open_citizen(citizen_id)
    await pilot.pause()
    await pilot.press("j")
    await pilot.pause()
    assert type(app.screen).__name__ == "JobSearchScreen"


async def test_a_contact_the_cv_and_companies_entered_with_keys(seeded, db_path):  # noqa: F811
    ali, _course = seeded["Ali Hassan"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await _open(pilot, app, ali)
        assert "Ali Hassan · job search" in text_of(app, "#job-title")
        assert "not noted yet" in text_of(app, "#job-cv")
        # n: a contact; the company, then the follow-up day before the contact: refused.
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "ContactForm"
        await type_text(pilot, "Netto")
        await pilot.press("tab", "tab", "ctrl+u")  # past how (an application): the day
        await type_text(pilot, "21-11-2026")
        await pilot.press("tab", "tab")  # past how it went (waiting): the follow-up
        await type_text(pilot, "20-11-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "cannot be before the day of the contact (21-11-2026)" in text_of(
            app, "#e-follow_up_on"
        )
        assert JobContact.select().count() == 0
        app.screen.query_one("#f-follow_up_on").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "28-11-2026")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert type(app.screen).__name__ == "JobSearchScreen"
        (contact,) = JobContact.select()
        assert (contact.company, contact.how, contact.follow_up_on) == (
            "Netto",
            "application",
            date(2026, 11, 28),
        )
        assert cells(app, "#job-contacts")[0][:4] == [
            "21-11-2026",
            "Netto",
            "Application",
            "Waiting for an answer",
        ]
        # c: the CV's state, offered one step on (being written), saved as is.
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert [c.state for c in CvStatus.select()] == ["being_written"]
        assert "CV being written (as of 22-11-2026)" in text_of(app, "#job-cv")
        # tab: the companies to approach; n twice, then J moves the first down.
        await pilot.press("tab")
        for name in ("Bilka", "Coop"):
            await pilot.press("n")
            await pilot.pause()
            await type_text(pilot, name)
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert [r[1] for r in cells(app, "#job-targets")] == ["Bilka", "Coop"]
        app.screen.query_one("#job-targets", DataTable).move_cursor(row=0)
        await pilot.press("J")
        await pilot.pause()
        assert [r[1] for r in cells(app, "#job-targets")] == ["Coop", "Bilka"]
        # x: Coop approached today, u undoes.
        await pilot.press("up", "x")
        await pilot.pause()
        done = TargetCompany.get(TargetCompany.company == "Coop")
        assert done.done_on == TODAY
        await pilot.press("u")
        await pilot.pause()
        assert TargetCompany.get_by_id(done.id).done_on is None


async def test_an_overdue_follow_up_is_among_the_agreements_and_x_marks_it(seeded, db_path):  # noqa: F811
    from mentorterm import storage

    ali, _course = seeded["Ali Hassan"]
    storage.open_database(db_path)
    js.add_contact(
        ali,
        JobContactIn(
            company="Netto", contacted_on="18-08-2026", how="application", follow_up_on="01-09-2026"
        ),
    )
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(ali)  # the citizen's agreements name it too
        await pilot.pause()
        assert "Follow up with Netto (applied 18-08-2026) due 01-09-2026" in text_of(
            app, "#meetings"
        )
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert type(app.screen).__name__ == "ActionItemsScreen"
        (row,) = cells(app, "#action-items")
        assert "Follow up with Netto (applied 18-08-2026)" in row[1]
        assert "82 d overdue" in row[0]
        assert "1 overdue" in text_of(app, "#items-status")
        await pilot.press("x")
        await pilot.pause()
        assert JobContact.get().followed_up_on == TODAY
        await pilot.press("u")
        await pilot.pause()
        assert JobContact.get().followed_up_on is None


async def test_the_palette_opens_the_job_search_from_the_citizen(seeded, db_path):  # noqa: F811
    ali, _course = seeded["Ali Hassan"]
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.open_citizen(ali)
        await pilot.pause()
        assert "[b]j[/b] job search" not in text_of(app, "#record-keys")  # shown, not markup
        assert "j job search" in text_of(app, "#record-keys")
        await pilot.press("ctrl+p")
        await type_text(pilot, "job search")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "JobSearchScreen"
        # ? lists the screen's keys, the reorder keys among them.
        await pilot.press("question_mark")
        await pilot.pause()
        assert "Move down" in str(app.screen.query_one("#help-keys").render())
