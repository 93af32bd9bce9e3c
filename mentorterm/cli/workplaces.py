"""``mentorterm workplaces link [--dry-run]``: the typed workplace names of the
placements matched to the register (praktiksteder), all or nothing."""

from __future__ import annotations

import argparse
import sys

from ..i18n import _, ngettext
from ..terminal import terminal_safe
from .common import EXIT_OK
from .passphrase import _open


def _report(plan, dry_run: bool) -> str:
    lines = []
    for name, ids in plan.links.items():
        new = name in plan.new
        count = len(ids)
        if dry_run:
            line = (
                ngettext(
                    "would create “{name}” and link {count} placement",
                    "would create “{name}” and link {count} placements",
                    count,
                )
                if new
                else ngettext(
                    "would link {count} placement to “{name}”",
                    "would link {count} placements to “{name}”",
                    count,
                )
            )
        else:
            line = (
                ngettext(
                    "created “{name}” and linked {count} placement",
                    "created “{name}” and linked {count} placements",
                    count,
                )
                if new
                else ngettext(
                    "linked {count} placement to “{name}”",
                    "linked {count} placements to “{name}”",
                    count,
                )
            )
        lines.append("  " + line.format(name=name, count=count))
    if not plan.links:
        lines.append(_("Every placement with a workplace name is linked to the register already."))
    else:
        summary = ngettext("{count} new workplace", "{count} new workplaces", len(plan.new)).format(
            count=len(plan.new)
        )
        placements = ngettext("{count} placement", "{count} placements", plan.placements).format(
            count=plan.placements
        )
        lines.append(
            (_("Dry run, nothing written: {new}, {placements}.") if dry_run else _("Done: {new}, {placements}."))
            .format(new=summary, placements=placements)
        )  # fmt: skip
    if plan.skipped:
        lines.append(
            ngettext(
                "{count} placement of a colleague's citizen is left for them to link.",
                "{count} placements of colleagues' citizens are left for them to link.",
                plan.skipped,
            ).format(count=plan.skipped)
        )
    return "\n".join(lines) + "\n"


def cmd_workplaces(args: argparse.Namespace) -> int:
    from ..domain.workplace_links import link_typed_names, plan_links

    _open(args, create=False)
    plan = plan_links() if args.dry_run else link_typed_names()
    sys.stdout.write(terminal_safe(_report(plan, args.dry_run)))
    return EXIT_OK


def add_workplaces_command(add) -> None:
    """The ``workplaces`` subcommand (called by ``parser.build_parser``)."""
    workplaces = add(
        "workplaces",
        _(
            "the workplace register: link the placements' typed workplace names to it, "
            "making an entry for each name it lacks"
        ),
    )
    workplaces.add_argument("action", choices=("link",), help=_("link: match the typed names"))
    workplaces.add_argument(
        "--dry-run", action="store_true", help=_("list what would be linked, write nothing")
    )
