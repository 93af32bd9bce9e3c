"""Erasing a citizen: every row goes, and no byte of their text stays in the files."""

from __future__ import annotations

import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from peewee import CharField, TextField

from mentorterm import storage
from mentorterm.domain.erasure import backups_on_disk, erase_citizen
from mentorterm.domain.errors import DomainError, NotFound
from mentorterm.models import (
    ALL_MODELS,
    ActionItem,
    AllianceScore,
    BaseModel,
    Citizen,
    Course,
    CourseExtension,
    Cover,
    CvStatus,
    Draft,
    GroupSeries,
    GroupSession,
    Handover,
    HoursStep,
    JobContact,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    MeetingStatusChange,
    Mentor,
    Placement,
    Report,
    ReviewNote,
    SessionParticipant,
    SubGoal,
    TargetCompany,
    Workplace,
    db,
)

from .conftest import file_bytes

# Every test here runs on SQLite and on PostgreSQL (tests/conftest.py).
pytestmark = pytest.mark.both_engines


def text_fields(model: type[BaseModel]) -> list[str]:
    """The free-text columns of a model: TextField/CharField without a fixed list."""
    return [
        f.name
        for f in model._meta.sorted_fields
        if isinstance(f, (TextField, CharField)) and not f.constraints
    ]


def marked(model: type[BaseModel], marker: str, **values):
    """A row of ``model`` with ``marker`` in every free-text column."""
    for name in text_fields(model):
        values.setdefault(name, f"{marker}:{model.__name__}.{name}")
    return model.create(**values)


def fill_marked(marker: str) -> int:
    """A citizen with one row of every kind, every text field holding ``marker``."""
    me = storage.ensure_default_mentor()
    made: set[type[BaseModel]] = set()

    def make(model, **values):
        made.add(model)
        return marked(model, marker, **values)

    citizen = make(Citizen, mentor=me)
    course = make(
        Course,
        citizen=citizen,
        referral_date=date(2026, 1, 5),
        start_date=date(2026, 1, 12),
        planned_end=date(2026, 4, 12),
        purpose="flexjob",
        end_date=date(2026, 5, 1),
        outcome="other",
    )
    make(CourseExtension, course=course, decided_on=date(2026, 4, 1), new_end=date(2026, 7, 1))
    goal = make(SubGoal, citizen=citizen, course=course)
    make(AllianceScore, sub_goal=goal, mentor=me, scored_on=date(2026, 2, 1), citizen_score=4)
    placement = make(
        Placement,
        citizen=citizen,
        course=course,
        kind="company_internship",
        start_date=date(2026, 2, 1),
    )
    make(HoursStep, placement=placement, from_date=date(2026, 2, 1), hours_per_week=4)
    make(
        LogbookEntry,
        placement=placement,
        citizen=citizen,
        entry_date=date(2026, 2, 3),
        attendance="sick",
        hours_planned=2,
    )
    meeting = make(
        Meeting,
        citizen=citizen,
        mentor=me,
        starts_at=datetime(2026, 2, 10, 10),
        kind="three_party",
        status="held",
    )
    make(MeetingParticipant, meeting=meeting, role="placement_supervisor")
    make(
        MeetingStatusChange,
        meeting=meeting,
        changed_on=date(2026, 2, 10),
        status_from="planned",
        status_to="held",
    )
    make(ActionItem, citizen=citizen, meeting=meeting)
    make(ReviewNote, citizen=citizen, mentor=me)
    make(Draft, citizen=citizen)
    make(Report, citizen=citizen, period_start=date(2026, 2, 1), period_end=date(2026, 3, 1))
    make(Handover, citizen=citizen, from_mentor=me, to_mentor=me)
    # The group session is the provider's (its title no one's); the roll call's
    # row about this citizen is theirs.
    session = GroupSession.create(title="Jobsøgning", starts_at=datetime(2026, 2, 4, 9, 30))
    make(SessionParticipant, session=session, citizen=citizen, attendance="present")
    make(CvStatus, citizen=citizen, state="being_written")
    make(JobContact, citizen=citizen, how="cv_handed_in")
    make(TargetCompany, citizen=citizen)
    # A model added later without a row here would escape the byte check
    # (a cover is about two mentors, the register and the sessions are the
    # provider's, not a citizen's).
    expected = set(ALL_MODELS) - {Mentor, Cover} - set(PROVIDERS)
    assert made == expected, expected - made
    return citizen.id


