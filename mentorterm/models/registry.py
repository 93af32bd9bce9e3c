"""Every model in creation order, as storage creates and migrates them."""

from __future__ import annotations

from peewee import (
    Model,
)

from .audit import AuditEntry, ErasureInProgress
from .base import BaseModel
from .courses import AllianceScore, Course, CourseExtension, SubGoal
from .jobsearch import CvStatus, JobContact, TargetCompany
from .meetings import ActionItem, Meeting, MeetingParticipant, MeetingStatusChange, ReviewNote
from .people import Citizen, Mentor
from .placements import HoursStep, LogbookEntry, Placement
from .provider import GroupSeries, GroupSession, SessionParticipant, Workplace
from .records import Draft, Report
from .team import Cover, Handover

# Tables in dependency order (parents first): creation order, and the order
# an export walks.
ALL_MODELS: list[type[BaseModel]] = [
    Mentor,
    Citizen,
    Workplace,
    Course,
    CourseExtension,
    SubGoal,
    AllianceScore,
    Placement,
    HoursStep,
    LogbookEntry,
    Meeting,
    MeetingParticipant,
    MeetingStatusChange,
    ActionItem,
    ReviewNote,
    Draft,
    Report,
    Handover,
    Cover,
    GroupSeries,
    GroupSession,
    SessionParticipant,
    CvStatus,
    JobContact,
    TargetCompany,
]


# The audit log's tables: created with the schema, outside ALL_MODELS.
AUDIT_MODELS: list[type[Model]] = [AuditEntry, ErasureInProgress]
