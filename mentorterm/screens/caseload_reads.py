"""The caseload's reads in the audit log: each citizen it shows, once per session
of the screen (a filter or a reload writes nothing new), written once the frame
that shows them is out."""

from __future__ import annotations

from collections.abc import Iterable

from ..domain.audit import ViewLog
from ..widgets.guard import safely


class ReadsLogged:
    """Mixed into CaseloadScreen: ``log_reads`` when citizens are shown."""

    def reads_logged(self, what: str, purpose: str) -> None:
        self._reads = ViewLog(what, purpose)
        self._unlogged: dict[int, None] = {}  # shown, to be logged once the frame is out

    def log_reads(self, citizen_ids: Iterable[int]) -> None:
        # A commit waits for the disk (10-20 ms) that a keystroke's frame, or the
        # first frame, need not wait for; keys faster than frames are written together.
        waiting = bool(self._unlogged)
        self._unlogged.update(dict.fromkeys(citizen_ids))
        if not waiting and self._unlogged:
            self.call_after_refresh(self._write_reads)  # type: ignore[attr-defined]

    def on_screen_suspend(self) -> None:
        self._write_reads()  # before another screen (a citizen) reads anything

    def on_unmount(self) -> None:
        self._write_reads()

    @safely
    def _write_reads(self) -> None:
        # A filter keystroke can bring citizens into view: a failed write is a
        # message, not a crash of the keystroke.
        shown, self._unlogged = list(self._unlogged), {}
        if shown:
            self._reads.saw(shown)
