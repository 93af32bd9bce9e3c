"""A form's draft: kept while typing, offered back on opening, removed on save or discard."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, Self

from rich.text import Text
from textual.widgets import Checkbox, Select, Static, TextArea

from ..domain import drafts
from ..format import show_datetime
from ..i18n import _
from .confirm import ConfirmScreen
from .guard import tell_or_raise


def _kebab(name: str) -> str:
    """ "LogbookEntryForm" -> "logbook-entry"."""
    name = name.removesuffix("Form") or name
    return re.sub(r"(?<!^)(?=[A-Z])", "-", name).lower()


class FormDrafts:
    """The draft half of FormScreen (mixed in; uses its fields(), values() and timer)."""

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

    def restore_from(self, values: dict[str, Any]) -> Self:
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
