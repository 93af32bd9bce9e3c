"""Kept drafts brought back after a crash: each into its own form, where it was written.

The start offers every kept draft (RestoreDraftsScreen); ``restore_kept``
opens the one chosen: a meeting note in the citizen's meetings, a logbook day
in its logbook, a report's texts on the report, a review decision in the
weekly review at that citizen. A draft of another form is shown to read, word
for word (opening that form again offers it back).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Footer, Header, Static

from .. import keys
from ..domain import drafts
from ..format import show_datetime
from ..i18n import _
from ..widgets.lists import BackHelpScreen
from ..widgets.markup import escape


def _form(draft: drafts.DraftView) -> str:
    return draft.key.split(":", 1)[0]


def _context(draft: drafts.DraftView) -> dict[str, Any]:
    context = draft.values.get("context")
    return context if isinstance(context, dict) else {}


def _fields(draft: drafts.DraftView) -> dict[str, Any] | None:
    fields = draft.values.get("fields")
    return fields if isinstance(fields, dict) else None


def restore_kept(app, draft: drafts.DraftView) -> None:
    """Open a kept draft in its own form (or to read, when it has no form to go back to)."""
    form = _form(draft)
    if form == "meeting-note":
        app.restore_note(draft)
        return
    fields = _fields(draft)
    if fields is None:
        app.notify(_("This draft cannot be opened; it was left as it is."), severity="warning")
        return
    context = _context(draft)
    try:
        opened = {
            "logbook-entry": _logbook_entry,
            "report-texts": _report_texts,
            "review-decision": _review_decision,
        }.get(form, _read_only)(app, draft, context, fields)
    except Exception:  # the record went meanwhile, a hand-edited draft: show the text
        opened = False
    if not opened:
        _read_only(app, draft, context, fields)


def _logbook_entry(app, draft, context, fields) -> bool:
    from ..domain import logbook
    from ..domain.citizens import get_citizen
    from ..domain.placements import placement_view
    from .logbook import LogbookEntryForm, LogbookScreen

    placement_id = int(context["placement"])
    entry_id = context.get("entry")
    placement = placement_view(placement_id)
    name = get_citizen(draft.citizen_id).name if draft.citizen_id is not None else ""
    initial = (
        logbook.entry_input(int(entry_id)).model_dump() if entry_id is not None else dict(fields)
    )
    screen = LogbookScreen(placement_id, f"{name} · {placement.workplace}")
    app.push_screen(screen)
    app.push_screen(
        LogbookEntryForm(placement_id, entry_id, initial).restore_from(fields),
        lambda saved: saved and screen.load(select_id=saved),
    )
    return True


def _report_texts(app, draft, context, fields) -> bool:
    from ..domain.citizens import get_citizen
    from .reports import ReportScreen

    citizen_id = int(context["citizen"])
    report_id = context.get("report")
    start = date.fromisoformat(context["start"])
    end = date.fromisoformat(context["end"])
    screen = ReportScreen(
        citizen_id,
        get_citizen(citizen_id).name,
        start,
        end,
        report_id=int(report_id) if report_id is not None else None,
    )
    app.push_screen(screen)
    screen.edit_texts(restore=fields)
    return True


def _review_decision(app, draft, context, fields) -> bool:
    from ..domain.review import iso_week_of
    from .review import ReviewScreen

    if context.get("week") != iso_week_of(app.today):  # another week's review: to read
        return False
    app.push_screen(ReviewScreen(focus_citizen=int(context["citizen"])))
    return True


def _read_only(app, draft, context, fields) -> bool:
    app.push_screen(KeptDraftScreen(draft))
    return True


class KeptDraftScreen(BackHelpScreen):
    """A kept draft of a form that cannot be reopened from here, to read and copy."""

    CSS_PATH = "drafts.tcss"
    HELP_TITLE = _("A kept draft")
    BINDINGS = keys.bindings("kept_draft")

    def __init__(self, draft: drafts.DraftView) -> None:
        super().__init__()
        self.draft = draft

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            _(
                "[b]{title}[/b] · kept {when}, not saved. Open the form again and it "
                "offers this text back; [b]escape[/b] goes back."
            ).format(title=escape(self.draft.title), when=show_datetime(self.draft.saved_at)),
            id="kept-title",
            classes="screen-title",
        )
        lines = []
        for name, value in (_fields(self.draft) or {}).items():
            if value in (None, "", False):
                continue
            lines.append(f"[b]{escape(name.replace('_', ' '))}[/b]\n{escape(str(value))}\n")
        with VerticalScroll(id="kept-text"):
            yield Static("\n".join(lines) or _("(nothing typed)"))
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#kept-text").focus()
