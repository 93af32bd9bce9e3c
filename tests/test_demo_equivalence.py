"""The demo written through the domain holds the rows the old row-writing builder made.

The digests were taken from the old builder (mentorterm/demo.py before the
package, commit 1f726f8) with tests/demo_dump.py: every table's rows without
surrogate ids (a foreign key is replaced by the row it points to), sorted,
audit rows and the mentor left out. Two columns are left out because the
domain now decides them (demo_dump.DOMAIN_DECIDES): sub-goal priorities (the
active ones numbered 1..n, as ``create_sub_goal``/``set_status`` keep them) and
a course's ``updated_at`` (``extend_course`` writes an extension row, not the
course). Everything else — every timestamp included — is as before, but for
one change of the story since: the aftercare persona's call one month into
the job is an aftercare follow-up (schema 12: it records where the citizen
stands, in the same job), so the meeting and participant digests were taken
again with its kind changed (the situation itself is the domain's, left out).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import mentorterm.demo

from .demo_dump import DOMAIN_DECIDES, digests, dump_demo

BEFORE = {
    1: {
        "citizen": "0c4bfe948d9c6c69",
        "course": "090da02e51f25927",
        "course_extension": "e732c8fd3e175a5c",
        "sub_goal": "6502c52e3c2d3e24",
        "alliance_score": "9fb9894b2edaa313",
        "placement": "b7d215d94ec36f37",
        "hours_step": "6225de7ea445b74d",
        "logbook_entry": "ebcadba130f3a44d",
        "meeting": "9771c7df9a891753",
        "meeting_participant": "ee7558fc44c73914",
        "action_item": "efcdff99d3cc3c2b",
        "review_note": "c6ca620d9863a803",
        "draft": "4f53cda18c2baa0c",
        "report": "4f53cda18c2baa0c",
    },
    2: {
        "citizen": "db63dc86bc337b98",
        "course": "60b21bde169676a1",
        "course_extension": "5844ba1c864364b5",
        "sub_goal": "cf2de2743edbf1a7",
        "alliance_score": "63ce5f67fb838894",
        "placement": "ef4491ca2fabcf98",
        "hours_step": "bb5170f46e48c21d",
        "logbook_entry": "eefaf305fbf6a077",
        "meeting": "ed4b61c43e5c5be0",
        "meeting_participant": "1cedaca8dafa8313",
        "action_item": "017b4fc7c50eed78",
        "review_note": "e42a89e5a1dc3f16",
        "draft": "4f53cda18c2baa0c",
        "report": "4f53cda18c2baa0c",
    },
}


@pytest.mark.parametrize("seed", sorted(BEFORE))
def test_the_domain_builder_writes_the_old_builders_rows(seed):
    assert digests(dump_demo(seed, leave_out=DOMAIN_DECIDES)) == BEFORE[seed]


def test_what_the_domain_decides_follows_its_rules(database):
    """The two columns left out above: the domain's own values, not the old ones."""
    from datetime import date

    from mentorterm.demo import generate_demo
    from mentorterm.models import Course, Meeting, MeetingStatusChange, SubGoal

    generate_demo(seed=1, today=date(2026, 11, 22))
    for citizen in {g.citizen_id for g in SubGoal.select()}:
        active = SubGoal.select().where((SubGoal.citizen == citizen) & (SubGoal.status == "active"))
        assert sorted(g.priority for g in active) == list(range(1, active.count() + 1))
    extended_only = [c for c in Course.select() if c.extensions.count() and c.end_date is None]
    assert extended_only
    assert all(c.updated_at == c.created_at for c in extended_only)
    # Booked before its day; each outcome one dated change from planned (schema 8).
    assert all(
        m.booked_on is not None and m.booked_on <= m.starts_at.date() for m in Meeting.select()
    )
    changes = {c.meeting_id: c for c in MeetingStatusChange.select()}
    recorded = Meeting.select().where(Meeting.status != "planned")
    assert recorded.count() == len(changes) > 0
    assert all(changes[m.id].status_from == "planned" for m in recorded)
    assert all(changes[m.id].status_to == m.status for m in recorded)


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = "." * node.level + (node.module or "")
            names.add(base)
            names.update(f"{base}.{alias.name}" for alias in node.names)
    return names


def test_the_demo_package_writes_only_through_the_domain():
    """No module of mentorterm/demo/ imports the models, storage, peewee or playhouse."""
    package = Path(mentorterm.demo.__file__).parent
    offenders = []
    for path in sorted(package.rglob("*.py")):
        for name in _imports(path):
            parts = name.lstrip(".").split(".")
            if parts[0] in ("peewee", "playhouse") or {"models", "storage"} & set(parts):
                offenders.append(f"{path.relative_to(package)}: {name}")
    assert offenders == []
    assert len(list(package.rglob("*.py"))) > 10
