"""Modal forms: fields from a spec, validated by a pydantic input model.

A form writes nothing until its input model validates and the domain function
accepts it; each problem is shown under its field in the mentor's words.

Leaving is always possible: ``escape`` leaves a form; with unsaved changes it
asks first, and a second ``escape`` in that question throws them away (two
escapes leave any form). ``enter`` saves a form with a single field, and
``ctrl+c`` (which copies a selection, and quits nothing) says how to leave.

A form with a text area keeps what is typed as a draft (``DraftTimer``: half a
second after the last change, and at most 2 s after a change even while the
typing goes on), so a crash or a killed terminal loses at most two seconds of
typing. Opening the same form again offers the draft back; saving removes it
in the save's own transaction; throwing the form away removes it too.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, Checkbox, Input, Label, Select, Static, TextArea

from .. import keys
from ..domain import drafts
from ..domain.errors import DomainError, user_message
from ..format import show_date, show_datetime
from ..i18n import _
from ..schemas import friendly_errors
from ..widgets.guard import tell_or_raise

T = TypeVar("T")


@dataclass
class FieldSpec:
    """One field of a form: its input-model name, label and kind of widget."""

    name: str
    label: str
    kind: str = "text"  # text | area | date | datetime | select | bool | number
    options: list[tuple[str, str]] = field(default_factory=list)
    placeholder: str = ""
    hint: str = ""
    required: bool = False


def _show(value: Any, kind: str) -> Any:
    if value is None:
        return "" if kind not in ("bool", "select") else value
    if kind == "date" and isinstance(value, date):
        return show_date(value)
    if kind == "datetime" and isinstance(value, datetime):
        return show_datetime(value)
    if isinstance(value, Enum):
        return value.value
    if kind == "number" and isinstance(value, float):
        return f"{value:g}".replace(".", ",")
    return value if kind in ("bool", "select") else str(value)


class DraftTimer:
    """When to keep a draft: ``QUIET`` s after the last change, but never more
    than ``MAX_WAIT`` s after the first change not kept yet, so continuous
    typing or a long paste is kept too (a pure debounce would wait for a pause).

    ``owner`` gives ``set_timer`` (a screen); ``keep`` writes the draft;
    ``clock`` is replaceable in tests.
    """

    QUIET = 0.5
    MAX_WAIT = 2.0

    def __init__(
        self, owner: Any, keep: Callable[[], None], clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.owner = owner
        self.keep = keep
        self.clock = clock
        self._first: float | None = None  # the first change not kept yet
        self._timer: Timer | None = None

    @property
    def pending(self) -> bool:
        return self._first is not None

    def changed(self) -> None:
        now = self.clock()
        if self._first is None:
            self._first = now
        delay = min(self.QUIET, self._first + self.MAX_WAIT - now)
        self._cancel()
        if delay <= 0:
            self.flush()
            return
        self._timer = self.owner.set_timer(delay, self.flush)

    def flush(self) -> None:
        """Keep now (the timer ran out, or the app is about to lock)."""
        self.stop()
        self.keep()

    def stop(self) -> None:
        """Forget the pending change (the form was saved or thrown away)."""
        self._cancel()
        self._first = None

    def _cancel(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None


def _kebab(name: str) -> str:
    """ "LogbookEntryForm" -> "logbook-entry"."""
    name = name.removesuffix("Form") or name
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; `y` says yes, `n` or escape says no (enter: the focused button)."""

    DEFAULT_CSS = """
    ConfirmScreen { align: center middle; }
    ConfirmScreen > #dialog {
        width: 90; max-width: 100%; height: auto; max-height: 100%;
        border: thick $warning; background: $surface; padding: 0 1;
    }
    ConfirmScreen #question { height: auto; }
    ConfirmScreen .buttons { height: auto; margin-top: 1; }
    ConfirmScreen .buttons Button { margin-right: 2; }
    """
    BINDINGS = keys.bindings("confirm")

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

    DEFAULT_CSS = """
    DiscardScreen #discard-keys { color: $text-muted; margin-top: 1; height: auto; }
    """
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


