"""Names and notes shown inside Textual markup read exactly as typed."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st
from textual.markup import to_content

from mentorterm.widgets.markup import escape


def shown(text: str) -> str:
    return to_content(f"[b]{escape(text)}[/b] · end").plain


def test_brackets_and_tags_stay_as_typed():
    for text in ("Føtex [Vest]", "[b]Ali[/b]", "[2JAli", "a\\", "C:\\[x]", "[link=x]y[/link]"):
        assert shown(text).replace("\u200b", "") == f"{text} · end"


@given(st.text(alphabet=st.sampled_from("ab [/]\\=#@$:.æø"), max_size=30))
def test_any_text_reads_as_typed(text):
    assert shown(text).replace("\u200b", "") == f"{text} · end"
