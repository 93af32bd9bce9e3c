"""Moving between screens: home, a citizen, their records, the review, agenda and agreements.

A mixin of the app (MentortermApp): every screen reaches these through ``self.app``.
"""

from __future__ import annotations

from textual.screen import Screen

from ..i18n import N_, _


class Navigation:
    """The app's ways from one screen to another (mixed into MentortermApp)."""

    def action_review(self) -> None:
        from .review import ReviewScreen

        if isinstance(self.screen, ReviewScreen):
            return
        self.go_home()
        self.push_screen(ReviewScreen())

    def show_agenda(self) -> None:
        from .agenda import AgendaScreen

        self.go_home()
        self.push_screen(AgendaScreen())

    def show_agreements(self) -> None:
        from .action_items import ActionItemsScreen

        self.go_home()
        self.push_screen(ActionItemsScreen())

    def action_figures(self) -> None:
        """The year's figures, on top of the caseload."""
        from .figures import FiguresScreen

        if self.sealed or isinstance(self.screen, FiguresScreen):
            return
        self.go_home()
        self.push_screen(FiguresScreen())

    def action_workplaces(self) -> None:
        """The workplace register, on top of the caseload."""
        from .workplaces import WorkplacesScreen

        if self.sealed or isinstance(self.screen, WorkplacesScreen):
            return
        self.go_home()
        self.push_screen(WorkplacesScreen())

    def action_sessions(self) -> None:
        """The group sessions (holdundervisning), on top of the caseload."""
        from .sessions import SessionsScreen

        if self.sealed or isinstance(self.screen, SessionsScreen):
            return
        self.go_home()
        self.push_screen(SessionsScreen())

    def action_sync(self) -> None:
        """Y: on a laptop, sync with the team database; on the team database,
        the conflicts syncs met; on a mentor's own database, how to begin."""
        from ..domain.sync.status import laptop_status, role

        if self.sealed:
            return
        where = role()
        if where == "team":
            from .sync_conflicts import SyncConflictsScreen

            if isinstance(self.screen, SyncConflictsScreen):
                return
            self.go_home()
            self.push_screen(SyncConflictsScreen())
            return
        status = laptop_status() if where == "laptop" else None
        if status is None or self.target is None:
            self.notify(
                _(
                    "This database holds no citizens from a team database. To take yours "
                    "offline onto this laptop: mentorterm sync out --team "
                    "postgresql://LOGIN@HOST/DATABASE"
                ),
                timeout=12,
            )
            return
        from .sync_dialog import SyncDialog

        def done(synced: bool | None) -> None:
            if synced and hasattr(self.screen, "load"):
                self.screen.load()  # the caseload, with what the sync brought

        self.go_home()
        self.push_screen(SyncDialog(status, self.target), done)

    def show_team_overview(self) -> None:
        from .team_overview import TeamOverviewScreen

        self.go_home()
        self.push_screen(TeamOverviewScreen())

    def go_home(self) -> None:
        if self.sealed:  # the lock is not popped by anything but the passphrase
            return
        while len(self.screen_stack) > 2:
            self.pop_screen()

    def open_citizen(self, citizen_id: int, keep_place: bool = False) -> None:
        """Open a citizen from the caseload; with ``keep_place`` on top of the
        current screen, so escape returns there (the agenda, the agreements)."""
        from .citizen import CitizenScreen

        if not keep_place:
            self.go_home()
        self.push_screen(CitizenScreen(citizen_id))

    def open_records(self, citizen_id: int, kind: str) -> None:
        from ..domain.citizens import get_citizen
        from .citizen import RecordsScreen

        if self.sealed:  # the database is closed behind the lock
            return
        name = get_citizen(citizen_id).name
        if kind == "sub_goals":
            from .subgoals import SubGoalsScreen

            self.push_screen(SubGoalsScreen(citizen_id, name))
            return
        if kind == "placements":
            from .placements import PlacementsScreen

            self.push_screen(PlacementsScreen(citizen_id, name))
            return
        if kind == "meetings":
            from .meetings import MeetingsScreen

            self.push_screen(MeetingsScreen(citizen_id, name))
            return
        if kind == "logbook":
            from ..domain.placements import logbook_placement
            from .logbook import LogbookScreen

            # The placement running today, else the latest; others via `p`.
            chosen = logbook_placement(citizen_id, self.today)
            if chosen is None:
                self.notify(_("No placement yet, so no logbook: press p to add a placement."))
                return
            self.push_screen(LogbookScreen(chosen.id, f"{name} · {chosen.workplace}"))
            return
        if kind == "job_search":
            from .jobsearch import JobSearchScreen

            self.push_screen(JobSearchScreen(citizen_id, name))
            return
        if kind == "courses":
            from .courses import CourseHistoryScreen

            self.push_screen(CourseHistoryScreen(citizen_id, name))
            return
        self.push_screen(RecordsScreen(citizen_id, name, kind))

    def restore_note(self, draft) -> None:
        """Open a kept note draft where it was written: the citizen's meetings."""
        from ..domain.citizens import get_citizen
        from ..enums import MeetingKind
        from .meetings import MeetingsScreen, NoteForm

        if self.sealed:
            return
        values = draft.values
        if draft.citizen_id is None or not isinstance(values.get("fields"), dict):
            self.notify(_("This draft cannot be opened; it was left as it is."), severity="warning")
            return
        from ..domain.audit import viewed

        viewed([draft.citizen_id], "draft", N_("restored a draft"))  # its text shows again
        name = get_citizen(draft.citizen_id).name
        meetings = MeetingsScreen(draft.citizen_id, name)
        self.push_screen(meetings)
        self.push_screen(
            NoteForm(
                draft.citizen_id,
                name,
                self.today,
                meeting_id=values.get("meeting_id"),
                kind=MeetingKind(values.get("kind") or MeetingKind.THREE_PARTY),
                initial=values["fields"],
                restored=True,
            ),
            lambda saved: saved and meetings.load(select_id=saved),
        )

    def new_citizen(self) -> None:
        """Create a citizen, then start their course, then open them."""
        from .citizen_forms import CitizenForm, CourseForm

        def created(citizen_id: int | None) -> None:
            if citizen_id is None:
                return
            from ..domain.citizens import get_citizen

            name = get_citizen(citizen_id).name
            self.open_citizen(citizen_id)
            self.push_screen(
                CourseForm(citizen_id, name, again=False, today=self.today), lambda _result: None
            )

        self.push_screen(CitizenForm(), created)

    def show_help(self, screen: Screen, title: str) -> None:
        from .help import HelpScreen

        self.push_screen(HelpScreen(screen, title))
