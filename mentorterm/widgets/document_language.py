"""The language a document is written in: the reader's, chosen when saving.

By default a document follows the UI language; the save form offers Danish
or English (a caseworker elsewhere may need English), and the choice is kept
per kind of document for the rest of the session.
"""

from __future__ import annotations

from ..i18n import _, language
from .fields import FieldSpec


def language_options() -> list[tuple[str, str]]:
    return [(_("Danish"), "da"), (_("English"), "en")]


def language_field() -> FieldSpec:
    return FieldSpec(
        "language",
        _("Language"),
        "select",
        options=language_options(),
        required=True,
        hint=_("The document's language, for its reader; the screens keep theirs."),
    )


def _chosen(app) -> dict[str, str]:
    chosen = getattr(app, "document_languages", None)
    if chosen is None:
        chosen = {}
        app.document_languages = chosen
    return chosen


def document_language(app, kind: str) -> str:
    """The language last chosen for this kind of document, else the UI's."""
    return _chosen(app).get(kind) or language()


def remember_language(app, kind: str, lang: str) -> None:
    _chosen(app)[kind] = lang
