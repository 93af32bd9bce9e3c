"""Running a domain call in a worker thread, so a slow export or erase leaves the
screen alive (a progress bar moves, keys still answer).

peewee keeps one connection per thread: a worker thread has none until it
connects, and an unclosed one would keep a WAL snapshot (and the -wal file
with an erased citizen's old pages) alive. ``in_own_connection`` gives the
call a connection of its own and closes it afterwards. Models read inside a
worker stay inside it: hand the screen read models (pydantic), never rows.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from ..models import db

T = TypeVar("T")


def in_own_connection(call: Callable[..., T], *args, **kwargs) -> T:
    """``call(*args, **kwargs)`` with this thread's own connection, closed after.

    On a thread that is connected already (the main thread) the call simply
    runs on that connection, which stays open.
    """
    if not db.is_closed():
        return call(*args, **kwargs)
    db.connect()
    try:
        return call(*args, **kwargs)
    finally:
        db.close()
