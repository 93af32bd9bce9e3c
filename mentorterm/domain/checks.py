"""The domain's own invariants, beyond what SQLite enforces (``mentorterm check``)."""

from __future__ import annotations

from ..i18n import _
from ..models import db

# (SQL selecting offending rows' descriptions, message template).
_RULES: list[tuple[str, str]] = [
    (
        """SELECT c.id, c.name, x.new_end FROM course_extension x
           JOIN course co ON co.id = x.course_id JOIN citizen c ON c.id = co.citizen_id
           WHERE x.new_end < co.start_date""",
        "Citizen {1} (id {0}): a course extension ends ({2}) before the course starts.",
    ),
    (
        """SELECT c.id, c.name, l.entry_date FROM logbook_entry l
           JOIN placement p ON p.id = l.placement_id JOIN citizen c ON c.id = p.citizen_id
           WHERE l.entry_date < p.start_date
              OR (p.end_date IS NOT NULL AND l.entry_date > p.end_date)""",
        "Citizen {1} (id {0}): a logbook entry on {2} lies outside its placement's dates.",
    ),
    (
        """SELECT c.id, c.name, l.entry_date FROM logbook_entry l
           JOIN citizen c ON c.id = l.citizen_id
           WHERE l.attendance != 'present' AND (l.hours_worked > 0 OR l.left_early)""",
        "Citizen {1} (id {0}): the logbook for {2} records work on a day of absence.",
    ),
    (
        """SELECT c.id, c.name, l.entry_date FROM logbook_entry l
           JOIN citizen c ON c.id = l.citizen_id
           WHERE l.citizen_id != (SELECT citizen_id FROM placement WHERE id = l.placement_id)""",
        "Citizen {1} (id {0}): the logbook entry for {2} belongs to another citizen's placement.",
    ),
    (
        """SELECT c.id, c.name, count(*) FROM course co JOIN citizen c ON c.id = co.citizen_id
           WHERE co.end_date IS NULL GROUP BY c.id HAVING count(*) > 1""",
        "Citizen {1} (id {0}) has {2} open courses at once; end all but one.",
    ),
    (
        """SELECT c.id, c.name, g.title FROM sub_goal g JOIN citizen c ON c.id = g.citizen_id
           WHERE g.status != 'active' AND g.status_date IS NULL""",
        "Citizen {1} (id {0}): the sub-goal '{2}' changed status without a date.",
    ),
    (
        """SELECT c.id, c.name, p.workplace FROM placement p JOIN citizen c ON c.id = p.citizen_id
           JOIN course co ON co.id = p.course_id WHERE co.citizen_id != p.citizen_id""",
        "Citizen {1} (id {0}): the placement at {2} is linked to another citizen's course.",
    ),
    (
        """SELECT c.id, c.name, g.title FROM sub_goal g JOIN citizen c ON c.id = g.citizen_id
           JOIN course co ON co.id = g.course_id WHERE co.citizen_id != g.citizen_id""",
        "Citizen {1} (id {0}): the sub-goal '{2}' is linked to another citizen's course.",
    ),
    (
        """SELECT c.id, c.name, a.what FROM action_item a JOIN citizen c ON c.id = a.citizen_id
           JOIN meeting m ON m.id = a.meeting_id WHERE m.citizen_id != a.citizen_id""",
        "Citizen {1} (id {0}): the action item '{2}' is linked to another citizen's meeting.",
    ),
    (
        """SELECT 0, '', count(*) FROM mentor WHERE is_default HAVING count(*) != 1""",
        "There must be exactly one default mentor (found {2}).",
    ),
]


def rule_problems() -> list[str]:
    """Every broken domain rule, one line each (empty when all is well)."""
    problems: list[str] = []
    for sql, template in _RULES:
        for row in db.execute_sql(sql).fetchall():
            problems.append(_(template).format(*row))
    return problems
