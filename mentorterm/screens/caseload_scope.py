"""The caseload's scope on the team database: mine, the team's, or a colleague's.

On a mentor's own database every citizen is theirs and there is no scope.
On the team database the list starts with the mentor's own citizens and
those of the colleagues they cover today (marked "↪ … · covering for Anna");
``M`` switches to the whole team's and back; ``C`` picks a colleague (the
team's mentors with their caseload sizes) and lists that colleague's
citizens. The status line says which.
"""

from __future__ import annotations

from rich.text import Text

from ..domain import session
from ..domain.caseload import CaseloadRow, CourseFilter, caseload
from ..domain.cover import covering_for
from ..i18n import _, ngettext
from ..widgets.markup import escape

MINE, TEAM = "mine", "team"


class CaseloadScope:
    """Mixed into CaseloadScreen: which citizens ``read_caseload`` lists."""

    _scope_known = False
    _my_mentor: int | None = None
    scope: str | int = MINE  # MINE, TEAM or a colleague's mentor id
    _colleague_name = ""
    _covering: dict[int, str] = {}  # {citizen id: the colleague covered} on the list
    _covered_names: list[str] = []  # the colleagues I cover today

    @property
    def my_mentor(self) -> int | None:
        """The mentor at the keyboard on the team database; None on a mentor's own."""
        if not self._scope_known:
            self._my_mentor = session.my_mentor_on_a_team()
            self._scope_known = True
        return self._my_mentor

    @property
    def scope_mine(self) -> bool:
        return self.scope == MINE

    @property
    def scope_mentor(self) -> int | None:
        """The mentor whose citizens are listed; None: everyone's."""
        if self.scope == TEAM:
            return None
        return self.my_mentor if self.scope == MINE else int(self.scope)

    def read_caseload(self, view: CourseFilter | None = None, **kwargs) -> list[CaseloadRow]:
        """The caseload in this scope and ``view`` (default the screen's), as of the app's today."""
        courses = view or self.view
        rows = caseload(self.scope_mentor, today=self.app.today, courses=courses, **kwargs)
        covering: dict[int, str] = {}
        covered = {}
        if self.scope == MINE and self.my_mentor is not None:
            covered = covering_for(self.my_mentor, self.app.today)
            for mentor_id, name in covered.items():
                theirs = caseload(mentor_id, today=self.app.today, courses=courses, **kwargs)
                covering.update((row.citizen_id, name) for row in theirs)
                rows += theirs
            if covering:
                rows.sort(key=lambda row: row.name.casefold())
                if kwargs.get("limit") is not None:
                    rows = rows[: kwargs["limit"]]
        self._covering, self._covered_names = covering, list(covered.values())
        return rows

    def scope_cells(self, row: CaseloadRow, cells: tuple) -> tuple:
        """A covered colleague's citizen is marked in the name cell."""
        colleague = self._covering.get(row.citizen_id)
        if colleague is None:
            return cells
        # A mark in front stays in sight when a narrow terminal cuts the name's cell.
        name = Text("↪ ", style="bold")
        name.append(row.name)
        name.append(" · " + _("covering for {name}").format(name=colleague), style="italic")
        return (name, *cells[1:])

    def scope_label(self) -> str | None:
        """What the status line says of the scope (None on a mentor's own database)."""
        if self.my_mentor is None:
            return None  # a mentor's own database: everyone here is theirs
        if self.scope == TEAM:
            return _("the team's (M)")
        if self.scope != MINE:
            return _("{name}'s (C)").format(name=self._colleague_name)
        if self._covered_names:
            names = ", ".join(self._covered_names)
            return _("mine + covering for {names} (M)").format(names=names)
        return _("mine (M)")

    def _no_team(self) -> bool:
        if self.my_mentor is None:
            self.notify(_("Every citizen in this database is yours: there is no team here."))
            return True
        return False

    def action_switch_scope(self) -> None:
        if self._no_team():
            return
        self.scope = TEAM if self.scope == MINE else MINE
        self.load()

    def action_pick_colleague(self) -> None:
        """A colleague's caseload: the team's mentors with their caseload sizes."""
        if self._no_team():
            return
        from ..domain.team import team_mentors
        from ..widgets.pick import PickScreen

        mentors = [m for m in team_mentors(self.app.today) if m.mentor_id != self.my_mentor]
        if not mentors:
            self.notify(_("You are the only mentor on this team."))
            return
        names = {m.mentor_id: m.name for m in mentors}
        choices = [
            (
                m.mentor_id,
                escape(m.name)
                + " · "
                + ngettext("{count} citizen", "{count} citizens", m.citizens).format(
                    count=m.citizens
                ),
            )
            for m in mentors
        ]

        def chosen(mentor_id: int | None) -> None:
            if mentor_id is not None:
                self.show_colleague(mentor_id, names[mentor_id])

        self.app.push_screen(PickScreen(_("Whose caseload?"), choices), chosen)

    def show_colleague(self, mentor_id: int, name: str) -> None:
        """List ``mentor_id``'s citizens (mine when it is me)."""
        if mentor_id == self.my_mentor:
            self.scope = MINE
        else:
            self.scope, self._colleague_name = mentor_id, name
        self.load()

    def action_team_overview(self) -> None:
        self.app.show_team_overview()
