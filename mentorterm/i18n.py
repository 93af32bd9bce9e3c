"""One translation function for every string a user sees.

A Danish catalogue is a compiled gettext file under ``mentorterm/locale``;
without one, the English source text is shown.

``_()`` translates at the moment it is called; ``N_()`` only marks a string
for the catalogue (a label in a table, translated later where it is shown
with ``_(label)``). ``use(language)`` switches the language for the rest of
the run; ``language()`` tells which one is in use ("da" or "en"), so dates,
numbers and documents can follow it.
"""

from __future__ import annotations

import gettext
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_LOCALE_DIR = Path(__file__).parent / "locale"

#: The languages mentorterm speaks; the first is the source language.
LANGUAGES = ("en", "da")


def _load(language: str | None) -> gettext.NullTranslations:
    languages = [language] if language else None
    return gettext.translation("mentorterm", _LOCALE_DIR, languages=languages, fallback=True)


def _initial() -> str | None:
    return os.environ.get("MENTORTERM_LANG") or None


_language: str | None = _initial()
_translation = _load(_language)
# ``speaking()`` in one thread (a PDF drawn in a worker) leaves the others,
# the screens among them, in the language in use.
_local = threading.local()


def _current() -> tuple[str | None, gettext.NullTranslations]:
    spoken = getattr(_local, "spoken", None)
    return spoken if spoken is not None else (_language, _translation)


def use(language: str) -> None:
    """Show every later ``_()`` in ``language`` ("da" or "en")."""
    global _language, _translation
    _language = language
    _translation = _load(language)


def _code(text: str | None) -> str:
    return (text or "").replace("-", "_").split("_")[0].split(".")[0].lower()


def language() -> str:
    """The language in use: the one asked for with ``use()`` (or
    MENTORTERM_LANG), else the loaded catalogue's, else "en". Dates and
    numbers follow it even before a catalogue for it exists."""
    asked, translation = _current()
    for lang in (_code(asked), _code(translation.info().get("language"))):
        if lang in LANGUAGES:
            return lang
    return "en"


def _(message: str) -> str:
    """Translate a user-facing message."""
    return _current()[1].gettext(message)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it now."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    return _current()[1].ngettext(singular, plural, n)


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Translate in ``language`` inside the block (a document for a reader
    of another language), then go back to the language in use before.
    Only this thread speaks it: the other threads keep theirs."""
    before = getattr(_local, "spoken", None)
    _local.spoken = (language, _load(language))
    try:
        yield
    finally:
        _local.spoken = before
