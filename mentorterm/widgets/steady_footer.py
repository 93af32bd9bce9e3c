"""A Footer that is built again only when what it shows changes.

Textual's ``Footer`` removes and mounts all its keys whenever the focused
widget changes (its ``bindings_changed``), which on the caseload is every
``/`` and every escape from the filter: about twenty widgets styled and laid
out again, 20-40 ms, while the keys it shows are the same before and after.
``SteadyFooter`` builds them again only when the keys, their labels, their
enabled state or their tooltips differ from what it shows; otherwise it is
Textual's Footer unchanged (the same compose, look and clicks).
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class SteadyFooter(Footer):
    """``Footer``, recomposed only when its keys would come out different."""

    _shown: tuple | None = None

    def _what_it_shows(self) -> tuple:
        """Everything ``Footer.compose`` reads, as one comparable value."""
        app = self.app
        active = self.screen.active_bindings

        def shown(binding, enabled, tooltip) -> tuple:
            key = app.get_key_display(binding)
            return (
                binding.key,
                key,
                binding.description,
                binding.action,
                binding.group,
                binding.tooltip,
                enabled,
                tooltip,
            )

        keys = tuple(shown(*entry[1:]) for entry in active.values() if entry[1].show)
        palette = active.get(app.COMMAND_PALETTE_BINDING)
        return (
            keys,
            shown(*palette[1:]) if palette is not None else None,
            self.show_command_palette,
            app.ENABLE_COMMAND_PALETTE,
        )

    def bindings_changed(self, screen: Screen) -> None:
        if self.is_attached and screen is self.screen and screen.app.app_focus:
            shown = self._what_it_shows()
            if shown == self._shown and self._bindings_ready:
                return  # the same keys: nothing to build again
            self._shown = shown
        super().bindings_changed(screen)
