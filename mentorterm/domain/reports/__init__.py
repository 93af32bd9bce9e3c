"""The progression report for the caseworker: facts from the records, the
mentor's judgement in their own words, saved per citizen, as Markdown or PDF.

The factual parts are computed from the records every time the report is
built (course, attendance and stability, hours steps, placements, sub-goal
scores, accommodations), so they are traceable and never go stale. Only the
period and the mentor's texts (``ReportTextsIn``) are saved, in ``Report``.

What is left out on purpose (DOMAIN.md, GDPR): the logbook's free notes,
tasks, body and home-life fields, the answers given while scoring, meeting
notes and the citizen's other details. A report holds only the facts listed
above and what the mentor typed into the report itself.

The rooms: ``facts``/``contact``/``model`` (read models), ``gather`` and
``build`` (reading the records), ``saved`` (saved reports and periods),
``document`` with ``attendance``, ``goals`` and ``wording`` (the report as a
Document), ``export`` (the files).
"""

from __future__ import annotations

from .build import progression_report
from .contact import ContactFrequency, MeetingFact, contact_line
from .document import report_document
from .export import export_report, render_markdown, render_pdf, report_file_stem
from .facts import (
    BLOCK_DAYS,
    TEXT_FIELDS,
    AccommodationFact,
    CourseFact,
    ExtensionFact,
    HoursStepFact,
    PlacementAttendance,
    PlacementFact,
    ScorePoint,
    StabilityBlock,
    SubGoalProgress,
    text_label,
)
from .model import ProgressionReport, ReportListItem
from .saved import (
    default_period,
    default_report_period,
    delete_report,
    report_texts,
    reports_of,
    save_report,
    saved_report,
)

__all__ = [
    "BLOCK_DAYS",
    "TEXT_FIELDS",
    "AccommodationFact",
    "ContactFrequency",
    "CourseFact",
    "ExtensionFact",
    "HoursStepFact",
    "MeetingFact",
    "PlacementAttendance",
    "PlacementFact",
    "ProgressionReport",
    "ReportListItem",
    "ScorePoint",
    "StabilityBlock",
    "SubGoalProgress",
    "contact_line",
    "default_period",
    "default_report_period",
    "delete_report",
    "export_report",
    "progression_report",
    "render_markdown",
    "render_pdf",
    "report_document",
    "report_file_stem",
    "report_texts",
    "reports_of",
    "save_report",
    "saved_report",
    "text_label",
]
