"""The weekly case review: the week's queue, citizen by citizen, with a decision for each.

``R`` opens it from anywhere. The queue (most urgent first) is on the left;
the citizen in focus on the right: the signals with their facts, the
sub-goals' scores, attendance, open agreements and the last decisions.
The decision is typed at the bottom and kept per citizen per ISO week;
``x`` marks the citizen reviewed and moves on. While it is typed it is kept
as a draft (at most 2 s after a change), so a crash loses none of it: the
box shows the kept text again the next time that citizen is in focus. Coming back (or starting
mentorterm again) puts the cursor on the first citizen not yet reviewed.
"""

from __future__ import annotations

from datetime import date, datetime

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Static, TextArea

from .. import keys
from ..domain import drafts
from ..domain import review as domain
from ..domain.audit import ViewLog
from ..domain.review import review_detail
from ..domain.versions import ChangedMeanwhile
from ..format import show_date, show_datetime
from ..i18n import N_, _
from ..widgets.draft_timer import DraftTimer
from ..widgets.guard import safely
from .review_team import ReviewQueueTable
from .review_text import ActionItemForm, ReviewDayForm, detail_text

__all__ = ["ActionItemForm", "ReviewDayForm", "ReviewScreen", "detail_text"]


class ReviewScreen(ReviewQueueTable, Screen):
    """The week's queue; the citizen in focus; the decision."""

    CSS_PATH = "review.tcss"
    BINDINGS = keys.bindings("review")

    def __init__(self, focus_citizen: int | None = None) -> None:
        super().__init__()
        self.items: list[domain.ReviewItem] = []
        self.index = 0
        self._shown_text = ""  # the decision as last saved/loaded, to see changes
        # Each citizen in the queue is one read in the audit log, once per view.
        self._reads = ViewLog("weekly_review", N_("weekly review"))
        self._kept_text: str | None = None  # the decision as last kept in its draft
        self.focus_citizen = focus_citizen  # start at this citizen (a restored draft)
        self.decision_timer = DraftTimer(self, self.keep_decision_draft)
        self._told: set[str] = set()  # restored drafts already announced
        self._as_of: date | None = None  # a past day chosen with w; None: today

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="review-title")
        with Horizontal():
            table = DataTable(id="review-queue", cursor_type="row")
            yield table
            with Vertical(id="review-right"):
                with VerticalScroll(id="review-detail"):
                    yield Static(id="review-facts")
                yield Static(
                    _(
                        "[b]Decision[/b] · d writes · escape stops (kept) · "
                        "x or ctrl+s: reviewed, next · pgup/pgdn scroll"
                    ),
                    id="decision-label",
                )
                yield TextArea(id="decision", soft_wrap=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns(_("Citizen"), _("Signals"), "✓")
        self.query_one("#decision", TextArea).show_line_numbers = False
        self.load(resume=True)

    def on_screen_suspend(self) -> None:
        # A form opens on top: what is typed is kept, and comes back on resume.
        self.keep_draft_now()

    def on_screen_resume(self) -> None:
        if self.items:
            self.load()

    @property
    def as_of(self) -> date:
        return self._as_of or self.app.today

    @property
    def read_only(self) -> bool:
        """Another week's decisions are shown as recorded, not written here."""
        return domain.iso_week_of(self.as_of) != domain.iso_week_of(self.app.today)

    def action_pick_day(self) -> None:
        self.keep_decision()
        self.app.push_screen(ReviewDayForm({"day": self.as_of}), self._day_chosen)

    def _day_chosen(self, day: date | None) -> None:
        if day is None:
            return
        if day > self.app.today:
            self.notify(_("The review reads the records as they stood: pick today or earlier."))
            return
        self._as_of = None if day == self.app.today else day
        self.query_one("#decision", TextArea).read_only = self.read_only
        self.load(resume=True)

    @property
    def iso_week(self) -> str:
        return domain.iso_week_of(self.as_of)

    @safely
    def load(self, resume: bool = False) -> None:
        from ..settings import ReviewThresholds, SettingsError, load_settings

        try:
            thresholds = load_settings().review
        except SettingsError as error:  # a mistyped settings file: say so, use the defaults
            self.notify(
                _("{problem} The review uses the default thresholds.").format(problem=error),
                severity="warning",
                timeout=15,
            )
            thresholds = ReviewThresholds()
        keep = self.items[self.index].citizen_id if self.items and not resume else None
        self.items = self.read_queue(thresholds)
        self._reads.saw(item.citizen_id for item in self.items)
        table = self.query_one(DataTable)
        self.fill_queue(table)
        if not self.items:
            self.query_one("#review-facts", Static).update(
                _("Nobody needs attention this week: no signals.")
            )
            self.update_title()
            return
        write = False
        if resume and self.focus_citizen is not None:  # a restored draft: write on in it
            keep, self.focus_citizen, write = self.focus_citizen, None, True
        if keep is not None:
            self.index = next((i for i, it in enumerate(self.items) if it.citizen_id == keep), 0)
        else:  # resume at the first citizen not yet reviewed
            self.index = next((i for i, it in enumerate(self.items) if not it.reviewed), 0)
        table.move_cursor(row=self.row_of(self.index))
        self.show_current()
        if write:
            area = self.query_one("#decision", TextArea)
            area.focus()
            area.move_cursor(area.document.end)

    def update_title(self) -> None:
        done = sum(item.reviewed for item in self.items)
        self.query_one("#review-title", Static).update(
            _(
                "[b]Weekly review[/b] · week {week} · as of {day} · [b]{done} of {total}[/b] "
                "reviewed"
            ).format(
                week=self.iso_week.split("-W")[-1],
                day=show_date(self.as_of),
                done=done,
                total=len(self.items),
            )
            + self.queue_label()
            + (_(" · [b]read-only[/b] (another week; w picks the day)") if self.read_only else "")
        )

    def current(self) -> domain.ReviewItem | None:
        return self.items[self.index] if self.items else None

    @safely
    def show_current(self) -> None:
        self.refresh_current()  # a colleague's decision recorded meanwhile
        self.update_title()
        item = self.current()
        if item is None:
            return
        detail = review_detail(item.citizen_id, self.as_of, self.app.today)
        self.query_one("#review-facts", Static).update(detail_text(item, detail, self.as_of))
        self.query_one("#review-detail", VerticalScroll).scroll_home(animate=False)
        text = item.decision or ""
        self._shown_text = text
        self._kept_text = None
        self.decision_timer.stop()
        key = self.decision_draft_key(item.citizen_id)
        kept = None if self.read_only else drafts.load_draft(key)
        kept_text = kept.values.get("fields", {}).get("decision") if kept is not None else None
        if isinstance(kept_text, str) and kept_text != text:
            # Typed and not saved when mentorterm stopped: back in the box, saved on x
            # or on moving on like anything typed.
            self._kept_text = kept_text
            text = kept_text
            if kept.key not in self._told:  # once, not again when the screen resumes
                self._told.add(kept.key)
                self.notify(
                    _(
                        "The decision you were typing on {when} was kept: it is back "
                        "in the box, not saved yet."
                    ).format(when=show_datetime(kept.saved_at)),
                    title=_("Restored draft"),
                    timeout=10,
                )
        area = self.query_one("#decision", TextArea)
        if area.text != text:  # the same text stays as it is, cursor and all
            area.text = text

    @on(DataTable.RowHighlighted)
    def _highlighted(self, event: DataTable.RowHighlighted) -> None:
        index = self.index_at(event.cursor_row)
        if index is None:  # a mentor's heading in the team's queue
            self.skip_heading(event.cursor_row)
        elif index != self.index and self.items:
            self.keep_decision()
            self.index = index
            self.show_current()

    @on(DataTable.RowSelected)
    def _selected(self, event: DataTable.RowSelected) -> None:
        self.action_write()

    # --- the decision -------------------------------------------------------------------

    def decision_draft_key(self, citizen_id: int) -> str:
        return drafts.draft_key("review-decision", citizen=citizen_id, week=self.iso_week)

    @on(TextArea.Changed, "#decision")
    def _decision_changed(self) -> None:
        if self.current() is not None and not self.read_only:
            self.decision_timer.changed()

    def keep_draft_now(self) -> None:
        """Keep what is typed at once (the app is about to lock)."""
        self.decision_timer.stop()
        if self.is_mounted:
            self.keep_decision_draft()

    @safely
    def keep_decision_draft(self) -> None:
        """Keep the decision being typed as a draft (not yet the saved decision)."""
        item = self.current()
        if item is None or not self.is_mounted or self.read_only:
            return
        text = self.query_one("#decision", TextArea).text
        if text == self._kept_text:
            return
        key = self.decision_draft_key(item.citizen_id)
        if text == self._shown_text:  # typed, then taken back
            if self._kept_text is not None:
                drafts.discard_draft(key)
                self._kept_text = None
            return
        drafts.save_draft(
            key,
            {
                "form": "review-decision",
                "context": {"citizen": item.citizen_id, "week": self.iso_week},
                "fields": {"decision": text},
            },
            title=_("Review decision · {name} · week {week}").format(
                name=item.name, week=self.iso_week.split("-W")[-1]
            ),
            citizen_id=item.citizen_id,
        )
        self._kept_text = text

    @safely
    def keep_decision(self, reviewed: bool | None = None) -> None:
        """Save the typed decision of the citizen in focus when it changed (or on x)."""
        item = self.current()
        if item is None or self.read_only:
            return
        self.decision_timer.stop()
        text = self.query_one("#decision", TextArea).text
        key = self.decision_draft_key(item.citizen_id)
        if text == self._shown_text and reviewed is None:
            if self._kept_text is not None:  # typed, then taken back: no draft left
                drafts.discard_draft(key)
                self._kept_text = None
            return
        try:
            with drafts.saved_with(key):  # the decision saved, its draft gone, together
                saved = domain.save_decision(
                    item.citizen_id,
                    self.iso_week,
                    text,
                    reviewed=item.reviewed if reviewed is None else reviewed,
                    now=datetime.now(),
                    seen_version=self.seen_version,
                )
        except ChangedMeanwhile:  # a colleague decided meanwhile: the text stays a draft
            self.keep_decision_draft()
            self._shown_text, self._kept_text = text, None  # kept, not tried again on moving
            raise
        if self.seen_version is not None:
            self.seen_version = saved.version
        self._kept_text = None
        self.items[self.index] = item.model_copy(
            update={
                "decision": saved.decision,
                "reviewed": saved.reviewed,
                "reviewed_at": saved.reviewed_at,
                "decided_by": saved.decided_by,
            }
        )
        self._shown_text = text
        row = self.row_of(self.index)
        self.query_one(DataTable).update_cell_at((row, 2), "✓" if saved.reviewed else "")
        self.update_title()

    def action_scroll_facts(self, direction: int) -> None:
        facts = self.query_one("#review-detail", VerticalScroll)
        if direction > 0:
            facts.scroll_page_down(animate=False)
        else:
            facts.scroll_page_up(animate=False)

    def action_write(self) -> None:
        self.query_one("#decision", TextArea).focus()

    def action_reviewed(self) -> None:
        if self.current() is None:
            return
        if self.read_only:
            self.notify(_("Another week's review is read-only: press w and pick today to go back."))
            return
        self.keep_decision(reviewed=True)
        self.query_one(DataTable).focus()
        if all(item.reviewed for item in self.items):
            self.notify(_("Every citizen in the queue is reviewed."))
            return
        self.action_move(1)

    def action_move(self, step: int) -> None:
        if not self.items:
            return
        self.keep_decision()
        self.query_one(DataTable).move_cursor(
            row=self.row_of((self.index + step) % len(self.items))
        )

    def action_agreement(self) -> None:
        item = self.current()
        if item is not None:
            self.app.push_screen(
                ActionItemForm(item.citizen_id, item.name),
                lambda made: made and self.show_current(),
            )

    def action_book(self) -> None:
        item = self.current()
        if item is None:
            return
        from ..domain.meetings import default_next_meeting_date
        from ..enums import MeetingKind, MeetingStatus
        from .meetings import MeetingForm

        day = default_next_meeting_date(item.citizen_id, self.as_of)
        initial = {
            "kind": MeetingKind.ONE_TO_ONE.value,
            "starts_at": datetime.combine(day, datetime.min.time().replace(hour=10)),
            "status": MeetingStatus.PLANNED.value,
            "p_citizen": item.name,
        }
        self.app.push_screen(
            MeetingForm(item.citizen_id, initial),
            lambda made: made and self.notify(_("Meeting booked.")),
        )

    def action_open(self) -> None:
        item = self.current()
        if item is not None:
            self.keep_decision()
            self.app.open_citizen(item.citizen_id, keep_place=True)

    def action_leave(self) -> None:
        area = self.query_one("#decision", TextArea)
        if area.has_focus:  # escape leaves the text box first
            self.keep_decision()
            self.query_one(DataTable).focus()
            return
        self.keep_decision()
        self.app.pop_screen()

    def action_help(self) -> None:
        self.app.show_help(self, _("Weekly review"))

    def check_action(self, action: str, parameters) -> bool | None:
        # While the decision is being typed, letters are text, not keys.
        if (
            self.is_mounted
            and self.query_one("#decision", TextArea).has_focus
            and action not in ("leave", "help", "reviewed", "scroll_facts")
        ):
            return False
        return True