# The provider's own records: no citizen's, not erased with one.
PROVIDERS = (Workplace, GroupSeries, GroupSession)


def files_contain(path: Path, marker: str) -> list[str]:
    needle = marker.encode("utf-8")
    return [suffix or ".db" for suffix, data in file_bytes(path).items() if needle in data]


GONE, KEPT = "SLETMIG-Ø7731", "BEHOLD-Å4412"


def test_every_text_field_is_marked():
    assert "notes" in text_fields(Citizen) and "payload" in text_fields(Draft)
    assert "purpose" not in text_fields(Course)  # a fixed list cannot hold the marker
    assert "summary" in text_fields(Report)


def test_erase_leaves_no_byte_of_the_citizen_in_the_database_files(db_path):
    storage.open_database(db_path)
    try:
        with db.atomic():
            gone = fill_marked(GONE)
        with db.atomic():
            fill_marked(KEPT)
        # Without the erase the text is on disk: the check below can see it.
        assert files_contain(db_path, GONE)
        name = Citizen.get_by_id(gone).name
        result = erase_citizen(gone, f"  {name} ")
        assert result.citizen_name == name and result.wal_cleared
        assert result.rows_deleted == len(ALL_MODELS) - 2 - len(PROVIDERS)
        assert Citizen.get_or_none(Citizen.id == gone) is None
        assert storage.integrity_problems() == []
    finally:
        storage.close_database()
    assert files_contain(db_path, GONE) == []
    assert files_contain(db_path, KEPT) == [".db"]
    # Reopened, the other citizen is whole.
    storage.open_database(db_path)
    try:
        left = {Cover: 0, Workplace: 0, GroupSeries: 0, GroupSession: 2}  # the sessions stay
        assert storage.row_counts() == {m._meta.table_name: left.get(m, 1) for m in ALL_MODELS}
    finally:
        storage.close_database()


@pytest.mark.sqlite_only
def test_erase_without_closing_already_clears_the_wal(db_path, database):
    with db.atomic():
        gone = fill_marked(GONE)
    erase_citizen(gone, Citizen.get_by_id(gone).name)
    # The app stays open after an erase: the files must be clean right away.
    assert files_contain(db_path, GONE) == []


@pytest.mark.sqlite_only
def test_a_wrong_name_erases_nothing(database):
    with db.atomic():
        gone = fill_marked(GONE)
    before = storage.row_counts()
    with pytest.raises(DomainError, match="does not match"):
        erase_citizen(gone, "Someone Else")
    assert storage.row_counts() == before
    with pytest.raises(NotFound):
        erase_citizen(9999, "x")


def test_backups_beside_the_database_are_named(tmp_path):
    fixture = Path(__file__).parent / "fixtures" / "schema_v1.db"
    path = tmp_path / "mentor.db"
    shutil.copy(fixture, path)
    storage.open_database(path)  # migrates, and backs up schema 1 first
    try:
        made = storage.backup_database(tmp_path)  # `mentorterm backup FOLDER`
    finally:
        storage.close_database()
    (tmp_path / "notes.txt").write_text("not a backup")
    (tmp_path / "other.db.schema1-20260101-000000.bak").write_text("another database's")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "old.bak").write_text("x")
    found = backups_on_disk(path)
    assert made in found
    assert len(found) == 2
    assert any(p.name.startswith("mentor.db.schema1-") and p.suffix == ".bak" for p in found)
    assert path not in found
    assert backups_on_disk(tmp_path / "missing" / "x.db") == []
