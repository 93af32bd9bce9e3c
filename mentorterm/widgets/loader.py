"""The one way a screen loads its data: a thread worker, its result a message, one failure handler.

A screen mixes in ``Loader`` and calls ``self.load_in_worker("caseload", call,
*args)``: ``call`` runs in a thread worker with a database connection of its
own (peewee's are per thread) while the screen stays alive; its result comes
back as a ``Loaded`` message and goes to the screen's ``loaded_caseload(result)``
on the UI thread. A newer load of the same name replaces an older one (whose
result is dropped). A failure is told the way ``screens/guard.py``'s
``@safely`` tells it: the mentor's words in a notification, never a traceback;
anything that is not a database or rule error is a bug and surfaces.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from textual.message import Message
from textual.worker import Worker, get_current_worker

from ..domain.errors import user_message
from ..domain.threads import in_own_connection


class Loaded(Message):
    """A load finished in its worker: its ``result``, or the ``error`` it raised."""

    def __init__(
        self, name: str, result: Any = None, error: Exception | None = None, worker=None
    ) -> None:
        super().__init__()
        self.name = name
        self.worker = worker
        self.result = result
        self.error = error


def _run(target: Any, name: str, call: Callable[..., Any], args: tuple, kwargs: dict) -> None:
    worker = get_current_worker()
    try:
        result = in_own_connection(call, *args, **kwargs)
    except Exception as error:  # noqa: BLE001 - handed to the UI thread, told there
        if not worker.is_cancelled:
            target.post_message(Loaded(name, error=error, worker=worker))
        return
    if not worker.is_cancelled:  # a newer load of the same name took its place
        target.post_message(Loaded(name, result, worker=worker))


class Loader:
    """Mixed into a Screen: loads in a thread worker, results in ``loaded_<name>``."""

    def load_in_worker(self, name: str, call: Callable[..., Any], *args, **kwargs) -> Worker:
        """Run ``call(*args, **kwargs)`` in a thread; its result goes to ``loaded_<name>``."""
        worker = self.run_worker(  # type: ignore[attr-defined]
            partial(_run, self, name, call, args, kwargs),
            name=name,
            group=f"load-{name}",
            thread=True,
            exclusive=True,
            exit_on_error=False,
        )
        if not hasattr(self, "_latest_loads"):
            self._latest_loads: dict[str, Worker] = {}
        self._latest_loads[name] = worker
        return worker

    def on_loaded(self, message: Loaded) -> None:
        message.stop()
        latest = getattr(self, "_latest_loads", {}).get(message.name)
        if message.worker is not None and message.worker is not latest:
            return  # finished just as a newer load of the same name began: out of date
        if message.error is not None:
            self.load_failed(message.name, message.error)
            return
        getattr(self, f"loaded_{message.name}")(message.result)

    def load_failed(self, name: str, error: Exception) -> None:
        """Say what went wrong in the mentor's words; a bug still surfaces."""
        message = user_message(error)
        if message is None:
            raise error
        self.app.notify(message, severity="error", timeout=10)  # type: ignore[attr-defined]
