"""New records' uids: UUIDs of version 7 (RFC 9562), as 32 hex digits.

A uid names a record on every copy of it (a laptop's, the team database's, an
interchange file's), so it must never repeat: 74 of its 128 bits are drawn
from the operating system's randomness (``os.urandom``), as many as make a
repeat as unlikely as with a uuid4. The first 48 bits are the moment it was
made, in milliseconds since 1970 (which the record's ``created_at`` says
anyway), so uids made one after another sort one after another. That is what
the version 7 layout is for: each table's unique index on ``uid`` then takes a
new record next to the last one, where a uuid4 lands on a random page of the
index. On the bench database a logbook save wrote 7-13 pages to the WAL before
its fsync (a full, randomly chosen page of the uid index split, and its
parents with it), and writes 4 with these (bench/README.md).

Uids made earlier (uuid4s, schema 11's upgrade) stay as they are: a uid is
only ever compared for equality, so old and new mix freely.
"""

from __future__ import annotations

import os
import threading
import time

_VERSION = 0x7 << 76  # the version nibble, bits 76-79
_VARIANT = 0b10 << 62  # the RFC 9562 variant, bits 62-63
_RAND_A = 0xFFF << 64  # 12 random bits after the version
_RAND_B = (1 << 62) - 1  # 62 random bits after the variant

_lock = threading.Lock()
_last = 0


def time_ordered() -> str:
    """A new version 7 UUID as 32 lower-case hex digits, greater than the last
    one this process made (a clock set back, or two in one millisecond, take
    the last one plus one; the random bits keep other processes' apart)."""
    global _last
    millis = time.time_ns() // 1_000_000
    rand = int.from_bytes(os.urandom(10), "big")  # 80 bits, 74 used
    value = (
        (millis & ((1 << 48) - 1)) << 80
        | _VERSION
        | ((rand >> 62) << 64) & _RAND_A
        | _VARIANT
        | rand & _RAND_B
    )
    with _lock:
        if value <= _last:
            value = _last + 1
        _last = value
    return f"{value:032x}"
