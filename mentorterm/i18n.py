"""One translation function for every string a user sees.

A Danish catalogue is a compiled gettext file under ``mentorterm/locale``;
without one, the English source text is shown.
"""

from __future__ import annotations

import gettext
import os
from pathlib import Path

_LOCALE_DIR = Path(__file__).parent / "locale"


def _load() -> gettext.NullTranslations:
    languages = None
    if lang := os.environ.get("MENTORTERM_LANG"):
        languages = [lang]
    return gettext.translation("mentorterm", _LOCALE_DIR, languages=languages, fallback=True)


_translation = _load()


def _(message: str) -> str:
    """Translate a user-facing message."""
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)
