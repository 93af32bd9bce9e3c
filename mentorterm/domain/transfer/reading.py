"""Reading an import file: bounds first, then JSON, then every problem with its place."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ...i18n import _
from ...interchange import (
    FORMAT_NAME,
    FORMAT_VERSION,
    InterchangeDocument,
)
from ...schemas import error_location, error_text, format_location


class ImportFailed(Exception):
    """The file was not imported; ``problems`` says where and why."""

    def __init__(self, problems: list[str]):
        super().__init__("\n".join(problems))
        self.problems = problems


# Bounds checked before the text is parsed. The demo export (14 citizens, two
# years of logbooks and meetings) is 0.9 MB; a full team caseload kept for the
# retention time is some tens of MB; 200 MB is that times ten and still parses
# in memory. The format nests 7 levels deep (document, citizens, citizen,
# placements, placement, logbook, entry); 20 leaves room for a later version.
MAX_IMPORT_BYTES = 200_000_000


MAX_DEPTH = 20


# A JSON string (escapes included), or an opening or closing bracket outside one.
_STRING_OR_BRACKET = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]|"')


def too_large(size: int) -> str | None:
    """The one-line refusal for a file of ``size`` bytes, or None when it may be read."""
    if size <= MAX_IMPORT_BYTES:
        return None
    return _("The file is {size} MB; a mentorterm export is at most {limit} MB.").format(
        size=round(size / 1e6), limit=MAX_IMPORT_BYTES // 1_000_000
    )


def read_import_text(path: Path) -> str:
    """The text of an import file, read no further than the size limit.

    Raises ImportFailed for a file over the limit (a FIFO or a growing file
    included: the limit is on what is read, not on what ``stat`` says) and for
    one that is not UTF-8; OSError as the system gives it.
    """
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if (refusal := too_large(size)) is not None:  # a regular file: refused unread
            raise ImportFailed([refusal])
        raw = handle.read(MAX_IMPORT_BYTES + 1)
    if (refusal := too_large(len(raw))) is not None:
        raise ImportFailed([refusal])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        raise ImportFailed([_("The file is not a text (UTF-8) file.")]) from None


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deeply brackets nest in ``text``, counting only those outside strings;
    stops counting once ``limit`` is passed (the answer is then ``limit + 1``)."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif token in "]}":
            depth -= 1
        elif token == '"':  # a string that never ends: json.loads says where
            break
    return deepest


def _bad_text(value: Any, where: str = "") -> str | None:
    """The place of the first string that cannot be stored as text (a lone
    surrogate such as "\\ud800"), or None."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where or "."
        return None
    if isinstance(value, dict):
        items = value.items()
    elif isinstance(value, list):
        items = enumerate(value)
    else:
        return None
    for key, item in items:
        if isinstance(key, str) and _bad_text(key) is not None:
            return where or "."
        place = (
            f"{where}[{key}]" if isinstance(key, int) else (f"{where}.{key}" if where else str(key))
        )
        found = _bad_text(item, place)
        if found is not None:
            return found
    return None


def parse_document(text: str) -> InterchangeDocument:
    """Read and validate a file's text; ImportFailed lists every problem found.

    Size and nesting are checked before the text is parsed, so a huge or
    deeply nested file is refused with one line (never a MemoryError or a
    RecursionError), and nothing is written.
    """
    if (refusal := too_large(len(text))) is not None:
        raise ImportFailed([refusal])
    if nesting_depth(text) > MAX_DEPTH:
        raise ImportFailed(
            [
                _(
                    "The file nests lists and sections more than {limit} levels deep; a mentorterm "
                    "export has 7. This is not a mentorterm export."
                ).format(limit=MAX_DEPTH)
            ]
        )
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ImportFailed(
            [
                _("Line {line}, column {column}: not valid JSON ({reason}).").format(
                    line=exc.lineno, column=exc.colno, reason=exc.msg
                )
            ]
        ) from None
    except (ValueError, RecursionError):
        # A number of thousands of digits (Python's limit on int size), or
        # nesting that slipped past the scanner: refused, not a traceback.
        raise ImportFailed(
            [
                _(
                    "The file holds a value mentorterm cannot read (such as a number "
                    "with thousands of digits). This is not a mentorterm export."
                )
            ]
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT_NAME:
        raise ImportFailed([_('This is not a mentorterm export (no "format": "mentorterm").')])
    if data.get("version") != FORMAT_VERSION:
        raise ImportFailed(
            [
                _(
                    "This export has format version {found}; this mentorterm reads version {known}."
                ).format(found=data.get("version"), known=FORMAT_VERSION)
            ]
        )
    if (where := _bad_text(data)) is not None:
        raise ImportFailed(
            [
                _("{where}: holds a character that is not text (a broken \\u escape).").format(
                    where=where
                )
            ]
        )
    try:
        return InterchangeDocument.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            where = format_location(error_location(error))
            problems.append(f"{where}: {error_text(error)}")
        raise ImportFailed(problems) from None
