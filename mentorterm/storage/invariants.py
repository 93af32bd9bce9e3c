"""The domain's invariants beyond what the schema enforces, as queries (``mentorterm check``).

Each query selects, for every offending row, (citizen id, citizen name, a
detail); domain/checks.py words them. The SQL is the engine's business, so
it lives here.
"""

from __future__ import annotations

from .engine import execute

QUERIES: dict[str, str] = {
    "extension_before_course": """SELECT c.id, c.name, x.new_end FROM course_extension x
           JOIN course co ON co.id = x.course_id JOIN citizen c ON c.id = co.citizen_id
           WHERE x.new_end < co.start_date""",
    "logbook_outside_placement": """SELECT c.id, c.name, l.entry_date FROM logbook_entry l
           JOIN placement p ON p.id = l.placement_id JOIN citizen c ON c.id = p.citizen_id
           WHERE l.entry_date < p.start_date
              OR (p.end_date IS NOT NULL AND l.entry_date > p.end_date)""",
    "work_on_absence": """SELECT c.id, c.name, l.entry_date FROM logbook_entry l
           JOIN citizen c ON c.id = l.citizen_id
           WHERE l.attendance != 'present' AND (l.hours_worked > 0 OR l.left_early)""",
    "logbook_other_citizen": """SELECT c.id, c.name, l.entry_date FROM logbook_entry l
           JOIN citizen c ON c.id = l.citizen_id
           WHERE l.citizen_id != (SELECT citizen_id FROM placement WHERE id = l.placement_id)""",
    "open_courses": """SELECT c.id, c.name, count(*) FROM course co JOIN citizen c ON c.id = co.citizen_id
           WHERE co.end_date IS NULL GROUP BY c.id HAVING count(*) > 1""",
    "status_without_date": """SELECT c.id, c.name, g.title FROM sub_goal g JOIN citizen c ON c.id = g.citizen_id
           WHERE g.status != 'active' AND g.status_date IS NULL""",
    "placement_other_course": """SELECT c.id, c.name, p.workplace FROM placement p JOIN citizen c ON c.id = p.citizen_id
           JOIN course co ON co.id = p.course_id WHERE co.citizen_id != p.citizen_id""",
    "sub_goal_other_course": """SELECT c.id, c.name, g.title FROM sub_goal g JOIN citizen c ON c.id = g.citizen_id
           JOIN course co ON co.id = g.course_id WHERE co.citizen_id != g.citizen_id""",
    "action_item_other_meeting": """SELECT c.id, c.name, a.what FROM action_item a JOIN citizen c ON c.id = a.citizen_id
           JOIN meeting m ON m.id = a.meeting_id WHERE m.citizen_id != a.citizen_id""",
    "default_mentor": """SELECT 0, '', count(*) FROM mentor WHERE is_default HAVING count(*) != 1""",
}


def offending_rows(rule: str) -> list[tuple]:
    """The rows that break ``rule`` (a key of ``QUERIES``)."""
    return execute(QUERIES[rule]).fetchall()
