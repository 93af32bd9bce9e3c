"""The app's stylesheet: Textual's, but a screen's first push does not parse it all again.

Textual 8.2.8 loads a screen's own ``.tcss`` on its first push and then calls
``Stylesheet.reparse``, which builds a fresh stylesheet with an empty parse
cache: every source (the app's stylesheet, every widget's ``DEFAULT_CSS`` seen
so far) is parsed again, 14 ms when the caseload opens and more for each
later screen (bench/README.md, 2026-12-07). The cache Textual keeps per
stylesheet is keyed by the CSS text, where it came from and its scope, and
``set_variables`` (a new theme) empties it, so for the same variables its
rules are the ones a new parse would give; here the fresh stylesheet starts
with this one's cache, and only the new source is parsed.
"""

from __future__ import annotations

from textual.css.stylesheet import Stylesheet


class ReparsingStylesheet(Stylesheet):
    """``reparse`` keeps the rules already parsed for the same variables."""

    def reparse(self) -> None:
        # Textual's own reparse, word for word, but for the two caches handed on.
        stylesheet = Stylesheet(variables=self._variables)
        stylesheet._parse_cache = self._parse_cache
        stylesheet._style_parse_cache = self._style_parse_cache
        for read_from, (css, is_defaults, tie_breaker, scope) in self.source.items():
            stylesheet.add_source(
                css,
                read_from=read_from,
                is_default_css=is_defaults,
                tie_breaker=tie_breaker,
                scope=scope,
            )
        try:
            stylesheet.parse()
        except Exception:
            self._invalid_css.update(stylesheet._invalid_css)
            raise
        else:
            self._rules = stylesheet.rules
            self._rules_map = None
            self.source = stylesheet.source
            self._require_parse = False
