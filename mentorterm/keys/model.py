"""A key as data (Key), the house keys and the declared exceptions tests/test_keys.py holds."""

from __future__ import annotations

from typing import NamedTuple

from textual.binding import Binding


class Key(NamedTuple):
    """One binding: key(s) (Textual names, comma separated) → action, on screens.

    A NamedTuple, as the other small records on the start's path: Python 3.11
    makes a frozen dataclass in about 1 ms (an exec per method), a NamedTuple
    in a quarter of it, and the first frame waits for every one."""

    keys: str
    action: str
    label: str
    screens: tuple[str, ...]
    show: bool = True
    key_display: str | None = None
    priority: bool = False
    # The longer words for help (and the footer's tooltip) where the label is
    # cut short to fit the footer; help shows the label otherwise.
    help: str = ""
    # Keys of one kind shown together in the footer under one word ("2 4 3 w f
    # Period"); help still lists each with its own label.
    group: str = ""

    def binding(self) -> Binding:
        return Binding(
            self.keys,
            self.action,
            self.label,
            show=self.show,
            key_display=self.key_display,
            priority=self.priority,
            tooltip=self.help,
            group=Binding.Group(self.group) if self.group else None,
        )


# The house keys and the actions that carry their one meaning.
HOUSE: dict[str, tuple[str, frozenset[str]]] = {
    "n": ("new", frozenset({"new", "new_citizen", "new_meeting"})),
    "e": ("edit", frozenset({"edit"})),
    "enter": ("open", frozenset({"open", "open_citizen", "history", "questions"})),
    "delete": ("remove (asks first)", frozenset({"delete"})),
    "escape": ("back", frozenset({"back", "cancel", "close", "dismiss", "leave", "later"})),
    "slash": ("filter", frozenset({"filter"})),
    "question_mark": ("help", frozenset({"help", "dismiss"})),
    "ctrl+s": ("save", frozenset({"save", "reviewed"})),
    "ctrl+p": ("palette", frozenset({"command_palette"})),
    "u": ("undo", frozenset({"undo"})),
    "q": ("quit (home only)", frozenset({"app.quit"})),
}

# (screen, key, action): a house key with another meaning, on purpose.
EXCEPTIONS: dict[tuple[str, str, str], str] = {
    # A yes/no question answers n with "no": the safe answer, which changes
    # nothing, and what every terminal program asks with; "new" has no meaning
    # inside a question. escape says no as well.
    ("confirm", "n", "answer(False)"): "n answers no in a yes/no question",
    ("confirm", "escape", "answer(False)"): "escape answers no (changes nothing)",
    # q closes help as in a pager; it never quits from help.
    ("help", "q", "dismiss"): "q closes help, as in a pager",
    # The second escape in "throw away what you typed?" discards: two escapes
    # always leave a form (issue 13); n keeps editing, as no does in a question.
    ("discard", "escape", "answer(True)"): "a second escape leaves the form",
    ("discard", "n", "answer(False)"): "n answers no: keep editing",
}

# Screens whose last two keys are escape back and ? help.
