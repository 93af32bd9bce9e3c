"""Every view and export that shows a citizen's data logs one read per citizen per view.

The citizen's access export (GDPR art. 15) lists those reads, so a view that
shows several citizens (the weekly review, the agenda, a full export, the
calendar, the handout) writes one row for each of them, once per view.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from mentorterm import cli, storage
from mentorterm.app import make_app
from mentorterm.domain import (
    audit,
    calendar_export,
    courses,
    drafts,
    meetings,
    transfer,
)
from mentorterm.domain.action_items import add_action_item
from mentorterm.domain.citizens import create_citizen
from mentorterm.domain.review import handout as review_handout
from mentorterm.models import AuditEntry
from mentorterm.schemas import ActionItemIn, CitizenIn, CourseIn, MeetingIn

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines

TODAY = date(2026, 11, 22)  # ISO week 2026-W47
SIZE = (120, 36)
NAMES = ["Anna Berg", "Bo Dahl", "Carl Eng"]


def _citizens() -> list[int]:
    """Three citizens on a course since 5 Oct, never met: each is in the week's review."""
    made = []
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
        made.append(cid)
    return made


def _reads(what: str, action: str = "open_record") -> list[int | None]:
    """The citizens of the rows logged for ``what``, in order."""
    return [
        e.citizen_id
        for e in AuditEntry.select()
        .where((AuditEntry.what == what) & (AuditEntry.action == action))
        .order_by(AuditEntry.id)
    ]


def seed(db_path) -> list[int]:
    storage.open_database(db_path)
    ids = _citizens()
    storage.close_database()
    return ids


# --- the domain and the CLI ------------------------------------------------------


def test_a_full_export_logs_one_export_per_citizen_and_their_access_export_lists_it(database):
    ids = _citizens()
    document = transfer.export_document()
    assert len(document["citizens"]) == 3
    assert _reads("interchange", "export") == ids
    assert audit.verify() == []
    listed = [a.purpose for a in audit.accesses_of(ids[1])]
    assert any("Exported" in p and "whole database" in p for p in listed), listed


def test_the_access_export_pdf_lists_the_views_and_exports_that_showed_the_citizen(database):
    import io

    from pypdf import PdfReader

    from mentorterm.domain import access

    ids = _citizens()
    audit.ViewLog("agenda", "agenda").saw(ids)
    transfer.export_document()
    review_handout.review_handout(TODAY)
    _json, pdf = access.access_export(ids[0], TODAY)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    text = " ".join(text.split())
    assert "Listed in the agenda" in text
    assert "whole database" in text and "weekly review handout" in text


def test_an_export_of_an_empty_database_is_still_logged(database):
    transfer.export_document()
    assert _reads("interchange", "export") == [None]


def test_the_calendar_logs_each_citizen_whose_meetings_are_in_it(database):
    ann, bo, _carl = _citizens()
    for cid in (ann, bo, ann):  # Ann twice: still one row for her
        meetings.create_meeting(
            cid,
            MeetingIn(starts_at=datetime(2026, 11, 25, 10), kind="one_to_one", place="Jobcenter"),
        )
    before = audit.count()
    calendar_export.calendar_ics(TODAY)
    assert _reads("calendar", "export") == [ann, bo]
    assert audit.count() == before + 2
    assert any("calendar" in a.purpose for a in audit.accesses_of(bo))


def test_the_review_handout_logs_each_citizen_in_the_queue(database):
    ids = _citizens()
    handout = review_handout.review_handout(TODAY)
    assert sorted(i.citizen_id for i in handout.citizens) == ids
    assert sorted(_reads("review_handout", "export")) == ids
    assert any("weekly review handout" in a.purpose for a in audit.accesses_of(ids[0]))


def test_mentorterm_review_logs_each_citizen_it_prints(db_path, capsys):
    ids = seed(db_path)
    assert cli.main(["--db", str(db_path), "review", "--as-of", "2026-11-22"]) == 0
    assert "Anna Berg" in capsys.readouterr().out
    assert sorted(_reads("review_handout", "export")) == ids
    storage.close_database()


