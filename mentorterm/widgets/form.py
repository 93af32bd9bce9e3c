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

from contextlib import nullcontext
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Checkbox, Input, Label, Select, Static, TextArea

from .. import keys
from ..domain import drafts, versions
from ..domain.errors import DomainError, user_message
from ..i18n import _
from ..schemas import friendly_errors
from .confirm import DiscardScreen
from .draft_timer import DraftTimer
from .fields import FieldSpec
from .fields import show_value as _show
from .form_drafts import FormDrafts

T = TypeVar("T")


class FormScreen(FormDrafts, ModalScreen[T | None], Generic[T]):
    """Base of every form. Subclasses set TITLE, MODEL, FIELDS and ``submit``."""

    BINDINGS = keys.bindings("form")

    TITLE: str = ""
    MODEL: type[BaseModel]
    FIELDS: list[FieldSpec] = []
    # Drafts: None = kept when the form has a text area ("area" field).
    KEEPS_DRAFTS: bool | None = None
    # The attributes naming the form's record, in its draft's key (and to find
    # the citizen the draft belongs to).
    restored = False  # the values came from a kept draft
    # The record an edit form changes: (table, attribute holding its id). Its
    # version is read when the form opens; a save over a change made meanwhile
    # (a colleague, another window) is refused in words, the text kept.
    RECORD: tuple[str, str] | None = None
    shown_version: int | None = None
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

    @property
    def enter_moves_focus(self) -> bool:
        """Enter in a line goes to the next field (at once, widgets/type_ahead.py)."""
        return not self.single_field

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
        if self.RECORD is not None:
            table, attribute = self.RECORD
            self.shown_version = versions.version_of(table, getattr(self, attribute, None))
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

    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _draft_changed(self) -> None:
        if self._keeps_drafts and self.is_mounted and self._start_values:
            self.draft_timer.changed()

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
            with drafts.saved_with(key) if key is not None else nullcontext(), self._as_shown():
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

    def _as_shown(self):
        """The save changes the record only at the version the form opened on."""
        if self.RECORD is None or self.shown_version is None:
            return nullcontext()
        table, attribute = self.RECORD
        return versions.expecting(table, getattr(self, attribute), self.shown_version)

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
