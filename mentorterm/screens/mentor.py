"""Who the mentor is: asked at the first start, named on the database, edited from the palette."""

from __future__ import annotations

from ..i18n import _
from ..widgets.markup import escape


class MentorIdentityFlow:
    """The app's questions about the mentor's name (mixed into MentortermApp)."""

    def identity_at_start(self) -> None:
        """The first start asks the mentor's name; a known one names the database's mentor."""
        if self.demo:  # fictional people: neither asked about nor named after the mentor
            return
        from ..domain import session

        if session.my_mentor_on_a_team() is not None:
            return  # the team database knows who logged in (team add-mentor named them)
        from ..domain.identity import mentor_identity, name_default_mentor

        known = mentor_identity()
        if known.known:
            try:
                name_default_mentor(known.name)
            except Exception as error:  # a read-only or busy file must not stop the start
                from ..domain.errors import user_message

                if user_message(error) is None:
                    raise
            return
        if not self.ask_identity:
            return
        self.ask_identity = False  # not again this session

        def answered(identity) -> None:
            if identity is None:
                self.notify(
                    _(
                        'You will be asked again at the next start; ctrl+p "Your name '
                        'and organisation" tells it any time.'
                    ),
                    timeout=10,
                )
                return
            self.notify(
                _("Thank you, {name}: your name now stands on your notes and reports.").format(
                    name=escape(identity.name)
                )
            )

        from .identity import IdentityForm

        self.push_screen(IdentityForm(first_run=True), answered)

    def edit_identity(self) -> None:
        """The palette's "Your name and organisation"."""
        from .identity import IdentityForm

        def answered(identity) -> None:
            if identity is not None:
                self.notify(
                    _("Saved: {name}{organisation}.").format(
                        name=escape(identity.name),
                        organisation=f", {escape(identity.organisation)}"
                        if identity.organisation
                        else "",
                    )
                )

        self.push_screen(IdentityForm(), answered)
