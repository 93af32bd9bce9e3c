"""The fixed lists of the provider's own work (schema 10): a group session's
roll call, the CV's state, how a company was contacted and how it went."""

from __future__ import annotations

from .enums import Attendance, _Labelled
from .i18n import N_


class SessionAttendance(_Labelled):
    """One participant at one group session (holdundervisning)."""

    PRESENT = "present"
    SICK = "sick"
    ABSENT_WITH_NOTICE = "absent_with_notice"
    ABSENT_WITHOUT_NOTICE = "absent_without_notice"
    LEFT_FOR_CONVERSATION = "left_for_conversation"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        # A logbook day's four, and the group's own way out of a session.
        return Attendance._labels() | {
            "left_for_conversation": N_("Left for an individual conversation"),
        }


class CvState(_Labelled):
    NONE = "none"
    BEING_WRITTEN = "being_written"
    UP_TO_DATE = "up_to_date"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "none": N_("No CV"),
            "being_written": N_("CV being written"),
            "up_to_date": N_("CV up to date"),
        }


class ContactHow(_Labelled):
    """How the citizen (or the mentor with them) contacted a company."""

    APPLICATION = "application"
    CV_HANDED_IN = "cv_handed_in"
    VISIT = "visit"
    PHONE = "phone"
    EMAIL = "email"
    NETWORK = "network"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "application": N_("Application"),
            "cv_handed_in": N_("CV handed in"),
            "visit": N_("Visit"),
            "phone": N_("Phone call"),
            "email": N_("E-mail"),
            "network": N_("Through someone they know"),
            "other": N_("Other"),
        }


class ContactOutcome(_Labelled):
    WAITING = "waiting"
    NO = "no"
    INTERVIEW = "interview"
    PLACEMENT_OFFERED = "placement_offered"
    JOB_OFFERED = "job_offered"
    OTHER = "other"

    @classmethod
    def _labels(cls) -> dict[str, str]:
        return {
            "waiting": N_("Waiting for an answer"),
            "no": N_("No"),
            "interview": N_("Interview"),
            "placement_offered": N_("Placement offered"),
            "job_offered": N_("Job offered"),
            "other": N_("Other"),
        }
