"""Soak: a laptop's sync killed with SIGKILL at random points, run again each time.

    .venv/bin/python bench/sync_soak.py --rounds 200

Starts a throwaway PostgreSQL (tests/pg_server.py), a team with Anna, a
laptop taken offline; then each round writes four logbook days, syncs,
writes four more, starts a sync and kills it at a random moment within
how long a whole sync took, and syncs again to the end. After every round
the server and the laptop must hold every day exactly once and the change
log must be empty. Prints the rounds, the kills, the days and the time.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.chdir(Path(__file__).resolve().parent.parent)

from mentorterm import cli, storage  # noqa: E402
from tests.pg_server import Server  # noqa: E402
from tests.team_logins import PASSWORD, as_login  # noqa: E402
from tests.test_sync_cli import _ali, killed_syncs  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--seed", type=int, default=19)
    args = parser.parse_args()
    storage.allow_plaintext_for_tests()
    server = Server()
    if not server.start():
        print(f"no PostgreSQL: {server.why_not}")
        return 1
    try:
        name = server.new_database()
        url = server.url(name)
        login = f"anna_{uuid.uuid4().hex[:8]}"
        with tempfile.TemporaryDirectory() as tmp:
            secret = Path(tmp) / "pw"
            secret.write_text(PASSWORD + "\n")
            cli.main(["team", "add-mentor", login, "--name", "Anna", "--db", url,
                      "--mentor-password-file", str(secret)])  # fmt: skip
            storage.close_database()
            anna = as_login(url, login)
            _ali(anna)
            laptop = str(Path(tmp) / "anna.db")
            assert cli.main(["sync", "out", "--team", anna, "--db", laptop]) == 0
            started = time.monotonic()
            result = killed_syncs(anna, laptop, args.rounds, args.seed)
            took = time.monotonic() - started
        print(
            f"rounds {result['rounds']}, syncs killed {result['killed']}, days written "
            f"{result['days']}, lost 0, doubled 0 (checked after every round), {took:.0f} s"
        )
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
