"""The fixed lists of the domain (DOMAIN.md), with the words a mentor reads.

Stored values are the English snake_case names; labels go through ``_()``.
"""

from __future__ import annotations

from enum import StrEnum

from .i18n import N_, _


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
            "ordinary_job": N_("Ordinary job"),
            "work_capacity_clarification": N_("Clarification of work capacity"),
            "flexjob": N_("Toward flexjob"),
            "resource_course": N_("Toward resource course"),
            "early_retirement": N_("Toward early retirement"),
            "education": N_("Education"),
            "other": N_("Other"),
        }

    @property
    def short_label(self) -> str:
        """A label narrow enough for a table column."""
        labels = {
            "ordinary_job": N_("Job"),
            "work_capacity_clarification": N_("Clarification"),
            "flexjob": N_("Flexjob"),
            "resource_course": N_("Resource crs."),
            "early_retirement": N_("Early retirem."),
            "education": N_("Education"),
            "other": N_("Other"),
        }
        return _(labels[self.value])


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
            "ordinary_job": N_("Ordinary job"),
            "paid_hours": N_("Paid hours / small job"),
            "wage_subsidy": N_("Wage subsidy"),
            "education": N_("Education"),
            "flexjob_granted": N_("Flexjob granted"),
            "resource_course": N_("Resource course"),
            "early_retirement": N_("Early retirement"),
            "other_provider": N_("Moved to another provider"),
            "absence_sanction": N_("Ended for absence / sanction"),
            "sick_leave": N_("Sick leave"),
            "other": N_("Other"),
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
            "active": N_("Active"),
            "achieved": N_("Achieved"),
            "paused": N_("Paused"),
            "dropped": N_("Dropped"),
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
            "training_ground": N_("Internal training ground"),
            "company_internship": N_("Company internship"),
            "wage_subsidy": N_("Wage subsidy"),
            "paid_hours": N_("Paid hours / small job"),
            "hybrid": N_("Hybrid"),
            "flexjob": N_("Flexjob"),
            "ordinary_job": N_("Ordinary job"),
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
            "present": N_("Present"),
            "sick": N_("Sick"),
            "absent_with_notice": N_("Absent with notice"),
            "absent_without_notice": N_("Absent without notice"),
        }


class Author(_Labelled):
    """Who wrote a logbook entry."""

    CITIZEN = "citizen"
    MENTOR = "mentor"
    WORKPLACE = "workplace"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {"citizen": N_("Citizen"), "mentor": N_("Mentor"), "workplace": N_("Workplace")}


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
            "one_to_one": N_("1:1 conversation"),
            "three_party": N_("Three-party follow-up"),
            "caseworker": N_("Caseworker meeting"),
            "network": N_("Network meeting"),
            "phone": N_("Phone call"),
            "walk": N_("Walk"),
            "aftercare": N_("Aftercare follow-up"),
            "workplace_follow_up": N_("Workplace follow-up (supervisor)"),
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
            "planned": N_("Planned"),
            "held": N_("Held"),
            "cancelled": N_("Cancelled"),
            "no_show": N_("No-show"),
            "rescheduled": N_("Rescheduled"),
        }


class AftercareSituation(_Labelled):
    """Where the citizen stands at an aftercare follow-up (schema 12): recorded
    on the held aftercare meeting, it is what the year's figures count on the
    aftercare day (before the placements running that day)."""

    SAME_JOB = "same_job"
    OTHER_JOB = "other_job"
    FLEXJOB = "flexjob"
    PAID_HOURS = "paid_hours"
    WAGE_SUBSIDY = "wage_subsidy"
    EDUCATION = "education"
    BACK_ON_BENEFITS = "back_on_benefits"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "same_job": N_("In the same job"),
            "other_job": N_("In another ordinary job"),
            "flexjob": N_("In a flexjob"),
            "paid_hours": N_("In paid hours / a small job"),
            "wage_subsidy": N_("In wage subsidy"),
            "education": N_("In education"),
            "back_on_benefits": N_("Without work: back on benefits"),
            "other": N_("Other"),
        }

    @property
    def in_job(self) -> bool:
        """In a job (ordinary or flexjob), as the year's figures count it."""
        return self in {
            AftercareSituation.SAME_JOB,
            AftercareSituation.OTHER_JOB,
            AftercareSituation.FLEXJOB,
        }

    @property
    def in_work(self) -> bool:
        """In work of any kind: a job, paid hours / a small job, wage subsidy."""
        return self.in_job or self in {
            AftercareSituation.PAID_HOURS,
            AftercareSituation.WAGE_SUBSIDY,
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
            "citizen": N_("Citizen"),
            "workplace": N_("Workplace"),
            "mentor": N_("Mentor"),
            "caseworker": N_("Caseworker"),
            "interpreter": N_("Interpreter"),
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
            "citizen": N_("Citizen"),
            "mentor": N_("Mentor"),
            "placement_supervisor": N_("Placement supervisor"),
            "company_consultant": N_("Company consultant"),
            "caseworker": N_("Caseworker"),
            "interpreter": N_("Interpreter"),
            "other": N_("Other"),
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
            "create": N_("Created"),
            "update": N_("Changed"),
            "delete": N_("Deleted"),
            "export": N_("Exported"),
            "import": N_("Imported"),
            "erase": N_("Erased"),
            "open_record": N_("Opened the record"),
            "unlock": N_("Unlocked"),
            "backup": N_("Backed up"),
        }