class FormScreen(ModalScreen[T | None], Generic[T]):
    """Base of every form. Subclasses set TITLE, MODEL, FIELDS and ``submit``."""

    DEFAULT_CSS = """
    FormScreen { align: center middle; }
    FormScreen > #form {
        width: 100; max-width: 100%; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    FormScreen #form-title { text-style: bold; }
    FormScreen #fields { height: auto; max-height: 1fr; }
    FormScreen .row { height: auto; }
    FormScreen .field-label { width: 30; padding-right: 1; color: $text-muted; }
    FormScreen .row Input, FormScreen .row Select, FormScreen .row TextArea { width: 1fr; }
    FormScreen Input { border: none; height: 1; padding: 0 1; background: $panel; }
    FormScreen Input:focus { border: none; background: $primary 40%; }
    FormScreen TextArea { border: none; height: 3; padding: 0 1; background: $panel; }
    FormScreen TextArea:focus { border: none; background: $primary 40%; }
    FormScreen Select { height: auto; }
    FormScreen SelectCurrent { border: none; height: 1; padding: 0 1; background: $panel; }
    FormScreen Select:focus > SelectCurrent { border: none; background: $primary 40%; }
    FormScreen Checkbox { border: none; padding: 0; margin-left: 31; background: $surface; }
    FormScreen .row-gap { height: 1; }
    FormScreen .field-hint { color: $text-muted; text-style: italic; margin-left: 31; }
    FormScreen .field-error { color: $error; display: none; margin-left: 31; }
    FormScreen .field-error.shown { display: block; }
    FormScreen #form-error { color: $error; display: none; }
    FormScreen #form-error.shown { display: block; }
    FormScreen #form-keys { color: $text-muted; padding-bottom: 1; }
    """

    BINDINGS = keys.bindings("form")

    TITLE: str = ""
    MODEL: type[BaseModel]
    FIELDS: list[FieldSpec] = []
    # Drafts: None = kept when the form has a text area ("area" field).
    KEEPS_DRAFTS: bool | None = None
    # The attributes naming the form's record, in its draft's key (and to find
    # the citizen the draft belongs to).
    restored = False  # the values came from a kept draft
    DRAFT_IDS = (
        "citizen_id",
        "placement_id",
        "entry_id",
        "meeting_id",
        "report_id",
        "course_id",
        "extension_id",
        "sub_goal_id",
        "step_id",
    )

    def __init__(self, initial: dict[str, Any] | None = None, title: str | None = None) -> None:
        super().__init__()
        self.initial = initial or {}
        self.form_title = title or self.TITLE
        self._start_values: dict[str, Any] = {}
        self._restore: dict[str, Any] | None = None
        self._kept_values: dict[str, Any] | None = None  # as last kept in the draft
        self._keeps_drafts = False
        self._draft_key: str | None = None
        self._draft_citizen: int | None = None
        self._draft_owner_known = False
        self.draft_timer = DraftTimer(self, self.keep_draft)

    # --- building -----------------------------------------------------------

    def fields(self) -> list[FieldSpec]:
        return self.FIELDS

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(self.form_title, id="form-title")
            # The keys sit at the top: on a small terminal the end of a long
            # form is scrolled away, and a modal has no footer.
            yield Static(self.keys_line(), id="form-keys")
            yield Static(id="form-error")
            with VerticalScroll(id="fields"):
                for spec in self.fields():
                    yield from self._compose_field(spec)

    def keys_line(self) -> str:
        if self.single_field:
            return _("[b]enter[/b] or [b]ctrl+s[/b] save · [b]escape[/b] cancel")
        return _("[b]ctrl+s[/b] save · [b]escape[/b] cancel · [b]tab[/b] next field")

    @property
    def single_field(self) -> bool:
        """One line to type: enter saves it (a text area keeps enter for new lines)."""
        specs = self.fields()
        return len(specs) == 1 and specs[0].kind not in ("area", "select", "bool")

    def _compose_field(self, spec: FieldSpec) -> ComposeResult:
        value = _show(self.initial.get(spec.name), spec.kind)
        widget_id = f"f-{spec.name}"
        label = spec.label + (" *" if spec.required else "")
        if spec.kind == "bool":
            yield Checkbox(label, value=bool(value), id=widget_id, classes="field")
        else:
            with Horizontal(classes="row"):
                yield Label(label, classes="field-label")
                if spec.kind == "area":
                    area = TextArea(value or "", id=widget_id, classes="field", soft_wrap=True)
                    area.show_line_numbers = False
                    yield area
                elif spec.kind == "select":
                    yield Select(
                        spec.options,
                        value=value if value is not None else Select.NULL,
                        allow_blank=not spec.required,
                        id=widget_id,
                        classes="field",
                        prompt=_("Choose…"),
                    )
                else:
                    placeholder = spec.placeholder or {
                        "date": _("DD-MM-YYYY"),
                        "datetime": _("DD-MM-YYYY HH:MM"),
                    }.get(spec.kind, "")
                    yield Input(value or "", placeholder=placeholder, id=widget_id, classes="field")
        if spec.hint:
            yield Static(spec.hint, classes="field-hint")
        yield Static(id=f"e-{spec.name}", classes="field-error")
        yield Static(classes="row-gap")

    def on_mount(self) -> None:
        self._start_values = self.values()
        first = self.query(".field").first()
        first.focus()
        self._keeps_drafts = self.keeps_drafts
        if not self._keeps_drafts:
            return
        self._draft_key = self.form_draft_key()
        if self._restore is not None:
            self._fill(self._restore)
            self._mark_restored(self._restore)
        else:
            self.offer_kept_draft()

    # --- the draft ----------------------------------------------------------

    @property
    def keeps_drafts(self) -> bool:
        if self.KEEPS_DRAFTS is not None:
            return self.KEEPS_DRAFTS
        return any(spec.kind == "area" for spec in self.fields())

    def draft_form(self) -> str:
        """The form's name in its draft's key ("logbook-entry")."""
        return _kebab(type(self).__name__)

    def draft_ids(self) -> dict[str, int | None]:
        """The ids naming the form's record (None: a new one)."""
        return {
            name.removesuffix("_id"): getattr(self, name)
            for name in self.DRAFT_IDS
            if hasattr(self, name)
        }

    def form_draft_key(self) -> str:
        return drafts.draft_key(self.draft_form(), **self.draft_ids())

    def draft_context(self) -> dict[str, Any]:
        """What reopens the form where it was (kept beside the values)."""
        return dict(self.draft_ids())

    def draft_title(self) -> str:
        """The draft's line in the list of kept drafts (the title, as plain text)."""
        try:
            return Text.from_markup(self.form_title).plain
        except Exception:  # not markup after all
            return self.form_title

    def restore_from(self, values: dict[str, Any]) -> FormScreen[T]:
        """Open with a kept draft's values (before the form is pushed)."""
        self._restore = values
        return self

    def offer_kept_draft(self) -> None:
        """A draft of this very form was kept (a crash, a killed terminal): offer it."""
        draft = self._safe(lambda: drafts.load_draft(self._draft_key))
        if draft is None or not isinstance(draft.values.get("fields"), dict):
            return
        values = draft.values["fields"]

        def answered(restore: bool | None) -> None:
            if restore:
                self._fill(values)
                self._mark_restored(values)
            else:
                self._safe(lambda: drafts.discard_draft(self._draft_key))

        self.app.push_screen(
            ConfirmScreen(
                _(
                    "What you typed in this form was kept on {when} and not saved. Restore it?"
                ).format(when=show_datetime(draft.saved_at)),
                yes=_("Restore"),
                no=_("Start afresh"),
            ),
            answered,
        )

    def _mark_restored(self, values: dict[str, Any]) -> None:
        self.restored = True
        self._kept_values = self.values()
        if "(restored draft)" not in self.form_title:
            self.query_one("#form-title", Static).update(
                self.form_title + " " + _("(restored draft)")
            )
        # The cursor goes back where the typing most likely was: the end of the
        # last text area with text in it.
        areas = [area for area in self.query(TextArea) if area.text.strip()]
        if areas:
            area = areas[-1]
            area.focus()
            area.move_cursor(area.document.end)
            self.call_after_refresh(area.scroll_visible, animate=False)

    def _fill(self, values: dict[str, Any]) -> None:
        """Put kept values back into the fields, word for word."""
        for spec in self.fields():
            if spec.name not in values:
                continue
            value = values[spec.name]
            widget = self.query_one(f"#f-{spec.name}")
            try:
                if isinstance(widget, TextArea):
                    widget.text = value or ""
                elif isinstance(widget, Select):
                    widget.value = Select.NULL if value is None else value
                elif isinstance(widget, Checkbox):
                    widget.value = bool(value)
                else:
                    widget.value = "" if value is None else str(value)
            except Exception:  # an option no longer offered: that field stays as it is
                continue

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _draft_changed(self) -> None:
        if self._keeps_drafts and self.is_mounted and self._start_values:
            self.draft_timer.changed()

    def keep_draft_now(self) -> None:
        """Keep what is typed at once (the app is about to lock)."""
        self.draft_timer.stop()
        if self._keeps_drafts and self.is_mounted:
            self.keep_draft()

    def keep_draft(self) -> None:
        """Keep what is typed (only what differs from what the form opened with)."""
        if not self._keeps_drafts or not self.is_mounted or self._draft_key is None:
            return
        values = self.values()
        if values == self._kept_values:
            return
        key = self._draft_key
        if values == self._start_values and not self.restored:
            if self._kept_values is not None:  # typed, then taken back
                self._safe(lambda: drafts.discard_draft(key))
                self._kept_values = None
            return
        if not self._draft_owner_known:
            self._draft_citizen = self._safe(lambda: drafts.owner_citizen(**self.draft_ids()))
            self._draft_owner_known = True
        payload = {"form": self.draft_form(), "context": self.draft_context(), "fields": values}
        if self._safe(
            lambda: (
                drafts.save_draft(
                    key, payload, title=self.draft_title(), citizen_id=self._draft_citizen
                )
                or True
            )
        ):
            self._kept_values = values

    def discard_kept_draft(self) -> None:
        self.draft_timer.stop()
        if (
            self._keeps_drafts
            and self._draft_key is not None
            and (self._kept_values is not None or self.restored)
        ):
            key = self._draft_key
            self._safe(lambda: drafts.discard_draft(key))
        self._kept_values = None

    def _safe(self, call: Callable[[], Any]) -> Any:
        """A draft that cannot be written or read is a message, never a crash."""
        try:
            return call()
        except Exception as error:
            tell_or_raise(self.app, error)
            return None

    # --- reading ------------------------------------------------------------

    def values(self) -> dict[str, Any]:
        """What the mentor typed, field by field (text as typed)."""
        result: dict[str, Any] = {}
        for spec in self.fields():
            widget = self.query_one(f"#f-{spec.name}")
            if isinstance(widget, TextArea):
                result[spec.name] = widget.text
            elif isinstance(widget, Select):
                result[spec.name] = None if widget.value == Select.NULL else widget.value
            else:
                result[spec.name] = widget.value
        return result

    def model_data(self, values: dict[str, Any]) -> dict[str, Any]:
        """The values handed to the input model (subclasses may add fixed ones)."""
        return {k: v for k, v in values.items() if v is not None}

    @property
    def is_dirty(self) -> bool:
        return bool(self._start_values) and (self.restored or self.values() != self._start_values)

    # --- errors -------------------------------------------------------------

    def clear_errors(self) -> None:
        for error in self.query(".field-error"):
            error.remove_class("shown")
        self.query_one("#form-error").remove_class("shown")

    def show_errors(self, errors: dict[str, str]) -> None:
        self.clear_errors()
        names = {spec.name for spec in self.fields()}
        general = []
        first_widget = None
        for name, message in errors.items():
            key = name.split(".")[0]
            if key in names:
                error = self.query_one(f"#e-{key}", Static)
                error.update(message)
                error.add_class("shown")
                if first_widget is None:
                    first_widget = self.query_one(f"#f-{key}")
            else:
                general.append(message)
        if general:
            box = self.query_one("#form-error", Static)
            box.update("\n".join(general))
            box.add_class("shown")
        if first_widget is not None:
            first_widget.focus()
            first_widget.scroll_visible()

    # --- actions ------------------------------------------------------------

    def submit(self, data: BaseModel) -> T:
        """Write the validated input; raise DomainError to refuse. Returns the result."""
        raise NotImplementedError

    def action_save(self) -> None:
        try:
            data = self.MODEL.model_validate(self.model_data(self.values()))
        except ValidationError as exc:
            self.show_errors(friendly_errors(exc))
            return
        key = self._draft_key if self._keeps_drafts else None
        try:
            # The draft goes in the save's own transaction.
            with drafts.saved_with(key) if key is not None else nullcontext():
                result = self.submit(data)
        except DomainError as exc:
            self.show_errors({exc.field or "__all__": str(exc)})
            return
        except Exception as exc:  # the database said no: nothing was written
            message = user_message(exc)
            if message is None:
                raise
            self.show_errors({"__all__": message})
            return
        self.draft_timer.stop()
        self._kept_values = None
        self.dismiss(result)

    def action_cancel(self) -> None:
        if not self.is_dirty:
            self.discard_kept_draft()
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.discard_kept_draft()
                self.dismiss(None)

        self.app.push_screen(
            DiscardScreen(
                _("Throw away what you typed in this form?"), yes=_("Discard"), no=_("Keep editing")
            ),
            answered,
        )

    def action_copy_text(self) -> None:
        # ctrl+c: a selection is copied; otherwise the mentor most likely
        # wanted out (ctrl+c quits most terminal programs), so say how.
        if self.get_selected_text():
            super().action_copy_text()
            return
        self.notify(_("escape leaves the form, ctrl+s saves"), title=_("Leaving the form"))

    @on(Input.Submitted)
    def _next_field(self, event: Input.Submitted) -> None:
        event.stop()
        if self.single_field:
            self.action_save()
            return
        self.focus_next()
