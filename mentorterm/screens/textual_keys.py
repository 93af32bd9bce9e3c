"""Textual's keys panel (the palette's "Keys") in the mentor's words.

Textual 8.2.8's KeyPanel lists the focused widget's bindings with the
descriptions Textual wrote for them ("Cursor up", "Focus Next", "Select
all" …) and titles a group "Input". ``KeysPanel`` is the same panel with
those words through ``_()``; mentorterm's own keys are translated where
they are declared, and a description its help line repeats is shown once
("Sick Sick (…)" reads as "Sick (…)").
"""

from __future__ import annotations

from collections import defaultdict
from itertools import groupby
from operator import itemgetter

from rich import box
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import HelpPanel, KeyPanel, Markdown
from textual.widgets._key_panel import BindingsTable

from ..i18n import N_, _

#: Every description and group title of Textual's own bindings on the
#: widgets mentorterm uses (App, Screen, DataTable, Input, TextArea, Select,
#: OptionList, Checkbox, Button, the scrolling containers).
TEXTUAL_WORDS = frozenset(
    {
        N_("Bottom"),
        N_("Copy"),
        N_("Copy selected text"),
        N_("Cursor down"),
        N_("Cursor down select"),
        N_("Cursor left"),
        N_("Cursor left select"),
        N_("Cursor left word select"),
        N_("Cursor line end"),
        N_("Cursor line end select"),
        N_("Cursor line start"),
        N_("Cursor line start select"),
        N_("Cursor page down"),
        N_("Cursor page up"),
        N_("Cursor right"),
        N_("Cursor right select"),
        N_("Cursor right word select"),
        N_("Cursor up"),
        N_("Cursor up select"),
        N_("Cursor word left"),
        N_("Cursor word right"),
        N_("Cut"),
        N_("Cut selected text"),
        N_("Delete all to the left"),
        N_("Delete all to the right"),
        N_("Delete character left"),
        N_("Delete character right"),
        N_("Delete left to start of word"),
        N_("Delete line"),
        N_("Delete right to start of word"),
        N_("Delete to line end"),
        N_("Delete to line start"),
        N_("Dismiss menu"),
        N_("Down"),
        N_("End"),
        N_("First"),
        N_("Focus Next"),
        N_("Focus Previous"),
        N_("Go to end"),
        N_("Go to start"),
        N_("Home"),
        N_("Input"),
        N_("Last"),
        N_("Move cursor left"),
        N_("Move cursor left a word"),
        N_("Move cursor left a word and select"),
        N_("Move cursor left and select"),
        N_("Move cursor right a word"),
        N_("Move cursor right a word and select"),
        N_("Move cursor right and select"),
        N_("Move cursor right or accept the completion suggestion"),
        N_("Page Down"),
        N_("Page Left"),
        N_("Page Right"),
        N_("Page Up"),
        N_("Page down"),
        N_("Page up"),
        N_("Paste"),
        N_("Paste text from the clipboard"),
        N_("Press button"),
        N_("Redo"),
        N_("Scroll Down"),
        N_("Scroll End"),
        N_("Scroll Home"),
        N_("Scroll Left"),
        N_("Scroll Right"),
        N_("Scroll Up"),
        N_("Select"),
        N_("Select all"),
        N_("Select line"),
        N_("Select line end"),
        N_("Select line start"),
        N_("Show menu"),
        N_("Submit"),
        N_("Toggle"),
        N_("Top"),
        N_("Undo"),
        N_("Up"),
    }
)


def textual_word(text: str) -> str:
    """Textual's own word in the mentor's language; any other text as it is."""
    return _(text) if text in TEXTUAL_WORDS else text


def description(binding: Binding, style) -> Text:
    """What the panel says for a key: its description and, dimmed, its help
    line, or only the help line when that starts with the description."""
    label = textual_word(binding.description)
    tooltip = textual_word(binding.tooltip or "")
    if tooltip and label and tooltip.startswith(label):
        label = ""
    text = Text.from_markup(label, end="", style=style)
    if tooltip:
        if label:
            text.append(" ")
        text.append(tooltip, "dim")
    return text


class KeysTable(BindingsTable):
    """Textual's BindingsTable.render_bindings_table, its words translated."""

    def render_bindings_table(self) -> Table:
        bindings = self.screen.active_bindings.values()
        key_style = self.get_component_rich_style("bindings-table--key")
        divider_transparent = self.get_component_styles("bindings-table--divider").color.a == 0
        table = Table(
            padding=(0, 0),
            show_header=False,
            box=box.SIMPLE if divider_transparent else box.HORIZONTALS,
            border_style=self.get_component_rich_style("bindings-table--divider"),
        )
        table.add_column("", justify="right")
        header_style = self.get_component_rich_style("bindings-table--header")
        description_style = self.get_component_rich_style("bindings-table--description")
        get_key_display = self.app.get_key_display
        previous_namespace: object = None
        for namespace, group in groupby(bindings, key=itemgetter(0)):
            table_bindings = list(group)
            if not table_bindings:
                continue
            if namespace.BINDING_GROUP_TITLE:
                title = Text(textual_word(namespace.BINDING_GROUP_TITLE), end="")
                title.stylize(header_style)
                table.add_row("", title)
            by_action: defaultdict[str, list[Binding]] = defaultdict(list)
            for _node, binding, _enabled, _tooltip in table_bindings:
                if not binding.system:
                    by_action[binding.action].append(binding)
            for same in by_action.values():
                keys_display = " ".join(dict.fromkeys(get_key_display(b) for b in same))
                table.add_row(
                    Text(keys_display, style=key_style), description(same[0], description_style)
                )
            if namespace != previous_namespace:
                table.add_section()
            previous_namespace = namespace
        return table


class TranslatedKeyPanel(KeyPanel, can_focus=False):
    def compose(self) -> ComposeResult:
        yield KeysTable(shrink=True, expand=False)


class KeysPanel(HelpPanel):
    """The palette's "Keys" panel with its keys in the mentor's words."""

    def compose(self) -> ComposeResult:
        yield Markdown(id="widget-help")
        yield TranslatedKeyPanel(id="keys-help")
