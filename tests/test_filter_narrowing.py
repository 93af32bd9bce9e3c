"""The caseload filter narrows per keystroke (screens/caseload_columns.Narrowing):
whatever is typed, deleted or pasted, its matches are a plain search's."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from mentorterm.screens.caseload_columns import Narrowing

texts = st.lists(st.text(alphabet="abhnsenø ", max_size=12), max_size=40)
needles = st.lists(st.text(alphabet="abhnsenø", max_size=6), min_size=1, max_size=12)


@given(texts, needles, st.data())
def test_the_matches_are_a_plain_searchs_after_any_edits(searched, typed, data):
    narrowing = Narrowing()
    order = ("name", False, 1)
    for needle in typed:
        if data.draw(st.booleans()):
            order = ("name", False, data.draw(st.integers(1, 2)))  # a reload or a sort
        expected = [i for i, text in enumerate(searched) if needle in text]
        assert narrowing.matching(order, searched, needle) == expected


def test_typing_on_looks_only_among_the_last_matches():
    searched = ["hansen", "hanne", "bo", "johansen"]
    narrowing = Narrowing()
    assert narrowing.matching(1, searched, "han") == [0, 1, 3]
    searched[2] = "han"  # not looked at again: "hans" narrows "han"'s matches
    assert narrowing.matching(1, searched, "hans") == [0, 3]
    narrowing.forget()
    assert narrowing.matching(1, searched, "han") == [0, 1, 2, 3]
