"""The translation catalogue: current, complete, consistent, compiled, in the field's words.

The template (``locale/mentorterm.pot``) is extracted afresh and compared
with the committed one; every message must be translated in ``da.po``
(both plural forms, nothing fuzzy, the same placeholders, Babel's checks
clean); the committed ``.mo`` must say what a fresh compile says; the
glossary's key terms must be rendered with their Danish words.
"""

from __future__ import annotations

import ast
import gettext
import io
import re
import tomllib

import pytest
from babel.messages.mofile import write_mo

from mentorterm import catalogue, i18n

GLOSSARY = catalogue.LOCALE / "glossary.toml"
# {name}, {0}, {count:,} (not {{ }}) and %s, %(x)s, %d: what .format and % fill in.
BRACE = re.compile(r"(?<!\{)\{[^{}]*\}(?!\})")
PERCENT = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]")


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


@pytest.fixture(scope="module")
def template():
    return catalogue.read(catalogue.POT)


@pytest.fixture(scope="module")
def danish():
    return catalogue.read(catalogue.po_path("da"))


def test_the_committed_template_is_what_extraction_finds_today(template):
    fresh = {m.id for m in catalogue.extract() if m.id}
    committed = {m.id for m in template if m.id}
    assert sorted(map(str, fresh - committed)) == [], "run: python -m mentorterm.catalogue all"
    assert sorted(map(str, committed - fresh)) == [], "run: python -m mentorterm.catalogue all"


def test_every_message_is_translated_in_danish_and_none_is_fuzzy(template, danish):
    missing = [str(m.id) for m in template if m.id and m.id not in danish]
    assert missing == []
    unready = [
        str(m.id)
        for m in template
        if m.id and (danish[m.id].fuzzy or not all(_strings(danish[m.id])))
    ]
    assert unready == [], f"{len(unready)} untranslated or fuzzy"


def test_danish_has_two_plural_forms_and_fills_both(danish):
    assert danish.plural_forms == "nplurals=2; plural=(n != 1);"
    plurals = [m for m in danish if m.id and m.pluralizable]
    assert plurals, "ngettext messages are in the catalogue"
    for message in plurals:
        assert len(_strings(message)) == 2 and all(_strings(message)), message.id


def _fields(text: str) -> tuple[list[str], list[str]]:
    return sorted(BRACE.findall(text)), sorted(PERCENT.findall(text))


def test_every_translation_keeps_the_placeholders_of_its_message(danish):
    wrong = []
    for message in danish:
        if not message.id:
            continue
        ids = _ids(message)
        for text in _strings(message):
            if text and _fields(text) not in (_fields(ids[0]), _fields(ids[-1])):
                wrong.append((ids[0], text))
    assert wrong == []


def test_babels_own_checks_find_nothing(danish):
    problems = [
        (str(m.id), str(error)) for m in danish if m.id for error in m.check(catalog=danish)
    ]
    assert problems == []
    assert catalogue.problems(danish) == []


def _yielded(mo_bytes: bytes) -> dict:
    translations = gettext.GNUTranslations(io.BytesIO(mo_bytes))
    return {key: value for key, value in translations._catalog.items() if key != ""}


def test_the_committed_mo_says_what_a_fresh_compile_of_the_po_says(danish):
    fresh = io.BytesIO()
    write_mo(fresh, danish, use_fuzzy=False)
    committed = catalogue.mo_path("da").read_bytes()
    assert _yielded(committed) == _yielded(fresh.getvalue())


def test_the_app_speaks_danish_from_the_catalogue_and_english_without_it():
    i18n.use("da")
    assert i18n.language() == "da"
    assert i18n._("Caseload") != "Caseload"
    one = i18n.ngettext("{path}: {count} problem found.", "{path}: {count} problems found.", 1)
    many = i18n.ngettext("{path}: {count} problem found.", "{path}: {count} problems found.", 2)
    assert one != many and "{count}" in one and "{count}" in many
    assert one != "{path}: {count} problem found."
    i18n.use("en")
    assert i18n.language() == "en"
    assert i18n._("Caseload") == "Caseload"
    assert i18n.ngettext("{count} problem", "{count} problems", 1) == "{count} problem"


# What extraction cannot see: a message made at run time. A variable is fine
# (its value is marked with N_() where it is written); a string built inside
# the call (an f-string, + or .format before translating) is not.
_BUILT = (ast.JoinedStr, ast.BinOp)


def _marker_calls():
    for path in sorted(catalogue.PACKAGE.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in catalogue.KEYWORDS
            ):
                yield path.relative_to(catalogue.ROOT), node


