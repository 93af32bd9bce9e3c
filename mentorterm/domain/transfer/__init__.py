"""Export to and import from the JSON interchange format: the face.

Export never fails on what the database holds: it reads rows as they are.
Import is all-or-nothing: the whole file is validated first, every problem is
reported with its place in the file, and only a valid file is written, in one
transaction.

The rooms: columns (what each record carries), export, reading (an import
file's bounds and validation), importing (writing it). Rows are read through
storage (storage/records.py), never with SQL here.
"""

from __future__ import annotations

from .columns import COLUMNS
from .export import build_document, dumps, export_document
from .importing import ImportResult, import_document
from .reading import (
    MAX_DEPTH,
    MAX_IMPORT_BYTES,
    ImportFailed,
    nesting_depth,
    parse_document,
    read_import_text,
    too_large,
)

__all__ = [
    "COLUMNS",
    "MAX_DEPTH",
    "MAX_IMPORT_BYTES",
    "ImportFailed",
    "ImportResult",
    "build_document",
    "dumps",
    "export_document",
    "import_document",
    "nesting_depth",
    "parse_document",
    "read_import_text",
    "too_large",
]
