"""The fixed lists of the domain (DOMAIN.md), with the words a mentor reads.

Stored values are the English snake_case names; labels go through ``_()``.
"""

from __future__ import annotations

from enum import StrEnum

from .i18n import _


class _Labelled(StrEnum):
    @property
    def label(self) -> str:
        return _(self._labels()[self.value])

    @classmethod
    def _labels(cls) -> dict[str, str]:  # pragma: no cover - overridden
        raise NotImplementedError

    @classmethod
    def choices(cls) -> list[tuple[str, str]]:
        """(label, value) pairs in declaration order, for a Select."""
        return [(member.label, member.value) for member in cls]


class CoursePurpose(_Labelled):
    ORDINARY_JOB = "ordinary_job"
    WORK_CAPACITY_CLARIFICATION = "work_capacity_clarification"
    FLEXJOB = "flexjob"
    RESOURCE_COURSE = "resource_course"
    EARLY_RETIREMENT = "early_retirement"
    EDUCATION = "education"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "ordinary_job": "Ordinary job",
            "work_capacity_clarification": "Clarification of work capacity",
            "flexjob": "Toward flexjob",
            "resource_course": "Toward resource course",
            "early_retirement": "Toward early retirement",
            "education": "Education",
            "other": "Other",
        }

    @property
    def short_label(self) -> str:
        """A label narrow enough for a table column."""
        return _(
            {
                "ordinary_job": "Job",
                "work_capacity_clarification": "Clarification",
                "flexjob": "Flexjob",
                "resource_course": "Resource crs.",
                "early_retirement": "Early retirem.",
                "education": "Education",
                "other": "Other",
            }[self.value]
        )


class CourseOutcome(_Labelled):
    ORDINARY_JOB = "ordinary_job"
    PAID_HOURS = "paid_hours"
    WAGE_SUBSIDY = "wage_subsidy"
    EDUCATION = "education"
    FLEXJOB_GRANTED = "flexjob_granted"
    RESOURCE_COURSE = "resource_course"
    EARLY_RETIREMENT = "early_retirement"
    OTHER_PROVIDER = "other_provider"
    ABSENCE_SANCTION = "absence_sanction"
    SICK_LEAVE = "sick_leave"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "ordinary_job": "Ordinary job",
            "paid_hours": "Paid hours / small job",
            "wage_subsidy": "Wage subsidy",
            "education": "Education",
            "flexjob_granted": "Flexjob granted",
            "resource_course": "Resource course",
            "early_retirement": "Early retirement",
            "other_provider": "Moved to another provider",
            "absence_sanction": "Ended for absence / sanction",
            "sick_leave": "Sick leave",
            "other": "Other",
        }

    @property
    def starts_aftercare(self) -> bool:
        """A job-like outcome is followed by aftercare about three months in."""
        return self in {
            CourseOutcome.ORDINARY_JOB,
            CourseOutcome.PAID_HOURS,
            CourseOutcome.WAGE_SUBSIDY,
            CourseOutcome.FLEXJOB_GRANTED,
        }


class SubGoalStatus(_Labelled):
    ACTIVE = "active"
    ACHIEVED = "achieved"
    PAUSED = "paused"
    DROPPED = "dropped"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "active": "Active",
            "achieved": "Achieved",
            "paused": "Paused",
            "dropped": "Dropped",
        }


class PlacementKind(_Labelled):
    TRAINING_GROUND = "training_ground"
    COMPANY_INTERNSHIP = "company_internship"
    WAGE_SUBSIDY = "wage_subsidy"
    PAID_HOURS = "paid_hours"
    HYBRID = "hybrid"
    FLEXJOB = "flexjob"
    ORDINARY_JOB = "ordinary_job"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "training_ground": "Internal training ground",
            "company_internship": "Company internship",
            "wage_subsidy": "Wage subsidy",
            "paid_hours": "Paid hours / small job",
            "hybrid": "Hybrid",
            "flexjob": "Flexjob",
            "ordinary_job": "Ordinary job",
        }

    @property
    def is_work(self) -> bool:
        """A first day of work: paid hours / small job, wage subsidy, flexjob or a job
        (aftercare follows about three months in)."""
        return self in {
            PlacementKind.PAID_HOURS,
            PlacementKind.WAGE_SUBSIDY,
            PlacementKind.FLEXJOB,
            PlacementKind.ORDINARY_JOB,
        }