def test_a_view_log_writes_each_citizen_once_however_often_it_reloads(database):
    ann, bo, carl = _citizens()
    before = audit.count()
    view = audit.ViewLog("agenda", "agenda")
    assert view.saw([ann, bo, ann, None]) == 2
    assert view.saw([bo, ann]) == 0  # a refresh of the same view
    assert view.saw([carl, bo]) == 1  # a citizen who came into the view
    assert audit.count() == before + 3
    assert _reads("agenda") == [ann, bo, carl]
    # Another view (the screen opened again) logs again.
    assert audit.ViewLog("agenda", "agenda").saw([ann]) == 1


# --- the screens, with real keys -----------------------------------------------


async def test_the_weekly_review_logs_each_citizen_in_the_queue_once(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        assert type(app.screen).__name__ == "ReviewScreen"
        assert sorted(_reads("weekly_review")) == ids
        # Walking the queue and deciding reloads it: no new reads in this view.
        await pilot.press("down", "down", "up")
        await pilot.press("x")
        await pilot.pause()
        assert sorted(_reads("weekly_review")) == ids
        # Leaving and coming back is a new view.
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("R")
        await pilot.pause()
        assert sorted(_reads("weekly_review")) == sorted(ids * 2)
        assert audit.verify() == []
        assert "Shown in the weekly review" in [a.purpose for a in audit.accesses_of(ids[0])]


async def test_the_agenda_and_the_agreements_log_the_citizens_they_list(db_path):
    ids = seed(db_path)
    storage.open_database(db_path)
    meetings.create_meeting(
        ids[0], MeetingIn(starts_at=datetime(2026, 11, 24, 10), kind="one_to_one")
    )
    add_action_item(ids[2], ActionItemIn(what="Send CV", owner="Carl"))
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.show_agenda()
        await pilot.pause()
        assert type(app.screen).__name__ == "AgendaScreen"
        assert _reads("agenda") == [ids[0]]
        app.show_agreements()
        await pilot.pause()
        assert type(app.screen).__name__ == "ActionItemsScreen"
        assert _reads("agreements") == [ids[2]]


async def test_restoring_a_kept_note_logs_a_read_of_its_citizen(db_path):
    ids = seed(db_path)
    storage.open_database(db_path)
    drafts.save_draft(
        drafts.draft_key("meeting-note", citizen=ids[1], meeting=None),
        {"meeting_id": None, "kind": "one_to_one", "fields": {"tasks_note": "Talte om søvn"}},
        title="Meeting note for Bo Dahl",
        citizen_id=ids[1],
    )
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "RestoreDraftsScreen"
        assert _reads("draft") == []  # offering is not restoring
        assert _reads("kept_drafts") == [ids[1]]  # but the list names the citizen
        await pilot.press("r")
        await pilot.pause()
        assert type(app.screen).__name__ == "NoteForm"
        assert _reads("draft") == [ids[1]]
        listed = [a.purpose for a in audit.accesses_of(ids[1])]
        assert "An unsaved draft was restored" in listed
        assert "Named among the unsaved texts offered back at start" in listed
        assert "Listed in the caseload" in listed


async def test_the_caseload_logs_each_citizen_it_shows_once_per_session(db_path):
    ids = seed(db_path)
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert sorted(_reads("caseload")) == ids
        # Filtering, opening a citizen and coming back: the same view, nothing new.
        await pilot.press("/", *"Bo", "escape")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert type(app.screen).__name__ == "CitizenScreen"
        await pilot.press("escape")
        await pilot.pause()
        assert type(app.screen).__name__ == "CaseloadScreen"
        assert sorted(_reads("caseload")) == ids
        assert len(_reads("citizen")) == 1  # the record opened: its own row


async def test_a_filter_that_brings_more_citizens_into_view_logs_just_those(db_path):
    storage.open_database(db_path)
    ids = []
    for n in range(105):  # more than the caseload shows at once (100)
        cid = create_citizen(CitizenIn(name=f"Person {n:03d}"))
        courses.start_course(
            cid,
            CourseIn(
                referral_date="01-10-2026",
                start_date="05-10-2026",
                planned_end="05-04-2027",
                purpose="ordinary_job",
            ),
        )
        ids.append(cid)
    storage.close_database()
    app = make_app(db_path, today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        # The first page at once, the rest from a worker; each shown citizen is
        # written once the frame that shows them is out.
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        assert len(_reads("caseload")) == 100
        await pilot.press("/", *"Person 10")  # 100-104: the five beyond the first hundred
        await pilot.pause()
        await pilot.pause()
        logged = _reads("caseload")
        assert len(logged) == 105 and sorted(logged) == ids
