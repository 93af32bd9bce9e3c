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

With a ``Kept`` (stylesheet_cache.py, the installed command's start) a source
parsed in an earlier session is read back instead of parsed again.
"""

from __future__ import annotations

from textual.css.model import RuleSet
from textual.css.stylesheet import Stylesheet

from .stylesheet_cache import Kept, variables_digest


class ReparsingStylesheet(Stylesheet):
    """``reparse`` keeps the rules already parsed for the same variables, and
    ``kept`` (when given) those of earlier sessions."""

    def __init__(self, *, variables: dict[str, str] | None = None, kept: Kept | None = None):
        super().__init__(variables=variables)
        self.kept = kept
        self._digested: tuple[dict[str, str], str] | None = None  # (variables, digest)

    def _parse_rules(
        self,
        css: str,
        read_from,
        is_default_rules: bool = False,
        tie_breaker: int = 0,
        scope: str = "",
    ) -> list[RuleSet]:
        """Textual's, but a source not parsed in this session is looked up in
        ``kept`` first, and a new parse without errors is kept there."""
        key = (css, read_from, is_default_rules, tie_breaker, scope)
        if self.kept is None or key in self._parse_cache:
            return super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if self._digested is None or self._digested[0] is not self._variables:
            self._digested = (self._variables, variables_digest(self._variables))
        digest = self.kept.digest(key, self._digested[1])
        rules = self.kept.get(digest)
        if rules is not None:
            self._parse_cache[key] = rules
            return rules
        rules = super()._parse_rules(css, read_from, is_default_rules, tie_breaker, scope)
        if not any(rule.errors for rule in rules):
            self.kept.put(digest, rules)
        return rules

    def reparse(self) -> None:
        # Textual's own reparse, word for word, but for the caches handed on.
        stylesheet = ReparsingStylesheet(variables=self._variables, kept=self.kept)
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