class Attendance(_Labelled):
    PRESENT = "present"
    SICK = "sick"
    ABSENT_WITH_NOTICE = "absent_with_notice"
    ABSENT_WITHOUT_NOTICE = "absent_without_notice"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "present": "Present",
            "sick": "Sick",
            "absent_with_notice": "Absent with notice",
            "absent_without_notice": "Absent without notice",
        }


class Author(_Labelled):
    """Who wrote a logbook entry."""

    CITIZEN = "citizen"
    MENTOR = "mentor"
    WORKPLACE = "workplace"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"citizen": "Citizen", "mentor": "Mentor", "workplace": "Workplace"}


class MeetingKind(_Labelled):
    ONE_TO_ONE = "one_to_one"
    THREE_PARTY = "three_party"
    CASEWORKER = "caseworker"
    NETWORK = "network"
    PHONE = "phone"
    WALK = "walk"
    # After a course ends in work or education: the follow-up weeks later (schema 5).
    AFTERCARE = "aftercare"
    # A visit or phone call with the placement supervisor, without the citizen (schema 5).
    WORKPLACE_FOLLOW_UP = "workplace_follow_up"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "one_to_one": "1:1 conversation",
            "three_party": "Three-party follow-up",
            "caseworker": "Caseworker meeting",
            "network": "Network meeting",
            "phone": "Phone call",
            "walk": "Walk",
            "aftercare": "Aftercare follow-up",
            "workplace_follow_up": "Workplace follow-up (supervisor)",
        }


class MeetingStatus(_Labelled):
    PLANNED = "planned"
    HELD = "held"
    # Who cancelled is the meeting's ``cancelled_by`` (CancelledBy). Up to schema 4
    # every cancellation was "cancelled_by_citizen": the old name stays an alias,
    # and the old value is read as "cancelled" (old export files, old code).
    CANCELLED = "cancelled"
    CANCELLED_BY_CITIZEN = "cancelled"
    NO_SHOW = "no_show"
    RESCHEDULED = "rescheduled"

    @classmethod
    def _missing_(cls, value: object) -> MeetingStatus | None:
        return cls.CANCELLED if value == LEGACY_CANCELLED else None

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "planned": "Planned",
            "held": "Held",
            "cancelled": "Cancelled",
            "no_show": "No-show",
            "rescheduled": "Rescheduled",
        }


#: The status schema 4 and earlier wrote for every cancellation.
LEGACY_CANCELLED = "cancelled_by_citizen"


class CancelledBy(_Labelled):
    """Who called a meeting off (a cancellation by the workplace is not the citizen's miss)."""

    CITIZEN = "citizen"
    WORKPLACE = "workplace"
    MENTOR = "mentor"
    CASEWORKER = "caseworker"
    INTERPRETER = "interpreter"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "citizen": "Citizen",
            "workplace": "Workplace",
            "mentor": "Mentor",
            "caseworker": "Caseworker",
            "interpreter": "Interpreter",
        }


class ParticipantRole(_Labelled):
    CITIZEN = "citizen"
    MENTOR = "mentor"
    PLACEMENT_SUPERVISOR = "placement_supervisor"
    COMPANY_CONSULTANT = "company_consultant"
    CASEWORKER = "caseworker"
    INTERPRETER = "interpreter"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "citizen": "Citizen",
            "mentor": "Mentor",
            "placement_supervisor": "Placement supervisor",
            "company_consultant": "Company consultant",
            "caseworker": "Caseworker",
            "interpreter": "Interpreter",
            "other": "Other",
        }


class AuditAction(_Labelled):
    """What an audit-log row records (domain/audit.py)."""

    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    IMPORT = "import"
    ERASE = "erase"
    OPEN_RECORD = "open_record"
    UNLOCK = "unlock"
    BACKUP = "backup"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "create": "Created",
            "update": "Changed",
            "delete": "Deleted",
            "export": "Exported",
            "import": "Imported",
            "erase": "Erased",
            "open_record": "Opened the record",
            "unlock": "Unlocked",
            "backup": "Backed up",
        }
