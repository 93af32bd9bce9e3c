"""i18n.language() follows the language asked for, with or without a catalogue."""

from __future__ import annotations

import pytest

from mentorterm import i18n


@pytest.fixture(autouse=True)
def _english_after():
    yield
    i18n.use("en")


def test_use_danish_is_remembered_without_a_catalogue():
    i18n.use("da")
    assert i18n.language() == "da"
    i18n.use("en")
    assert i18n.language() == "en"


def test_a_locale_name_counts_by_its_language():
    i18n.use("da_DK.UTF-8")
    assert i18n.language() == "da"


def test_an_unknown_language_is_english():
    i18n.use("fr")
    assert i18n.language() == "en"


def test_speaking_switches_for_the_block_only():
    i18n.use("en")
    with i18n.speaking("da"):
        assert i18n.language() == "da"
    assert i18n.language() == "en"
    i18n.use("da")
    with i18n.speaking("en"):
        assert i18n.language() == "en"
    assert i18n.language() == "da"


def test_speaking_in_a_worker_thread_leaves_the_other_threads_alone():
    import threading

    i18n.use("en")
    inside = threading.Event()
    done = threading.Event()
    seen = []

    def worker():
        with i18n.speaking("da"):
            seen.append(i18n.language())
            inside.set()
            done.wait(5)

    thread = threading.Thread(target=worker)
    thread.start()
    inside.wait(5)
    assert i18n.language() == "en"  # the main thread (the screens) keeps its language
    done.set()
    thread.join()
    assert seen == ["da"]
