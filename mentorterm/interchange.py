"""The versioned JSON interchange format: a whole database or one citizen.

A document nests everything about a citizen under the citizen, so one
citizen's file is complete on its own (the access export). Links inside a
citizen (a sub-goal's course, an action item's meeting) are positions in the
citizen's own lists; mentors are named by a key. Database ids never appear,
so a file imports into any database.

The field names are the database's column names; each record is validated by
the same input model the screens use, plus its timestamps and children.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from .enums import CourseOutcome, MeetingStatus, SubGoalStatus
from .i18n import _
from .interchange_jobsearch import JobSearchDocs
from .interchange_sessions import (
    GroupSeriesDoc,
    GroupSessionDoc,
    SessionParticipationDoc,
    check_session_keys,
)
from .schemas import (
    ActionItemIn,
    AllianceScoreIn,
    CitizenIn,
    CourseExtensionIn,
    CourseIn,
    Day,
    HoursStepIn,
    LogbookEntryIn,
    MeetingIn,
    MentorIn,
    OptionalDay,
    ParticipantIn,
    PlacementIn,
    ReportTextsIn,
    ReviewNoteIn,
    SubGoalIn,
    Text,
    _field_error,
)
from .schemas.workplaces import WorkplaceDoc, check_sites

FORMAT_NAME = "mentorterm"
FORMAT_VERSION = 1


#: A record's stable identity (schema 11): 32 lowercase hex digits.
Uid = Annotated[str, Field(pattern=r"^[0-9a-f]{32}$")]


class Stamped(BaseModel):
    """Creation and last-change time (UTC), and the record's uid (schema 11;
    absent in a document written before it: the import makes one); kept
    through export and import."""

    created_at: datetime | None = None
    updated_at: datetime | None = None
    uid: Uid | None = None


def _unique(items: list, key, field: str, message: str) -> None:
    seen: set = set()
    for index, item in enumerate(items):
        value = key(item)
        if value in seen:
            raise _field_error(f"{field}[{index}]", message)
        seen.add(value)


class MentorDoc(MentorIn):
    key: Annotated[str, Field(min_length=1, max_length=40)]
    is_default: bool = False


class CourseExtensionDoc(CourseExtensionIn, Stamped):
    pass


class CourseDoc(CourseIn, Stamped):
    end_date: OptionalDay = None
    outcome: CourseOutcome | None = None
    end_note: Text = ""
    # Added with schema 7: the day the end was decided; without it, the end date.
    end_decided_on: OptionalDay = None
    extensions: list[CourseExtensionDoc] = Field(default_factory=list)

    @model_validator(mode="after")
    def _ending(self) -> CourseDoc:
        if (self.end_date is None) != (self.outcome is None):
            raise _field_error(
                "outcome", _("An ended course needs both an end date and an outcome.")
            )
        if self.end_date is not None and self.end_date < self.start_date:
            raise _field_error("end_date", _("The course cannot end before it starts."))
        _decided(self)
        return self


def _decided(doc: CourseDoc | PlacementDoc) -> None:
    """A decision day only with an end; without one, the end date (what is known)."""
    if doc.end_date is None:
        if doc.end_decided_on is not None:
            raise _field_error("end_decided_on", _("Only an end can have a day it was decided."))
    elif doc.end_decided_on is None:
        doc.end_decided_on = doc.end_date


class CreatedOn(Stamped):
    """A record with its own creation day (schema 7): without one, its created_at's day."""

    created_on: OptionalDay = None

    @model_validator(mode="after")
    def _created_on(self) -> CreatedOn:
        if self.created_on is None and self.created_at is not None:
            self.created_on = self.created_at.date()
        return self


class AllianceScoreDoc(AllianceScoreIn, Stamped):
    mentor: str | None = None


class SubGoalDoc(SubGoalIn, CreatedOn):
    status: SubGoalStatus = SubGoalStatus.ACTIVE
    status_date: OptionalDay = None
    status_note: Text = ""
    course: int | None = Field(default=None, description="Position in the citizen's courses")
    scores: list[AllianceScoreDoc] = Field(default_factory=list)

    @model_validator(mode="after")
    def _one_score_a_day(self) -> SubGoalDoc:
        _unique(self.scores, lambda s: s.scored_on, "scores", _("Two scores on the same day."))
        return self


class HoursStepDoc(HoursStepIn, Stamped):
    pass


class LogbookEntryDoc(LogbookEntryIn, Stamped):
    pass


