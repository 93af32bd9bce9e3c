"""The caseload's scope on the team database: my citizens, or the team's.

On a mentor's own database every citizen is theirs and there is no scope.
On the team database the list starts with the mentor's own citizens; ``M``
switches to the whole team's and back (the status line says which).
"""

from __future__ import annotations

from ..domain import session
from ..domain.caseload import CaseloadRow, CourseFilter, caseload
from ..i18n import _


class CaseloadScope:
    """Mixed into CaseloadScreen: ``scope_mentor`` is what ``caseload`` gets."""

    _scope_known = False
    _my_mentor: int | None = None
    scope_mine = True

    @property
    def scope_mentor(self) -> int | None:
        """The mentor whose citizens are listed; None: everyone's."""
        if not self._scope_known:
            self._my_mentor = session.my_mentor_on_a_team()
            self._scope_known = True
        return self._my_mentor if self.scope_mine else None

    def read_caseload(self, view: CourseFilter | None = None, **kwargs) -> list[CaseloadRow]:
        """The caseload in this scope and ``view`` (default the screen's), as of the app's today."""
        return caseload(
            self.scope_mentor, today=self.app.today, courses=view or self.view, **kwargs
        )

    def scope_label(self) -> str | None:
        """What the status line says of the scope (None on a mentor's own database)."""
        if self.scope_mentor is None and self.scope_mine:
            return None  # a mentor's own database: everyone here is theirs
        return _("mine (M)") if self.scope_mine else _("the team's (M)")

    def action_switch_scope(self) -> None:
        if self.scope_mentor is None and self.scope_mine:
            self.notify(_("Every citizen in this database is yours: there is no team here."))
            return
        self.scope_mine = not self.scope_mine
        self.load()
