"""The weekly review's queue table, and on the team database the team's queue.

On a mentor's own database the queue is theirs, most urgent first, as it
always was. On the team database the review is the team's meeting: the
queue holds every mentor's citizens, a heading per mentor (by name), each
mentor's citizens in the queue's own order, so the team walks it mentor by
mentor; ``M`` switches to mine (and those I cover today) and back. Who
recorded each decision is shown with it ("decided by Bo"); any mentor may
go on where another stopped.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from ..domain import review as domain
from ..domain import session
from ..domain.cover import covering_for
from ..domain.sync.conflicts import conflict_count
from ..domain.team import ReviewGroup, team_review
from ..i18n import _, ngettext


class ReviewQueueTable:
    """Mixed into ReviewScreen: which queue is read and how its table is filled."""

    _team_known = False
    _me: int | None = None
    team_queue = True  # on the team database: the team's queue; False: mine
    _rows: list[int] = []  # the table row of each item (headings in between)
    _groups: list[ReviewGroup] = []
    _covered_names: list[str] = []  # the colleagues I cover today (my queue has theirs)
    seen_version: int | None = None  # the decision's version on screen (0: none yet)

    @property
    def my_mentor(self) -> int | None:
        """The mentor at the keyboard on the team database; None on a mentor's own."""
        if not self._team_known:
            self._me = session.my_mentor_on_a_team()
            self._team_known = True
        return self._me

    def read_queue(self, thresholds) -> list[domain.ReviewItem]:
        """The week's queue in the order of the table's rows."""
        me = self.my_mentor
        if me is None:
            self._groups = []
            return domain.review_queue(self.as_of, thresholds=thresholds)
        covered = {} if self.team_queue else covering_for(me, self.app.today)
        self._covered_names = list(covered.values())
        only = None if self.team_queue else {me, *covered}
        self._groups = team_review(self.as_of, thresholds, only)
        return [item for group in self._groups for item in group.items]

    def fill_queue(self, table: DataTable) -> None:
        table.clear()
        self._rows = []

        def add(item: domain.ReviewItem) -> None:
            self._rows.append(table.row_count)
            table.add_row(
                item.name[:22],
                str(len(item.signals)),
                "✓" if item.reviewed else "",
                key=str(item.citizen_id),
            )

        if self.my_mentor is None:
            for item in self.items:
                add(item)
            return
        for group in self._groups:
            heading = Text(f"{group.mentor_name[:24]} ({len(group.items)})", style="bold")
            table.add_row(heading, "", "", key=f"mentor:{group.mentor_id}")
            for item in group.items:
                add(item)

    def row_of(self, index: int) -> int:
        """The table row of the ``index``-th citizen in the queue."""
        return self._rows[index] if index < len(self._rows) else index

    def index_at(self, row: int) -> int | None:
        """The citizen at a table row; None on a mentor's heading."""
        try:
            return self._rows.index(row)
        except ValueError:
            return None

    def skip_heading(self, row: int) -> None:
        """The cursor on a heading goes on to a citizen, in the way it was moving."""
        table = self.query_one(DataTable)
        if table.cursor_row != row:
            return  # the cursor has moved on meanwhile (a load put it on a citizen)
        current = self.row_of(self.index) if self.items else 0
        target = row - 1 if current > row and row > 0 else row + 1
        if self.index_at(target) is None:  # two headings never follow each other
            target = row + 1
        if target < table.row_count:
            table.move_cursor(row=target)

    def refresh_current(self) -> None:
        """The decision in focus as recorded now: on the team database a colleague
        at another terminal may have recorded or changed it since the queue was read."""
        self.seen_version = None  # no check on a mentor's own database
        if self.my_mentor is None or not self.items or self.read_only:
            return
        item = self.items[self.index]
        fresh = domain.decision_for(item.citizen_id, self.iso_week)
        self.seen_version = fresh.version if fresh is not None else 0
        if fresh is None:
            return
        now = {"decision": fresh.decision, "reviewed": fresh.reviewed}
        now |= {"reviewed_at": fresh.reviewed_at, "decided_by": fresh.decided_by}
        if all(getattr(item, name) == value for name, value in now.items()):
            return
        self.items[self.index] = item.model_copy(update=now)
        mark = "✓" if fresh.reviewed else ""
        self.query_one(DataTable).update_cell_at((self.row_of(self.index), 2), mark)

    def queue_label(self) -> str:
        """What the title says of the queue (nothing on a mentor's own database)."""
        if self.my_mentor is None:
            return ""
        open_conflicts = conflict_count()
        if open_conflicts:
            return (self._scope_label() + " · " + ngettext(
                "[b]{n} sync conflict to decide (Y)[/b]",
                "[b]{n} sync conflicts to decide (Y)[/b]", open_conflicts,
            ).format(n=open_conflicts))  # fmt: skip
        return self._scope_label()

    def _scope_label(self) -> str:
        if self.team_queue:
            return " · " + _("the team's (M)")
        if self._covered_names:
            names = ", ".join(self._covered_names)
            return " · " + _("mine + covering for {names} (M)").format(names=names)
        return " · " + _("mine (M)")

    def action_switch_scope(self) -> None:
        if self.my_mentor is None:
            self.notify(_("Every citizen in this database is yours: there is no team here."))
            return
        self.keep_decision()
        self.team_queue = not self.team_queue
        self.load(resume=True)
