"""The layout in Danish: the snapshot screens of tests/test_snapshots.py at 80x24
and 120x36, and at 80x24 what tests/test_narrow.py asserts (the footer's
essential keys, the caseload's essential columns).

The screens are taken in a Danish child process (tests/danish_layout_worker.py:
class-level labels are translated at import). The snapshots are SVG files in
tests/snapshots_da/ (out of syrupy's __snapshots__, which
it would prune as unused); they compare by what they show (the
text line by line, then each stretch of text and background with its style,
tests/svg_screen.py), not by the SVG's run-to-run ids. After an intended
change, rewrite them with

    pytest tests/test_danish_layout.py --snapshot-update

(or MENTORTERM_SNAPSHOT_UPDATE=1) and look at the pictures before committing.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from mentorterm import i18n
from tests.danish_layout_worker import JOURNEYS, names
from tests.svg_screen import read

WORKER = Path(__file__).with_name("danish_layout_worker.py")
STORED = Path(__file__).parent / "snapshots_da"
ESSENTIAL = ["name", "week", "since", "next", "attendance", "items"]
DANISH = dict(os.environ, MENTORTERM_LANG="da")


@pytest.fixture(scope="module")
def taken(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("danish-screens")
    subprocess.run([sys.executable, str(WORKER), str(out)], env=DANISH, check=True, timeout=600)
    return out


def _updating(request) -> bool:
    return bool(
        getattr(request.config.option, "update_snapshots", False)
        or os.environ.get("MENTORTERM_SNAPSHOT_UPDATE")
    )


@pytest.mark.parametrize("name", names())
def test_danish_snapshot(taken, request, name):
    svg = (taken / f"{name}.svg").read_text(encoding="utf-8")
    stored = STORED / f"{name}.svg"
    if _updating(request):
        STORED.mkdir(parents=True, exist_ok=True)
        stored.write_text(svg, encoding="utf-8")
    assert stored.exists(), f"no snapshot {stored.name}: run with --snapshot-update"
    now, before = read(svg), read(stored.read_text(encoding="utf-8"))
    assert now.lines == before.lines
    assert now.text_styles == before.text_styles
    assert now.backgrounds == before.backgrounds


def test_the_danish_snapshots_are_danish(taken):
    """Not English screens stored under Danish names: Danish words on each."""
    for name in names():
        text = "\n".join(read((taken / f"{name}.svg").read_text(encoding="utf-8")).lines)
        assert any(word in text for word in ("Hjælp", "tilbage", "Velkommen")), name
        for english in ("Help", "Back", "Quit", "Citizen"):
            assert f" {english} " not in text, (name, english)


def test_no_stale_danish_snapshots():
    assert sorted(p.stem for p in STORED.glob("*.svg")) == sorted(names())


@pytest.fixture(scope="module")
def narrow() -> dict:
    out = subprocess.check_output(
        [sys.executable, str(WORKER), "--narrow"], env=DANISH, text=True, timeout=300
    )
    return json.loads(out)


def _danish(*english: str) -> list[str]:
    with i18n.speaking("da"):
        words = [i18n._(word) for word in english]
    assert all(d != e for d, e in zip(words, english, strict=True)), words
    return words


@pytest.mark.parametrize("journey", list(JOURNEYS))
def test_danish_footer_keeps_its_essential_keys_at_80(narrow, journey):
    footer = narrow["footers"][journey]
    keys = {key: (description, right, width) for key, description, right, width in footer["keys"]}
    cut_off = [d for d, right, width in keys.values() if width == 0 or right > footer["palette_x"]]
    assert cut_off == [], f"{journey}: {cut_off} behind the edge"
    essential = ["question_mark", "q"] if journey == "caseload" else ["question_mark", "escape"]
    for key in essential:
        assert key in keys, f"{journey}: no {key} in {list(keys)}"
    assert keys["question_mark"][0] == _danish("Help")[0]


def test_danish_caseload_keeps_the_essential_columns_at_80(narrow):
    caseload = narrow["caseload"]
    assert caseload["shown"] == ESSENTIAL
    assert caseload["fits"] and caseload["right"] <= 80
    headers = _danish("Citizen", "Week", "Last met", "Next meeting", "Att. 14 d")
    with i18n.speaking("da"):
        headers.append(i18n.pgettext("column: open agreements", "Open"))
    assert caseload["headers"] == headers
    line = caseload["header_line"]
    assert all(header in line for header in headers) and len(line) <= 80
