"""The passphrase rules: how strong a new one must be, and how long a wrong one waits.

Strength is judged by zxcvbn (Dropbox's estimator: dictionaries of common
passwords, names, keyboard patterns, dates, l33t), not by counting kinds of
characters: "Password1!" has four kinds and is guessed at once. A new
passphrase needs a score of ``MIN_SCORE`` (3 of 4: "safely unguessable").

The wrong-passphrase back-off lives in a small owner-only file beside the
database (``<db>.tries``): the count of wrong tries and the time of the last
one. So it holds when the app is restarted and for every CLI command; it is
removed by a right passphrase. Functions take ``now`` (seconds since the
epoch) so tests fix the clock.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import NamedTuple

from ..i18n import N_, _
from ..storage import MIN_PASSPHRASE, StorageError, WeakPassphrase
from ..storage import check_new_passphrase as _check_not_empty

__all__ = [
    "StorageError",
    "WeakPassphrase",
    "check_new_passphrase",
    "passphrase_hint",
    "strength",
    "Tries",
    "read_tries",
    "wrong_try",
    "right_try",
    "wait_after",
    "tries_file",
    "FREE_TRIES",
    "MIN_SCORE",
]

MIN_SCORE = 3
# zxcvbn refuses longer input (its matching grows fast); past 72 characters
# the first 72 decide, which only ever judges a long passphrase weaker.
_JUDGED = 72
# Words of this app and its users' world make a passphrase easy to guess.
_OWN_WORDS = ("mentorterm", "mentor", "borger", "jobcenter", "forløb", "praktik", "logbog")

# zxcvbn's English feedback, said in the mentor's words (and through _(), so the
# Danish catalogue translates them where they are shown).
_WARNINGS = {
    "This is a top-10 common password.": N_("It is one of the ten most used passwords."),
    "This is a top-100 common password.": N_("It is one of the hundred most used passwords."),
    "This is a very common password.": N_("It is a very common password."),
    "This is similar to a commonly used password.": N_("It is close to a much used password."),
    "A word by itself is easy to guess.": N_("One word on its own is easy to guess."),
    "Names and surnames by themselves are easy to guess.": N_(
        "A name on its own is easy to guess."
    ),
    "Common names and surnames are easy to guess.": N_("Common names are easy to guess."),
    "Straight rows of keys are easy to guess.": N_(
        "A row of keys on the keyboard is easy to guess."
    ),
    "Short keyboard patterns are easy to guess.": N_("A pattern on the keyboard is easy to guess."),
    'Repeats like "aaa" are easy to guess.': N_("Repeated letters are easy to guess."),
    'Repeats like "abcabcabc" are only slightly harder to guess than "abc".': N_(
        "Repeating a part does not make it much harder to guess."
    ),
    'Sequences like "abc" or "6543" are easy to guess.': N_(
        "Runs like abc or 6543 are easy to guess."
    ),
    "Recent years are easy to guess.": N_("A recent year is easy to guess."),
    "Dates are often easy to guess.": N_("A date is easy to guess."),
}
_SUGGESTIONS = {
    "Add another word or two. Uncommon words are better.": N_(
        "Add a word or two that others would not think of."
    ),
    "Use a few words, avoid common phrases.": N_("Use a few words, not a saying everybody knows."),
    "No need for symbols, digits, or uppercase letters.": N_(
        "No need for symbols, digits or capitals."
    ),
    "Capitalization doesn't help very much.": N_("A capital letter does not help much."),
    "All-uppercase is almost as easy to guess as all-lowercase.": N_(
        "All capitals are almost as easy to guess as none."
    ),
    "Reversed words aren't much harder to guess.": N_(
        "A word spelt backwards is not much harder to guess."
    ),
    "Predictable substitutions like '@' instead of 'a' don't help very much.": N_(
        "Swapping letters for look-alikes (@ for a) does not help much."
    ),
    "Use a longer keyboard pattern with more turns.": N_("Avoid patterns on the keyboard."),
    "Avoid repeated words and characters.": N_("Avoid repeated words and letters."),
    "Avoid sequences.": N_("Avoid runs of letters or digits."),
    "Avoid recent years.": N_("Avoid years."),
    "Avoid years that are associated with you.": N_("Avoid years that have to do with you."),
    "Avoid dates and years that are associated with you.": N_(
        "Avoid dates and years that have to do with you."
    ),
}


class Strength(NamedTuple):  # made at import: a NamedTuple (keys/model.py)
    """zxcvbn's verdict: ``score`` 0-4 and its advice in the mentor's words."""

    score: int
    warning: str
    suggestions: tuple[str, ...]

    @property
    def good_enough(self) -> bool:
        return self.score >= MIN_SCORE


def strength(passphrase: str, own_words: tuple[str, ...] = ()) -> Strength:
    """How hard ``passphrase`` is to guess; ``own_words`` (e.g. the database's
    name, the mentor's name) count as easy to guess."""
    from zxcvbn import zxcvbn

    result = zxcvbn(passphrase[:_JUDGED], user_inputs=[*_OWN_WORDS, *own_words])
    feedback = result.get("feedback") or {}
    warning = feedback.get("warning") or ""
    suggestions = tuple(_SUGGESTIONS.get(s, "") for s in feedback.get("suggestions") or ())
    said = _WARNINGS.get(warning, "")
    verdict = Strength(
        int(result["score"]), _(said) if said else "", tuple(_(s) for s in suggestions if s)
    )
    # The result holds the passphrase and its pieces: let it go now.
    result.clear()
    return verdict


def check_new_passphrase(passphrase: str | None, own_words: tuple[str, ...] = ()) -> str:
    """Refuse a new passphrase that is empty, short, or easy to guess.

    Raises WeakPassphrase with the reason and what would help, in the
    mentor's words. Used where a person chooses one: the first start, the CLI's
    prompts (a new database, ``encrypt``, ``passphrase``).
    """
    _check_not_empty(passphrase)
    verdict = strength(passphrase, own_words)
    if not verdict.good_enough:
        advice = (
            verdict.suggestions[0]
            if verdict.suggestions
            else _(
                "A few words only you would put together are best, e.g. a short sentence "
                "about something only you know."
            )
        )
        raise WeakPassphrase(
            " ".join(
                part
                for part in (_("This passphrase is too easy to guess."), verdict.warning, advice)
                if part
            )
        )
    return passphrase


def passphrase_hint(passphrase: str, own_words: tuple[str, ...] = ()) -> str:
    """A plain-words verdict while a new passphrase is typed."""
    if len(passphrase) < MIN_PASSPHRASE:
        return _("Too short: at least {n} characters.").format(n=MIN_PASSPHRASE)
    verdict = strength(passphrase, own_words)
    if verdict.score >= 4:
        return _("Strong.")
    if verdict.score >= MIN_SCORE:
        return _("Good. Another word makes it stronger.")
    return " ".join(
        part
        for part in (_("Too easy to guess."), verdict.warning, *verdict.suggestions[:1])
        if part
    )


# --- the wrong-passphrase back-off ------------------------------------------------------

FREE_TRIES = 3
MAX_WAIT = 60.0
_TRIES_SIZE = 4096  # the file holds two numbers; anything bigger is not ours


def wait_after(failures: int) -> float:
    """Seconds before the next try: none for the first three, then 2, 4, 8 ... 60."""
    if failures < FREE_TRIES:
        return 0.0
    return float(min(MAX_WAIT, 2 ** min(failures - FREE_TRIES + 1, 16)))


class Tries(NamedTuple):  # made at import: a NamedTuple (keys/model.py)
    """Wrong passphrases in a row, and when the last one was typed (epoch seconds)."""

    failures: int = 0
    last: float | None = None

    def wait_left(self, now: float) -> float:
        """Seconds until the next try may be made (0: now). A clock set back
        never makes the wait longer than the back-off itself."""
        wait = wait_after(self.failures)
        if not wait or self.last is None:
            return 0.0
        return max(0.0, min(wait, self.last + wait - now))


def tries_file(database: Path) -> Path:
    """Where the back-off of the database at ``database`` is kept."""
    return database.with_name(database.name + ".tries")


def read_tries(database: Path | None, known: Tries | None = None) -> Tries:
    """The back-off kept beside ``database``, or ``known`` (this process's own
    count, for a folder where the file cannot be written) if that is further on.

    A tries file that cannot be read as ours (damaged, a link, too big) counts
    as the free tries used up, so removing or garbling it never gives more
    tries than waiting would.
    """
    kept = known or Tries()
    if database is None:
        return kept
    path = tries_file(database)
    try:
        handle = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return kept
    except OSError:
        return _further(kept, Tries(FREE_TRIES, None))
    when = None
    try:
        with os.fdopen(handle, "rb") as stream:
            when = os.fstat(stream.fileno()).st_mtime
            data = stream.read(_TRIES_SIZE + 1)
        values = json.loads(data.decode("utf-8")) if len(data) <= _TRIES_SIZE else None
        failures = int(values["failures"])
        last = float(values["last"])
        if failures < 0 or last != last:  # negative, NaN
            raise ValueError
        found = Tries(failures, last)
    except (OSError, ValueError, TypeError, KeyError, UnicodeDecodeError):
        found = Tries(FREE_TRIES, when)
    return _further(kept, found)


def _further(one: Tries, other: Tries) -> Tries:
    if one.failures != other.failures:
        return one if one.failures > other.failures else other
    return one if (one.last or 0) >= (other.last or 0) else other


def wrong_try(database: Path | None, now: float, known: Tries | None = None) -> Tries:
    """Count one more wrong passphrase at ``now``; returns the new count (kept
    in memory by the caller when the folder is read-only)."""
    counted = read_tries(database, known)
    counted = Tries(counted.failures + 1, now)
    if database is not None:
        try:
            _write_tries(tries_file(database), counted)
        except OSError:
            pass  # a read-only folder: the caller's count still holds this session
    return counted


def right_try(database: Path | None) -> Tries:
    """The passphrase was right: the count starts again."""
    if database is not None:
        try:
            tries_file(database).unlink(missing_ok=True)
        except OSError:
            pass
    return Tries()


def _write_tries(path: Path, tries: Tries) -> None:
    """Owner-only, written beside and renamed over, never through a planted link."""
    data = json.dumps({"failures": tries.failures, "last": tries.last}).encode("utf-8")
    part = path.with_name(f"{path.name}.{os.getpid()}.part")
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        part.unlink(missing_ok=True)  # one left by a killed run of this same process id
    except OSError:
        pass
    handle = os.open(part, flags, 0o600)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(part, path)
    except BaseException:
        part.unlink(missing_ok=True)
        raise