class PlacementDoc(PlacementIn, Stamped):
    course: int | None = Field(default=None, description="Position in the citizen's courses")
    # Added with schema 10: the register's workplace, by its key in the document's workplaces.
    site: str | None = Field(default=None, description="Key of a workplace in the document")
    # Added with schema 7: the day the end was decided; without it, the end date.
    end_decided_on: OptionalDay = None
    hours_steps: list[HoursStepDoc] = Field(default_factory=list)
    logbook: list[LogbookEntryDoc] = Field(default_factory=list)

    @model_validator(mode="after")
    def _unique_days(self) -> PlacementDoc:
        _decided(self)
        _unique(
            self.hours_steps,
            lambda s: s.from_date,
            "hours_steps",
            _("Two hours steps from the same date."),
        )
        _unique(
            self.logbook,
            lambda e: e.entry_date,
            "logbook",
            _("Two logbook entries for the same day."),
        )
        return self


class ParticipantDoc(ParticipantIn, Stamped):
    pass


class StatusChangeDoc(Stamped):
    """Added with schema 8: one change of a meeting's status, dated."""

    model_config = ConfigDict(extra="forbid")

    changed_on: Day
    status_from: MeetingStatus
    status_to: MeetingStatus
    mentor: str | None = None

    @model_validator(mode="after")
    def _a_change(self) -> StatusChangeDoc:
        if self.status_from == self.status_to:
            raise _field_error("status_to", _("A status change must change the status."))
        return self


class MeetingDoc(MeetingIn, Stamped):
    mentor: str | None = None
    participants: list[ParticipantDoc] = Field(default_factory=list, max_length=30)
    # Added with schema 7: the status's last change, dated (planned → cancelled on …).
    status_before: MeetingStatus | None = None
    status_changed_on: OptionalDay = None
    # Added with schema 8: the day it was booked (none: unknown, taken as always
    # known) and every status change in order of its day.
    booked_on: OptionalDay = None
    status_changes: list[StatusChangeDoc] = Field(default_factory=list, max_length=200)

    @model_validator(mode="after")
    def _status_change(self) -> MeetingDoc:
        if (self.status_before is None) != (self.status_changed_on is None):
            raise _field_error(
                "status_changed_on",
                _("A status change needs both the status before and the day it changed."),
            )
        days = [x.changed_on for x in self.status_changes]
        if days != sorted(days):
            raise _field_error(
                "status_changes", _("The status changes must be in order of their days.")
            )
        return self

    def history(self) -> list[StatusChangeDoc]:
        """The status changes; a file from schema 7 has only the last one, dated."""
        if self.status_changes or self.status_before in (None, self.status):
            return self.status_changes
        last = StatusChangeDoc(
            changed_on=self.status_changed_on,
            status_from=self.status_before,
            status_to=self.status,
            created_at=self.created_at,
            updated_at=self.updated_at,
        )
        return [last]


class ActionItemDoc(ActionItemIn, CreatedOn):
    meeting: int | None = Field(default=None, description="Position in the citizen's meetings")


class ReviewNoteDoc(ReviewNoteIn, Stamped):
    mentor: str | None = None


class ReportDoc(ReportTextsIn, Stamped):
    """A saved progression report: its period and the mentor's texts."""

    period_start: Day
    period_end: Day

    @model_validator(mode="after")
    def _period(self) -> ReportDoc:
        if self.period_end < self.period_start:
            raise _field_error("period_end", _("The period cannot end before it starts."))
        return self


class HandoverDoc(Stamped):
    """Added with schema 9: the citizen went from one mentor to another on a day,
    with the note the new mentor read first (mentors by key)."""

    model_config = ConfigDict(extra="forbid")

    handed_on: Day
    from_mentor: str | None = None
    to_mentor: str | None = None
    note: Text = ""


class CoverDoc(Stamped):
    """Added with schema 9: a mentor covered a colleague's citizens from a day to
    a day (mentors by key). A citizen's file has the covers of the mentors who
    had the citizen: who else could write about them, and when."""

    model_config = ConfigDict(extra="forbid")

    mentor: str = Field(description="Key of the covering mentor")
    covered: str = Field(description="Key of the mentor whose citizens were covered")
    starts_on: Day
    ends_on: Day
    note: Text = ""

    @model_validator(mode="after")
    def _a_cover(self) -> CoverDoc:
        if self.ends_on < self.starts_on:
            raise _field_error("ends_on", _("The cover cannot end before it starts."))
        if self.mentor == self.covered:
            raise _field_error("covered", _("A mentor cannot cover their own citizens."))
        return self


