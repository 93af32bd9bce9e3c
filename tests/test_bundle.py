"""The sealed bundle a laptop without network carries its changes in (storage/bundle.py)."""

from __future__ import annotations

import stat

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mentorterm.storage import bundle
from mentorterm.storage.bundle import BundleError

CHEAP = 10  # scrypt's smallest cost the reader takes: the tests seal many


@settings(max_examples=30, deadline=None)
@given(payload=st.binary(max_size=2000), secret=st.text(min_size=1, max_size=40))
def test_what_is_sealed_opens_with_the_same_secret_and_never_shows_in_the_file(payload, secret):
    blob = bundle.seal(payload, secret, cost=CHEAP)
    assert bundle.unseal(blob, secret) == payload
    if len(payload) >= 8:  # the body after the header is ciphertext, not the text
        assert payload not in blob[len(bundle.MAGIC) :]


def test_the_same_payload_sealed_twice_gives_two_different_files():
    first = bundle.seal(b"Logbook: present 6 hours", "Kaffe og kage", cost=CHEAP)
    second = bundle.seal(b"Logbook: present 6 hours", "Kaffe og kage", cost=CHEAP)
    assert first != second


def test_a_wrong_secret_is_refused_in_words():
    blob = bundle.seal(b"the note", "right password", cost=CHEAP)
    with pytest.raises(BundleError, match="password is not the one it was locked with"):
        bundle.unseal(blob, "wrong password")


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_any_changed_byte_or_cut_off_end_is_refused_whole(data):
    blob = bytearray(bundle.seal(b"Meeting note: agreed two more weeks", "pw", cost=CHEAP))
    if data.draw(st.booleans(), label="cut instead of flip"):
        damaged = bytes(blob[: data.draw(st.integers(0, len(blob) - 1), label="keep")])
    else:
        at = data.draw(st.integers(0, len(blob) - 1), label="at")
        blob[at] ^= data.draw(st.integers(1, 255), label="xor")
        damaged = bytes(blob)
    with pytest.raises(BundleError) as refused:
        bundle.unseal(damaged, "pw")
    assert "Nothing was changed" in str(refused.value)


def test_a_file_that_is_no_bundle_and_one_from_a_newer_version_say_so():
    with pytest.raises(BundleError, match="not a mentorterm bundle"):
        bundle.unseal(b"SQLite format 3\x00" + bytes(100), "pw")
    blob = bytearray(bundle.seal(b"x", "pw", cost=CHEAP))
    blob[len(bundle.MAGIC)] = bundle.FORMAT + 1
    with pytest.raises(BundleError, match="newer mentorterm"):
        bundle.unseal(bytes(blob), "pw")


def test_a_header_asking_for_an_enormous_cost_is_damaged_not_obeyed():
    blob = bytearray(bundle.seal(b"x", "pw", cost=CHEAP))
    blob[len(bundle.MAGIC) + 1] = 40  # 2**40: a terabyte of memory
    with pytest.raises(BundleError, match="changed or damaged"):
        bundle.unseal(bytes(blob), "pw")


def test_an_empty_secret_locks_nothing():
    with pytest.raises(BundleError, match="needs a password"):
        bundle.seal(b"x", "")


def test_the_file_is_the_owners_alone_and_an_existing_one_is_never_replaced(tmp_path):
    target = tmp_path / "anna-laptop.bundle"
    bundle.write_bundle(target, b"changes", "pw", cost=CHEAP)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert bundle.read_bundle(target, "pw") == b"changes"
    before = target.read_bytes()
    with pytest.raises(BundleError, match="exists already"):
        bundle.write_bundle(target, b"other changes", "pw", cost=CHEAP)
    assert target.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anna-laptop.bundle"]


def test_a_missing_file_and_a_folder_where_the_bundle_should_be_are_said(tmp_path):
    with pytest.raises(BundleError, match="There is no file"):
        bundle.read_bundle(tmp_path / "missing.bundle", "pw")
    with pytest.raises(BundleError, match="could not be read"):
        bundle.read_bundle(tmp_path, "pw")
    with pytest.raises(BundleError, match="could not be written"):
        bundle.write_bundle(tmp_path / "no-such-folder" / "x.bundle", b"x", "pw", cost=CHEAP)
