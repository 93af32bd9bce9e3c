"""The mentorterm command for subprocess tests, with plaintext databases allowed.

    python tests/plain_cli.py ARGS...   # the same as `mentorterm ARGS...`

The real command has no way to turn encryption off (no environment variable,
only `demo --plaintext`); the tests that run it in a child process and make
new databases there use this script instead, as in-process tests use the
fixture in conftest.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

# The worktree's mentorterm, not whichever one the venv has installed.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mentorterm import cli, storage  # noqa: E402

if __name__ == "__main__":
    storage.allow_plaintext_for_tests()
    sys.exit(cli.main(sys.argv[1:]))