class CitizenDoc(CitizenIn, JobSearchDocs, Stamped):
    mentor: str = Field(description="Key of the owning mentor in the document's mentors")
    courses: list[CourseDoc] = Field(default_factory=list)
    sub_goals: list[SubGoalDoc] = Field(default_factory=list)
    placements: list[PlacementDoc] = Field(default_factory=list)
    meetings: list[MeetingDoc] = Field(default_factory=list)
    action_items: list[ActionItemDoc] = Field(default_factory=list)
    review_notes: list[ReviewNoteDoc] = Field(default_factory=list)
    # Added with schema 3; files written before it have none.
    reports: list[ReportDoc] = Field(default_factory=list)
    # Added with schema 9; files written before it have none.
    handovers: list[HandoverDoc] = Field(default_factory=list, max_length=500)
    # Added with schema 10 (interchange_sessions.py); files written before it have none.
    session_participations: list[SessionParticipationDoc] = Field(default_factory=list)

    @model_validator(mode="after")
    def _links(self) -> CitizenDoc:
        def check(items: list, field: str, ref: str, target: list, what: str) -> None:
            for index, item in enumerate(items):
                value = getattr(item, ref)
                if value is not None and not 0 <= value < len(target):
                    raise _field_error(
                        f"{field}[{index}].{ref}",
                        _("Points to {what} number {n}, but the citizen has {count}.").format(
                            what=what, n=value, count=len(target)
                        ),
                    )

        check(self.sub_goals, "sub_goals", "course", self.courses, _("course"))
        check(self.placements, "placements", "course", self.courses, _("course"))
        check(self.action_items, "action_items", "meeting", self.meetings, _("meeting"))
        _unique(
            self.review_notes,
            lambda r: r.iso_week,
            "review_notes",
            _("Two review notes for the same week."),
        )
        return self


class InterchangeDocument(BaseModel):
    """A mentorterm export: a whole database or one citizen."""

    model_config = ConfigDict(extra="forbid", title="mentorterm interchange document")

    format: Literal["mentorterm"] = FORMAT_NAME
    version: Literal[1] = FORMAT_VERSION
    scope: Literal["database", "citizen"] = "database"
    exported_at: datetime | None = None
    mentors: list[MentorDoc] = Field(default_factory=list)
    citizens: list[CitizenDoc] = Field(default_factory=list)
    # Added with schema 9; files written before it have none.
    covers: list[CoverDoc] = Field(default_factory=list)
    # Added with schema 10: the register's workplaces the placements link to
    # (a whole database's file: the whole register); earlier files have none.
    workplaces: list[WorkplaceDoc] = Field(default_factory=list)
    # Added with schema 10: the provider's group sessions, by key (interchange_sessions.py).
    group_series: list[GroupSeriesDoc] = Field(default_factory=list)
    group_sessions: list[GroupSessionDoc] = Field(default_factory=list)

    @model_validator(mode="after")
    def _mentor_keys(self) -> InterchangeDocument:
        _unique(self.mentors, lambda m: m.key, "mentors", _("Two mentors with the same key."))
        keys = {m.key for m in self.mentors}

        def known(key: str | None, where: str) -> None:
            if key is not None and key not in keys:
                raise _field_error(
                    where,
                    _("Names the mentor '{key}', who is not in the mentors list.").format(key=key),
                )

        for c_index, citizen in enumerate(self.citizens):
            base = f"citizens[{c_index}]"
            known(citizen.mentor, f"{base}.mentor")
            for s_index, goal in enumerate(citizen.sub_goals):
                for k, score in enumerate(goal.scores):
                    known(score.mentor, f"{base}.sub_goals[{s_index}].scores[{k}].mentor")
            for m_index, meeting in enumerate(citizen.meetings):
                known(meeting.mentor, f"{base}.meetings[{m_index}].mentor")
                for x_index, change in enumerate(meeting.status_changes):
                    where = f"{base}.meetings[{m_index}].status_changes[{x_index}].mentor"
                    known(change.mentor, where)
            for r_index, note in enumerate(citizen.review_notes):
                known(note.mentor, f"{base}.review_notes[{r_index}].mentor")
            for h_index, handover in enumerate(citizen.handovers):
                known(handover.from_mentor, f"{base}.handovers[{h_index}].from_mentor")
                known(handover.to_mentor, f"{base}.handovers[{h_index}].to_mentor")
        for index, cover in enumerate(self.covers):
            known(cover.mentor, f"covers[{index}].mentor")
            known(cover.covered, f"covers[{index}].covered")
        people = self.citizens
        job_search = {
            f: [getattr(c, f) for c in people] for f in ("job_contacts", "target_companies")
        }
        check_sites(self.workplaces, [c.placements for c in people], **job_search)
        check_session_keys(self)
        return self


def json_schema() -> dict:
    """The JSON Schema of the interchange format (``mentorterm schema``)."""
    return InterchangeDocument.model_json_schema()


__all__ = ["FORMAT_VERSION", "InterchangeDocument", "json_schema"]
