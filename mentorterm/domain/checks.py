"""The domain's own invariants, beyond what SQLite enforces (``mentorterm check``)."""

from __future__ import annotations

from ..i18n import N_, _
from ..storage import invariants

# Each rule's offending rows (citizen id, name, detail; storage/invariants.py)
# and how a mentor reads one.
_RULES: dict[str, str] = {
    "extension_before_course": N_(
        "Citizen {1} (id {0}): a course extension ends ({2}) before the course starts."
    ),
    "logbook_outside_placement": N_(
        "Citizen {1} (id {0}): a logbook entry on {2} lies outside its placement's dates."
    ),
    "work_on_absence": N_(
        "Citizen {1} (id {0}): the logbook for {2} records work on a day of absence."
    ),
    "logbook_other_citizen": N_(
        "Citizen {1} (id {0}): the logbook entry for {2} belongs to another citizen's placement."
    ),
    "open_courses": N_("Citizen {1} (id {0}) has {2} open courses at once; end all but one."),
    "status_without_date": N_(
        "Citizen {1} (id {0}): the sub-goal '{2}' changed status without a date."
    ),
    "placement_other_course": N_(
        "Citizen {1} (id {0}): the placement at {2} is linked to another citizen's course."
    ),
    "sub_goal_other_course": N_(
        "Citizen {1} (id {0}): the sub-goal '{2}' is linked to another citizen's course."
    ),
    "action_item_other_meeting": N_(
        "Citizen {1} (id {0}): the action item '{2}' is linked to another citizen's meeting."
    ),
    "default_mentor": N_("There must be exactly one default mentor (found {2})."),
}


def rule_problems() -> list[str]:
    """Every broken domain rule, one line each (empty when all is well)."""
    problems: list[str] = []
    for rule, template in _RULES.items():
        for row in invariants.offending_rows(rule):
            problems.append(_(template).format(*row))
    return problems
