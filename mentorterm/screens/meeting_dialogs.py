"""The small dialogs of a meeting that did not take place: who cancelled, the no-show note."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import (
    Input,
    OptionList,
    Static,
)

from .. import keys
from ..domain import meetings as domain
from ..enums import CancelledBy
from ..i18n import _
from ..widgets.markup import escape

# Who can call a meeting off, in the order of the keys 1-5.
CANCELLERS = list(CancelledBy)


class CancelMeetingScreen(ModalScreen[domain.CancellationIn | None]):
    """Who cancelled the meeting (the citizen preselected; 1-5 choose) and why.

    Enter saves (the citizen, no reason: two keys in all); escape keeps the
    meeting as it was.
    """

    CSS_PATH = "meeting_dialogs.tcss"
    BINDINGS = keys.bindings("cancel_meeting")

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(_("[b]Cancel {what}[/b]").format(what=escape(self.what)))
            yield Static(_("Who cancelled it?"), id="cancel-who-label")
            yield OptionList(
                *(f"{n}  {who.label}" for n, who in enumerate(CANCELLERS, 1)), id="cancel-who"
            )
            yield Static(_("Why (optional)"))
            yield Input(
                id="cancel-why",
                placeholder=_("e.g. ill, the supervisor is away"),
                select_on_focus=False,
            )
            yield Static(
                _(
                    "[b]1[/b]–[b]5[/b] who · [b]tab[/b] why · [b]enter[/b] saves · "
                    "[b]escape[/b] keeps the meeting"
                ),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        who = self.query_one(OptionList)
        who.highlighted = 0
        who.focus()

    @on(OptionList.OptionHighlighted)
    def _who_shown(self, event: OptionList.OptionHighlighted) -> None:
        # Named beside the question too: the choice stays readable once "why" has focus.
        self.query_one("#cancel-who-label", Static).update(
            _("Who cancelled it? [b]{who}[/b]").format(who=CANCELLERS[event.option_index].label)
        )

    def on_key(self, event) -> None:
        # Typing on the list of people starts the reason: nothing typed is lost.
        if (
            not isinstance(self.focused, Input)
            and event.character
            and event.character.isprintable()
            and event.character not in "12345"
        ):
            reason = self.query_one(Input)
            reason.focus()
            reason.insert_text_at_cursor(event.character)
            event.stop()
            event.prevent_default()

    def action_who(self, index: int) -> None:
        self.query_one(OptionList).highlighted = index
        self.query_one(Input).focus()

    @on(OptionList.OptionSelected)
    @on(Input.Submitted)
    def _enter(self, event) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        index = self.query_one(OptionList).highlighted or 0
        self.dismiss(
            domain.CancellationIn(
                cancelled_by=CANCELLERS[index], reason=self.query_one(Input).value
            )
        )

    def action_close(self) -> None:
        self.dismiss(None)


class NoShowScreen(ModalScreen[str | None]):
    """The citizen did not come: an optional note; enter saves, escape changes nothing."""

    CSS_PATH = "meeting_dialogs.tcss"
    BINDINGS = keys.bindings("no_show")

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(_("[b]No-show: {what}[/b]").format(what=escape(self.what)))
            yield Static(_("Note (optional): what do you know, what did you do?"))
            yield Input(id="no-show-note", placeholder=_("e.g. did not answer the phone"))
            yield Static(
                _("[b]enter[/b] records the no-show · [b]escape[/b] keeps the meeting planned"),
                classes="dialog-keys",
            )

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _enter(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        self.dismiss(self.query_one(Input).value)

    def action_close(self) -> None:
        self.dismiss(None)
