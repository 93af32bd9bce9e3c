"""The access export's readable form, built as a Document: every record, field by field."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from ...documents import Block, Column, Document, Facts, Heading, Table, Text
from ...format import show_date, show_datetime
from ...i18n import _
from ..views import View
from .jobsearch import job_search_blocks
from .sessions import session_blocks
from .values import field_label, record_rows, show_value


class AccessEvent(View):
    """One access to the citizen's record (from the audit log)."""

    at: datetime
    who: str
    purpose: str


def _record(
    title: str, kind: str, record: dict[str, Any], refs: dict[str, str] | None = None
) -> list[Block]:
    return [Heading(title, level=2), Facts(record_rows(kind, record, refs or {}), label_width=52)]


def _mentor_names(document: dict[str, Any]) -> dict[str | None, str]:
    names: dict[str | None, str] = {None: "–"}
    for mentor in document["mentors"]:
        names[mentor["key"]] = mentor["name"]
    return names


class _Citizen:
    """One citizen's records as blocks, with linked records named by what they are."""

    def __init__(
        self,
        citizen: dict[str, Any],
        mentors: dict[str | None, str],
        sites: dict[str | None, str] | None = None,
    ):
        self.citizen = citizen
        self.mentors = mentors
        self.sites = sites or {}

    def mentor(self, key: str | None) -> dict[str, str]:
        return {"mentor": self.mentors.get(key, "–")}

    def course_name(self, position: int | None) -> dict[str, str]:
        if position is None:
            return {"course": "–"}
        course = self.citizen["courses"][position]
        start = show_value("", "", course["start_date"])
        return {"course": _("Course from {start}").format(start=start)}

    def meeting_name(self, position: int | None) -> dict[str, str]:
        if position is None:
            return {"meeting": "–"}
        when = show_value("", "", self.citizen["meetings"][position]["starts_at"])
        return {"meeting": _("Meeting {when}").format(when=when)}

    def courses(self, n: int, record: dict[str, Any]) -> list[Block]:
        blocks = _record(_("Course {n}").format(n=n), "course", record)
        for x in record["extensions"]:
            blocks += _record(_("Extension"), "extension", x)
        return blocks

    def sub_goals(self, n: int, record: dict[str, Any]) -> list[Block]:
        title = _("Sub-goal {n}: {title}").format(n=n, title=record["title"])
        blocks = _record(title, "sub_goal", record, self.course_name(record["course"]))
        for s in record["scores"]:
            day = show_value("", "", s["scored_on"])
            blocks += _record(
                _("Score {day}").format(day=day), "score", s, self.mentor(s["mentor"])
            )
        return blocks

    def placements(self, n: int, record: dict[str, Any]) -> list[Block]:
        title = _("Placement {n}: {workplace}").format(n=n, workplace=record["workplace"])
        refs = {
            **self.course_name(record["course"]),
            "site": self.sites.get(record.get("site"), "–"),
        }
        blocks = _record(title, "placement", record, refs)
        for s in record["hours_steps"]:
            blocks += _record(_("Hours step"), "hours_step", s)
        for e in record["logbook"]:
            day = show_value("", "", e["entry_date"])
            blocks += _record(_("Logbook {day}").format(day=day), "logbook", e)
        return blocks

    def meetings(self, n: int, record: dict[str, Any]) -> list[Block]:
        blocks = _record(
            _("Meeting {n}").format(n=n), "meeting", record, self.mentor(record["mentor"])
        )
        for p in record["participants"]:
            blocks += _record(_("Participant"), "participant", p)
        for x in record.get("status_changes", []):
            refs = self.mentor(x["mentor"])
            blocks += _record(_("Status change"), "status_change", x, refs)
        return blocks

    def action_items(self, n: int, record: dict[str, Any]) -> list[Block]:
        refs = self.meeting_name(record["meeting"])
        return _record(_("Agreement {n}").format(n=n), "action_item", record, refs)

    def review_notes(self, n: int, record: dict[str, Any]) -> list[Block]:
        refs = self.mentor(record["mentor"])
        return _record(_("Review note {n}").format(n=n), "review_note", record, refs)

    def reports(self, n: int, record: dict[str, Any]) -> list[Block]:
        return _record(_("Report {n}").format(n=n), "report", record)

    def sections(self) -> list[Block]:
        blocks: list[Block] = [Heading(_("Personal details"))]
        blocks += _record(
            self.citizen["name"], "citizen", self.citizen, self.mentor(self.citizen["mentor"])
        )
        for key, heading in (
            ("courses", _("Courses")),
            ("sub_goals", _("Sub-goals and scores")),
            ("placements", _("Placements and logbook")),
            ("meetings", _("Meetings")),
            ("action_items", _("Agreements (action items)")),
            ("review_notes", _("Case review notes")),
            ("reports", _("Progression reports")),
        ):
            records = self.citizen.get(key, [])
            blocks.append(Heading(f"{heading} ({len(records)})"))
            if not records:
                blocks.append(Text(_("None."), muted=True))
            for n, record in enumerate(records, start=1):
                blocks += getattr(self, key)(n, record)
        return blocks


