"""The form for the mentor's name and organisation (first start, and the palette)."""

from __future__ import annotations

from ..domain.identity import MentorIdentity, mentor_identity, save_mentor_identity
from ..i18n import _
from ..schemas import MentorIdentityIn
from ..widgets.fields import FieldSpec
from ..widgets.form import FormScreen


class IdentityForm(FormScreen[MentorIdentity]):
    """Who keeps this database: the name on the mentor's notes, reports and
    handouts. Asked at the first start (escape skips it until the next start);
    the palette's "Your name and organisation" changes it later."""

    TITLE = _("Your name and organisation")
    MODEL = MentorIdentityIn
    FIELDS = [
        FieldSpec(
            "name",
            _("Your name"),
            required=True,
            hint=_("As it stands on your notes, reports and handouts"),
        ),
        FieldSpec(
            "organisation",
            _("Your organisation"),
            hint=_("The provider you work for, as it stands on reports"),
        ),
    ]

    def __init__(self, first_run: bool = False) -> None:
        self.first_run = first_run
        known = mentor_identity()
        super().__init__(
            {"name": known.name, "organisation": known.organisation},
            _("Welcome: who keeps this database?") if first_run else None,
        )

    def keys_line(self) -> str:
        if self.first_run:
            return _(
                "[b]ctrl+s[/b] save · [b]escape[/b] skip for now · [b]tab[/b] next field"
                "\nIt stays on this computer, in your settings. Skipped, it is asked "
                'again at the next start; ctrl+p "Your name and organisation" '
                "changes it any time."
            )
        return super().keys_line()

    def submit(self, data: MentorIdentityIn) -> MentorIdentity:
        return save_mentor_identity(data.name, data.organisation)
