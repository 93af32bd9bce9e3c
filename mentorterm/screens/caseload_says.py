"""What the caseload says around its list: the welcome on an empty database,
"no citizens match", and the status line (the view, the scope, how many, the
filter). A mixin of ``CaseloadScreen`` (screens/caseload.py), which keeps the
rows, the view and the filter these read."""

from __future__ import annotations

from textual.widgets import Input, Static

from ..domain.caseload import CaseloadRow, CourseFilter
from ..i18n import _, ngettext
from ..widgets.caselist import CaseList
from .caseload_columns import VIEW_LABELS


class CaseloadSays:
    """Mixed into CaseloadScreen: ``show_empty`` and ``show_status``."""

    def show_empty(self, rows: list[CaseloadRow]) -> None:
        empty = self.query_one("#empty", Static)
        table = self.query_one(CaseList)
        nothing_at_all = not self.rows and self.view == CourseFilter.ACTIVE and not self.needle
        if nothing_at_all and not self.app_has_citizens():
            empty.update(
                _(
                    "[b]Welcome to mentorterm.[/b]\n\n"
                    "There are no citizens in this database yet.\n\n"
                    "  [b]n[/b]  create your first citizen\n"
                    "  [b]d[/b]  try a fictional demo caseload (its own file; yours stays "
                    "empty)\n"
                    "  [b]?[/b]  every key on this screen\n"
                )
            )
            empty.display, table.display = True, False
            self.set_focus(None)
        elif not self.rows and not self.needle and self.scope_mine and self.scope_label():
            # A mentor on the team database with no citizens of their own (yet).
            empty.update(
                _(
                    "You have no citizens of your own here yet. Press [b]M[/b] to see the "
                    "team's, [b]v[/b] for ended or all courses, or [b]n[/b] to create a citizen."
                )
            )
            empty.display, table.display = True, False
        elif not rows:
            empty.update(
                _(
                    "No citizens match. Press [b]/[/b] to change the filter or "
                    "[b]v[/b] to see active, ended or all courses."
                )
            )
            empty.display, table.display = True, False
        else:
            empty.display, table.display = False, True
            if not self.query_one("#filter", Input).has_focus:
                table.focus()

    def app_has_citizens(self) -> bool:
        from ..domain.citizens import count_citizens

        return count_citizens() > 0

    def show_status(self, matching: int, shown: int) -> None:
        scope = self.scope_label()
        parts = [
            _("{view} (v)").format(view=VIEW_LABELS[self.view]),
            *([scope] if scope else []),
            ngettext("{count} citizen", "{count} citizens", matching).format(count=matching)
            if self.complete
            else _("the first {count} citizens, the rest on their way").format(count=matching),
        ]
        if shown < matching and self.complete:
            parts.append(_("showing the first {shown}: type / to narrow").format(shown=shown))
        if self.needle:
            parts.append(_("filter: “{text}”").format(text=self.needle))
        status = " · ".join(parts)
        if status != self._status:
            self._status = status
            # One line of fixed height (caseload.tcss): its size never changes.
            self.query_one("#status", Static).update(status, layout=False)
