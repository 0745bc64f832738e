"""Stop a step that runs past a time limit: a runaway (exponential, cubic) step then fails its test
instead of hanging the run."""
from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator


class TimeLimitExceeded(Exception):
    """The step ran past its limit."""


@contextlib.contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`TimeLimitExceeded` in the block once it has run ``seconds`` (a timer signal: main thread only)."""
    def stop(*_):
        raise TimeLimitExceeded

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