def _drafts_blocks(drafts: Sequence[dict[str, Any]] | None) -> list[Block]:
    blocks: list[Block] = [Heading(_("Unsaved drafts ({count})").format(count=len(drafts or [])))]
    if not drafts:
        blocks.append(Text(_("None."), muted=True))
    for draft in drafts or []:
        facts = [
            (field_label(k), show_value("draft", k, v)) for k, v in draft.items() if k != "title"
        ]
        blocks += [Heading(draft["title"] or _("Draft"), level=2), Facts(facts, label_width=52)]
    return blocks


def _accesses_blocks(accesses: Sequence[AccessEvent] | None) -> list[Block]:
    blocks: list[Block] = [Heading(_("Access to your record"))]
    if accesses is None:
        text = _("No log of who opened the record and why is kept yet.")
        return [*blocks, Text(text, muted=True)]
    if not accesses:
        return [*blocks, Text(_("No access is logged."), muted=True)]
    columns = (
        Column(_("When"), width=34),
        Column(_("Who"), width=50),
        Column(_("Purpose"), width=90),
    )
    rows = [[show_datetime(a.at), a.who, a.purpose] for a in accesses]
    return [*blocks, Table(columns, rows)]


def _day(text: str) -> str:
    return show_date(date.fromisoformat(text))


def _handover_blocks(handovers: Sequence[dict[str, Any]], names: dict) -> list[Block]:
    blocks: list[Block] = [Heading(_("Handovers between mentors"))]
    if not handovers:
        return [*blocks, Text(_("None."), muted=True)]
    columns = (
        Column(_("Day"), width=30),
        Column(_("From"), width=40),
        Column(_("To"), width=40),
        Column(_("Note"), width=64),
    )
    gone = _("(a former mentor)")
    rows = [
        [
            _day(h["handed_on"]),
            names.get(h["from_mentor"], gone) if h["from_mentor"] else gone,
            names.get(h["to_mentor"], gone) if h["to_mentor"] else gone,
            h["note"],
        ]
        for h in handovers
    ]
    return [*blocks, Table(columns, rows)]


def _cover_blocks(covers: Sequence[dict[str, Any]], names: dict) -> list[Block]:
    """Who else could write about the citizen, and when: a colleague covering
    a mentor who had them (holiday, sick leave)."""
    blocks: list[Block] = [Heading(_("Covers: colleagues who could write about you"))]
    if not covers:
        return [*blocks, Text(_("None."), muted=True)]
    columns = (
        Column(_("From"), width=26),
        Column(_("To"), width=26),
        Column(_("Covering"), width=30),
        Column(_("For"), width=30),
        Column(_("Note"), width=62),
    )
    rows = [
        [
            _day(c["starts_on"]),
            _day(c["ends_on"]),
            names.get(c["mentor"], "–"),
            names.get(c["covered"], "–"),
            c["note"],
        ]
        for c in covers
    ]
    return [*blocks, Table(columns, rows)]


def _workplace_blocks(workplaces: Sequence[dict[str, Any]]) -> list[Block]:
    """The register's workplaces the citizen's placements were at (the provider's
    records, shown for the contacts the citizen met there)."""
    blocks: list[Block] = [Heading(_("Workplaces of your placements"))]
    if not workplaces:
        return [*blocks, Text(_("None."), muted=True)]
    for w in workplaces:
        blocks += _record(w["name"], "workplace", {k: v for k, v in w.items() if k != "key"})
    return blocks


def access_document(
    document: dict[str, Any],
    today: date,
    accesses: Sequence[AccessEvent] | None = None,
    drafts: Sequence[dict[str, Any]] | None = None,
) -> Document:
    """The readable form of a one-citizen interchange document (and its drafts), as blocks."""
    citizen = document["citizens"][0]
    mentors = _mentor_names(document)
    meta = [
        (_("Citizen"), citizen["name"]),
        (_("Written on"), show_date(today)),
        (_("Kept by"), mentors.get(citizen["mentor"], "–")),
    ]
    intro = _(
        "This document lists every record about you in the mentor's program, "
        "field by field. The enclosed JSON file holds the same data in a "
        "machine-readable form."
    )
    result = Document(
        _("Everything held about {name}").format(name=citizen["name"]),
        meta,
        footer=_("{name} · Access to own data").format(name=citizen["name"]),
    )
    workplaces = document.get("workplaces", [])
    sites = {w["key"]: w["name"] for w in workplaces}
    result.add(Text(intro, muted=True), *_Citizen(citizen, mentors, sites).sections())
    return result.add(
        *job_search_blocks(citizen),
        *_handover_blocks(citizen.get("handovers", []), mentors),
        *session_blocks(
            citizen.get("session_participations", []), document.get("group_sessions", [])
        ),
        *_cover_blocks(document.get("covers", []), mentors),
        *_workplace_blocks(workplaces),
        *_drafts_blocks(drafts),
        *_accesses_blocks(accesses),
    )
