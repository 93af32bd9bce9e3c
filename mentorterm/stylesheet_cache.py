"""The parsed stylesheets kept from one start to the next.

At every start Textual parses every stylesheet again: the app's, the first
screen's ``.tcss`` and each widget's ``DEFAULT_CSS``, 23 sources and 16-17 ms
of the demo's first frame (a bare DataTable app parses 9 in 7 ms;
bench/README.md, 2026-12-07 late). What a parse gives depends on nothing but
the CSS text, where it came from, its scope and tie-breaker, the theme's
variables and the Textual and Python that parse it: ``Kept`` holds each parse
as it came out (pickled at once, before Textual can touch the rules) under a
digest of all of these, in one file in the user's cache folder, and the next
start unpickles each source it meets instead of parsing it (0.1 ms each).

The file holds CSS only, nothing about anyone. It is a copy of what a parse
gives and nothing depends on it: missing, damaged, from another Textual, or
not the mentor's own (another owner, writable by others: unpickling runs
what the file says), and every source is parsed as before. It is written once
a session, at the end, and only when something was parsed that it lacked.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from pathlib import Path

import textual

#: What the file holds; another value (an older layout) is not read.
FORMAT = "mentorterm-stylesheets-1"
#: At most this many sources are kept (those of this session first): an
#: upgrade's new texts do not make the file grow for ever.
KEEP_AT_MOST = 200


def default_path() -> Path:
    """The file in the per-user cache folder (platformdirs: ~/.cache/mentorterm)."""
    import platformdirs

    return platformdirs.user_cache_path("mentorterm", appauthor=False) / "stylesheets.pickle"


def variables_digest(variables: dict[str, str]) -> str:
    """The theme's variables as one digest (a new theme parses everything anew)."""
    return hashlib.blake2b(repr(sorted(variables.items())).encode(), digest_size=20).hexdigest()


#: The Textual modules whose code makes the rules; their files' times stand for
#: Textual's version (``textual.__version__`` asks importlib.metadata, several
#: ms), and an upgrade or reinstall writes them anew.
_PARSERS = ("__init__.py", "css/parse.py", "css/model.py", "css/styles.py", "css/tokenize.py")
_parser_stamp: tuple | None = None


def parser_stamp() -> tuple:
    """Where Textual is and when its parser's files were written (once a process)."""
    global _parser_stamp
    if _parser_stamp is None:
        folder = Path(textual.__file__).parent
        _parser_stamp = (str(folder), *((folder / name).stat().st_mtime_ns for name in _PARSERS))
    return _parser_stamp


class Kept:
    """The parses kept in ``path``: ``get`` one by its digest, ``put`` a new one,
    ``write`` at the end of the session."""

    def __init__(self, path: Path | None, parses: dict[str, bytes] | None = None) -> None:
        self.path = path
        self._parses: dict[str, bytes] = dict(parses or {})
        self._used: set[str] = set()
        self._new = False

    @classmethod
    def read(cls, path: Path) -> Kept:
        """The parses in ``path``; none when it cannot be trusted or read."""
        try:
            with open(path, "rb") as file:
                status = os.fstat(file.fileno())
                if status.st_uid != os.getuid() or status.st_mode & 0o022:
                    return cls(path)
                held = pickle.load(file)
            parses = held["parses"] if held.get("format") == FORMAT else {}
            if not all(isinstance(k, str) and isinstance(v, bytes) for k, v in parses.items()):
                parses = {}
        except Exception:  # missing, damaged, another layout: parse as before
            return cls(path)
        return cls(path, parses)

    @staticmethod
    def digest(key: tuple, variables: str) -> str:
        """The digest of one source's parse: Textual's own cache key (text, origin,
        defaults or not, tie-breaker, scope), the variables, Textual and Python."""
        css, *where = key
        hasher = hashlib.blake2b(digest_size=20)
        hasher.update(repr((parser_stamp(), sys.version_info[:2], variables, where)).encode())
        hasher.update(css.encode())  # after a repr, which says where it ends
        return hasher.hexdigest()

    def get(self, digest: str) -> list | None:
        """The rules kept under ``digest`` (new objects each time), or None."""
        held = self._parses.get(digest)
        if held is None:
            return None
        try:
            rules = pickle.loads(held)
        except Exception:  # a damaged entry: parsed as before, and replaced
            del self._parses[digest]
            return None
        self._used.add(digest)
        return rules

    def put(self, digest: str, rules: list) -> None:
        """Keep a parse as it is now (rules that do not pickle are not kept)."""
        try:
            self._parses[digest] = pickle.dumps(rules, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:
            return
        self._used.add(digest)
        self._new = True

    def write(self) -> bool:
        """Write the file if this session parsed something it lacked (at most
        ``KEEP_AT_MOST`` sources, this session's first); False when nothing was
        written. A folder that cannot be written is no error: the next start
        parses again."""
        import tempfile  # only here: the start does not need it

        if not self._new or self.path is None:
            return False
        order = sorted(self._parses, key=lambda digest: digest not in self._used)
        parses = {digest: self._parses[digest] for digest in order[:KEEP_AT_MOST]}
        folder = self.path.parent
        try:
            folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=folder, prefix=".stylesheets-")
        except OSError:
            return False
        try:
            with os.fdopen(handle, "wb") as file:
                pickle.dump({"format": FORMAT, "parses": parses}, file)
            os.replace(temporary, self.path)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
            return False
        self._new = False
        return True
