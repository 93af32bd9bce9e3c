"""One translation function for every string a user sees.

A Danish catalogue is a compiled gettext file under ``mentorterm/locale``;
without one, the English source text is shown.

``_()`` translates at the moment it is called; ``N_()`` only marks a string
for the catalogue (a label in a table, translated later where it is shown
with ``_(label)``). ``use(language)`` switches the language for the rest of
the run; ``language()`` tells which one is in use ("da" or "en"), so dates,
numbers and documents can follow it.

Which language a run speaks is ``choose()``'s answer: ``$MENTORTERM_LANG``
over ``--lang`` over the settings' ``language`` over the environment's
locale (``from_environment``), else English. The CLI installs it with
``use()`` before any screen module is imported (their class-level labels
are translated at import).
"""

from __future__ import annotations

import gettext
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

_LOCALE_DIR = Path(__file__).parent / "locale"

#: The languages mentorterm speaks; the first is the source language.
LANGUAGES = ("en", "da")


def _load(language: str | None) -> gettext.NullTranslations:
    languages = [language] if language else None
    return gettext.translation("mentorterm", _LOCALE_DIR, languages=languages, fallback=True)


#: The strongest choice of language, over everything else (tests, scripts).
ENV_VAR = "MENTORTERM_LANG"

# The environment's locale, the way gettext reads it: LANGUAGE (a list, first
# wins) unless the locale is C/POSIX, then LC_ALL, LC_MESSAGES, LANG.
_LOCALE_VARS = ("LC_ALL", "LC_MESSAGES", "LANG")


def _language_of(locale_name: str) -> str | None:
    """ "da_DK.UTF-8" → "da"; a language mentorterm does not speak → None."""
    code = locale_name.split(".")[0].split("@")[0].split("_")[0].split("-")[0].lower()
    return code if code in LANGUAGES else None


def from_environment(environ: Mapping[str, str] | None = None) -> str | None:
    """The language the environment asks for, if mentorterm speaks it.

    ``C`` and ``POSIX`` mean English (and silence ``LANGUAGE``, as gettext
    does); a locale mentorterm has no catalogue for is None (English).
    """
    environ = os.environ if environ is None else environ
    locale_name = next((environ[v] for v in _LOCALE_VARS if environ.get(v)), "")
    if locale_name.split(".")[0] in ("C", "POSIX"):
        return "en"
    for entry in environ.get("LANGUAGE", "").split(":"):
        if entry and (found := _language_of(entry)):
            return found
    return _language_of(locale_name) if locale_name else None


def choose(
    flag: str | None = None,
    setting: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> str:
    """The language of this run: ``$MENTORTERM_LANG``, else ``flag`` (``--lang``),
    else ``setting`` (the settings file's ``language``), else the environment,
    else English. Values mentorterm does not speak are passed over."""
    environ = os.environ if environ is None else environ
    for candidate in (environ.get(ENV_VAR), flag, setting):
        if candidate and candidate.lower() in LANGUAGES:
            return candidate.lower()
    return from_environment(environ) or LANGUAGES[0]


# Until the CLI chooses (with --lang and the settings), the environment's
# choice: MENTORTERM_LANG, else the locale's, else English.
_language: str = choose()
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
    if language == _language:
        return  # already spoken: the catalogue is not read again
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


def pgettext(context: str, message: str) -> str:
    """Translate ``message`` as meant in ``context``: one English word that is
    two in Danish (the key "Open" is "Åbn", the column "Open" is "Åbne")."""
    return _current()[1].pgettext(context, message)


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
