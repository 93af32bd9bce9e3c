"""The command palette (ctrl+p): citizens by name, and the app's own commands."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual.app import SystemCommand
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

from ..i18n import LANGUAGES, _, language, speaking


class CitizenCommands(Provider):
    """ctrl+p: jump to any citizen by name."""

    async def search(self, query: str) -> Hits:
        from ..domain.citizens import citizen_names

        app = self.app
        if getattr(app, "sealed", False):  # locked: no names, the database is closed
            return
        matcher = self.matcher(query)
        for citizen_id, name in citizen_names():
            score = matcher.match(name)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(name),
                    partial(app.open_citizen, citizen_id),
                    help=_("Open this citizen"),
                )


class BilingualCommands(Provider):
    """The system commands (Textual's and ours), found by their name in the UI
    language or in the other one: a mentor types the name she remembers."""

    def _commands(self) -> list[tuple[SystemCommand, str]]:
        """Each command with its name in the other language."""
        shown = list(self.app.get_system_commands(self.screen))
        other = next(lang for lang in LANGUAGES if lang != language())
        with speaking(other):
            names = [c.title for c in self.app.get_system_commands(self.screen)]
        if len(names) != len(shown):  # the two lists did not line up: the shown names only
            names = [c.title for c in shown]
        return list(zip(shown, names, strict=True))

    async def discover(self) -> Hits:
        for command in sorted(self.app.get_system_commands(self.screen), key=lambda c: c.title):
            if command.discover:
                yield DiscoveryHit(command.title, command.callback, help=command.help)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command, other_name in self._commands():
            score = matcher.match(command.title)
            title = command.title
            if other_name != command.title and (other := matcher.match(other_name)) > score:
                score, title = other, f"{command.title} ({other_name})"
            if score > 0:
                yield Hit(score, matcher.highlight(title), command.callback, help=command.help)


def app_commands(app, screen: Screen) -> Iterable[SystemCommand]:
    """The palette's own commands, after Textual's; the current citizen's records last."""
    yield SystemCommand(_("Caseload"), _("Go to the caseload (home)"), app.go_home)
    yield SystemCommand(
        _("New citizen"), _("Create a citizen and start their course"), app.new_citizen
    )
    yield SystemCommand(
        _("Weekly review"),
        _("The week's queue of citizens who need attention (R)"),
        app.action_review,
    )
    yield SystemCommand(
        _("Agenda"),
        _("Meetings across the caseload: to record, this week, next week"),
        app.show_agenda,
    )
    yield SystemCommand(
        _("Agreements"),
        _("Action items across the caseload, overdue first"),
        app.show_agreements,
    )
    yield SystemCommand(
        _("The year's figures"),
        _("Courses, outcomes, hours and attendance for the experience report (F)"),
        app.action_figures,
    )
    yield SystemCommand(
        _("Workplaces"),
        _("The workplace register: supervisors, company consultants, placements there (W)"),
        app.action_workplaces,
    )
    yield SystemCommand(
        _("Group sessions"),
        _("Group sessions and their roll call; new sessions and series (G)"),
        app.action_sessions,
    )
    yield SystemCommand(
        _("The team's overview"),
        _("Per mentor: caseload size, open review signals, overdue agreements (O)"),
        app.show_team_overview,
    )
    yield SystemCommand(
        _("Sync"),
        _("A laptop: send and fetch with the team database. The team: the sync conflicts (Y)"),
        app.action_sync,
    )
    from .retention import open_retention

    yield SystemCommand(
        _("Retention"),
        _("Citizens kept past the retention period: erase them"),
        partial(open_retention, app),
    )
    yield SystemCommand(
        _("Lock"), _("Hide everything and close the database (ctrl+l)"), app.action_lock
    )
    yield SystemCommand(
        _("Your name and organisation"),
        _("As they stand on your notes, reports and handouts"),
        app.edit_identity,
    )
    yield SystemCommand(
        _("Help"),
        _("Every key of the current screen"),
        lambda: app.show_help(app.screen, app.screen.__class__.__name__),
    )
    citizen_id = getattr(screen, "citizen_id", None)
    if citizen_id is not None and hasattr(screen, "action_hand_over"):
        yield SystemCommand(
            _("Hand over…"),
            _("Hand this citizen over to another mentor (asks first)"),
            screen.action_hand_over,
        )
    if citizen_id is not None:
        from .citizen import RECORD_KINDS

        for kind, title in RECORD_KINDS.items():
            yield SystemCommand(
                title,
                _("This citizen's {what}").format(what=title.lower()),
                partial(app.open_records, citizen_id, kind),
            )
