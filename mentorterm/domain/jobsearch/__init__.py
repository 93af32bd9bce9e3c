"""The job search (issue 20): the CV's state, the companies contacted and
their follow-ups, the list of companies to approach.

``cv`` the CV's state and its history; ``contacts`` applications and
contacts (a follow-up past its day and not done is overdue, like an
agreement); ``targets`` the companies to approach, in order; ``views`` the
read models; ``followups`` the overdue follow-ups among the agreements and
in the counts of overdue agreements; ``summary`` one citizen's job search
for the screen and the report.
"""

from __future__ import annotations

from .contacts import (
    add_contact,
    contact_input,
    delete_contact,
    follow_up_again,
    mark_followed_up,
    update_contact,
)
from .cv import cv_history, set_cv_state
from .summary import job_search, job_search_in_period
from .targets import (
    add_target,
    delete_target,
    mark_target_done,
    move_target,
    reopen_target,
    target_input,
    update_target,
)
from .views import ContactRow, CvRow, JobSearchView, TargetRow

__all__ = [
    "ContactRow",
    "CvRow",
    "JobSearchView",
    "TargetRow",
    "add_contact",
    "add_target",
    "contact_input",
    "cv_history",
    "delete_contact",
    "delete_target",
    "follow_up_again",
    "job_search",
    "job_search_in_period",
    "mark_followed_up",
    "mark_target_done",
    "move_target",
    "reopen_target",
    "set_cv_state",
    "target_input",
    "update_contact",
    "update_target",
]
