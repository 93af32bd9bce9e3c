"""Yes/no questions: the dialog, the "throw it away?" dialog, and confirm_then."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Static

from .. import keys
from ..i18n import _
from .guard import tell_or_raise


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; `y` says yes, `n` or escape says no (enter: the focused button)."""

    BINDINGS = keys.bindings("confirm")
    #: A key typed before the question showed is no answer (widgets/type_ahead.py).
    ANSWERS_TYPED_AHEAD = False

    def __init__(self, question: str, yes: str | None = None, no: str | None = None) -> None:
        super().__init__()
        self.question = question
        self.yes_label = yes or _("Yes")
        self.no_label = no or _("No")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(self.question, id="question")
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes_label} (y)", id="yes", variant="error")
                yield Button(f"{self.no_label} (n)", id="no", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")


class DiscardScreen(ConfirmScreen):
    """ "Throw away what you typed?" after an escape in a form: a second escape
    says yes (two escapes always leave), `n` or enter keeps editing."""

    BINDINGS = keys.bindings("discard")

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="dialog"):
            yield Static(self.question, id="question")
            yield Static(
                _(
                    "[b]escape[/b] again throws it away and leaves · [b]n[/b] or "
                    "[b]enter[/b] goes back to the form"
                ),
                id="discard-keys",
            )
            with Horizontal(classes="buttons"):
                yield Button(f"{self.yes_label} (y, escape)", id="yes", variant="error")
                yield Button(f"{self.no_label} (n)", id="no", variant="primary")


def confirm_then(
    screen: Screen,
    question: str,
    action: Callable[[], object],
    done_message: str | None = None,
    *,
    yes: str | None = None,
    no: str | None = None,
    then: Callable[[], object] | None = None,
) -> None:
    """Ask ``question`` (buttons ``yes``/``no``, "Delete"/"Keep it" unless given);
    on yes run ``action``, then say ``done_message``.

    A database or rule error from ``action`` becomes a notification (as
    ``safely`` does) and no done message; no or escape changes nothing.
    ``then`` runs after the answer, whichever it was (a reload).
    """

    def answered(answer: bool | None) -> None:
        if answer:
            try:
                action()
            except Exception as error:
                tell_or_raise(screen.app, error)
            else:
                if done_message:
                    screen.notify(done_message)
        if then is not None:
            then()

    screen.app.push_screen(
        ConfirmScreen(
            question,
            yes=_("Delete") if yes is None else yes,
            no=_("Keep it") if no is None else no,
        ),
        answered,
    )