def test_no_message_is_built_before_it_is_translated():
    built = []
    for path, call in _marker_calls():
        texts = {"ngettext": call.args[:2], "pgettext": call.args[:2]}.get(
            call.func.id, call.args[:1]
        )
        for arg in texts:
            is_literal = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            made = isinstance(arg, _BUILT) or (
                isinstance(arg, ast.Call)
                and isinstance(arg.func, ast.Attribute)
                and isinstance(arg.func.value, ast.Constant)
            )
            # A table written inside the call: Babel would take its first key
            # ("passive_period") for the message. Name the table, then _(table[key]).
            made = made or any(
                isinstance(node, (ast.Dict, ast.List, ast.Tuple, ast.Set)) for node in ast.walk(arg)
            )
            if made or (call.func.id != "_" and not is_literal):
                built.append(f"{path}:{call.lineno}")
    assert built == []


def test_every_field_of_the_interchange_document_has_a_marked_label():
    from pydantic import BaseModel

    from mentorterm.domain.access.fields import FIELD_LABELS
    from mentorterm.domain.access.values import _LINKS, field_label
    from mentorterm.interchange import InterchangeDocument

    names: set[str] = set()
    seen: set[type] = set()

    def walk(model: type[BaseModel]) -> None:
        seen.add(model)
        for name, field in model.model_fields.items():
            names.add(name)
            stack = [field.annotation]
            while stack:
                kind = stack.pop()
                stack += list(getattr(kind, "__args__", ()))
                if isinstance(kind, type) and issubclass(kind, BaseModel) and kind not in seen:
                    walk(kind)

    walk(InterchangeDocument)
    special = {"created_at", "updated_at", "job_wish_1", "job_wish_2", "job_wish_3", "iso_week"}
    assert sorted(names - _LINKS - special - set(FIELD_LABELS)) == []
    i18n.use("da")
    assert field_label("caseworker_name") == i18n._("Caseworker name") != "Caseworker name"


def _glossary() -> list[dict]:
    return tomllib.loads(GLOSSARY.read_text(encoding="utf-8"))["term"]


def test_the_glossary_gives_each_term_once_with_its_danish():
    terms = _glossary()
    english = [t["en"] for t in terms]
    assert len(english) == len(set(english))
    assert all(t["da"].strip() for t in terms)
    checked = {t["en"] for t in terms if "match" in t}
    assert {"citizen", "sub-goal", "logbook", "caseload"} <= checked


# What a message holds that is not prose: placeholders, options, markup,
# JSON paths, file names. A term inside these is not translated.
_NOT_PROSE = re.compile(
    r"\w+\[\{[^{}]*\}\]|\{[^{}]*\}|--[a-z-]+|\[[^\]]*\]|'mentorterm [^']*'|\S+\.(?:db|toml|json)\b"
)


@pytest.mark.parametrize("term", [t for t in _glossary() if "match" in t], ids=lambda t: t["en"])
def test_a_key_term_is_rendered_with_its_danish_word(term, danish):
    english = re.compile(term.get("source") or r"\b" + re.escape(term["en"]), re.IGNORECASE)
    danish_word = re.compile(term["match"], re.IGNORECASE)
    allowed = set(term.get("except", []))
    seen, wrong = 0, []
    for message in danish:
        if not message.id or message.id in allowed:
            continue
        ids = _ids(message)
        for source, text in zip(ids * 2 if len(ids) == 1 else ids, _strings(message), strict=False):
            if text and english.search(_NOT_PROSE.sub(" ", source)):
                seen += 1
                if not danish_word.search(text):
                    wrong.append((source, text))
    assert wrong == []
    assert seen > 0, "a checked term the messages never use proves nothing: drop its match"


def test_a_purpose_stored_with_a_value_in_it_reads_in_danish_with_the_value():
    from mentorterm.domain.audit import purpose_label

    assert purpose_label("progression report (pdf)") == "progression report (pdf)"
    i18n.use("da")
    assert purpose_label("progression report (pdf)") == "statusrapport (pdf)"
    assert purpose_label("import of 12 citizen(s)") == "import af 12 borger(e)"
    assert purpose_label("course ended") == i18n._("course ended") != "course ended"
    assert purpose_label("something an older version wrote") == "something an older version wrote"
    assert purpose_label("") == ""


def _calls_in_fstrings(source: str) -> list[int]:
    """Lines where _(), N_(), ngettext() or pgettext() is called inside an f-string."""
    names = {"_", "N_", "ngettext", "pgettext"}
    lines = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.JoinedStr):
            for inner in ast.walk(node):
                if (
                    isinstance(inner, ast.Call)
                    and isinstance(inner.func, ast.Name)
                    and inner.func.id in names
                ):
                    lines.append(inner.lineno)
    return lines


def test_no_translated_text_inside_an_f_string():
    """Babel (Python 3.11) does not look inside f-strings, so a _() there never
    reaches the catalogue and stays English ("progression-Ali-H-….pdf")."""
    assert _calls_in_fstrings("x = f\"{_('due')} {day}\"") == [1]
    assert _calls_in_fstrings('due = _("due {day}")\nx = f"[b]{due}[/]"') == []
    from pathlib import Path

    package = Path(catalogue.__file__).parent
    found = {
        str(path.relative_to(package)): lines
        for path in sorted(package.rglob("*.py"))
        if (lines := _calls_in_fstrings(path.read_text(encoding="utf-8")))
    }
    assert found == {}
