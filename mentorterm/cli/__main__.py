"""``python -m mentorterm.cli``: the same as the ``mentorterm`` command."""

import sys

from . import main

sys.exit(main())
