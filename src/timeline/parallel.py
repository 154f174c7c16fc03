"""Work over a stream in batches, here or in worker processes, results in input order.

:func:`map_batches` cuts a stream of items into lists of ``batch_size``, runs ``work(batch,
context)`` on each and yields the results in the order of the batches. With
``n_process=1`` everything runs in this process; with more, a
:class:`concurrent.futures.ProcessPoolExecutor` of ``n_process`` workers runs the batches,
each worker making its ``context`` once with ``setup(argument)`` when it starts (for
:func:`timeline.build`: loading spaCy). Workers are forked where that is safe
(:func:`start_method`): they start at once, share what this process has loaded (a spaCy
pipeline given to :func:`timeline.build` is not copied), and a script without an
``if __name__ == "__main__":`` guard works; elsewhere they are spawned, and ``argument``
is pickled to each. Only ``2 * n_process`` batches are in flight at a time, so memory stays
bounded by the batch, however long the stream.

>>> def total(batch, offset):
...     return sum(batch) + offset
>>> list(map_batches(total, range(10), setup=int, argument=100, batch_size=4))
[106, 122, 117]
"""

from __future__ import annotations

import itertools
import multiprocessing
import os
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from typing import Any, TypeVar

__all__ = ["cores", "map_batches", "start_method"]

T = TypeVar("T")
R = TypeVar("R")

#: What the worker's ``setup`` made, in a worker process.
_context: list[Any] = []


def cores() -> int:
    """The number of cores this process may run on.

    >>> cores() >= 1
    True
    """
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def start_method() -> str:
    """How worker processes start: ``"fork"`` on Linux while this process runs one thread
    (a fork copies only the forking thread, so with more a lock another thread holds could
    stay locked in the worker forever), else ``"spawn"`` (a fresh interpreter; the only safe
    way on macOS, the only one on Windows).

    >>> start_method() in ("fork", "spawn")
    True
    """
    if sys.platform == "linux" and threading.active_count() == 1:
        return "fork"
    return "spawn"


def map_batches(
    work: Callable[[list[T], Any], R],
    items: Iterable[T],
    *,
    setup: Callable[[Any], Any],
    argument: Any = None,
    n_process: int = 1,
    batch_size: int = 64,
) -> Iterator[R]:
    """``work(batch, setup(argument))`` for each batch of ``items``, in order.

    ``work`` and ``setup`` must be functions of a module (workers import them by name);
    ``argument`` is sent to each worker once, so it must pickle if workers are spawned.
    """
    if isinstance(n_process, bool) or not isinstance(n_process, int) or n_process < 1:
        raise ValueError(f"n_process must be a whole number of processes >= 1, not {n_process!r}")
    pending = iter(items)
    batches = iter(lambda: list(itertools.islice(pending, batch_size)), [])
    if n_process == 1:
        context = setup(argument)
        for batch in batches:
            yield work(batch, context)
        return
    pool = ProcessPoolExecutor(
        n_process,
        mp_context=multiprocessing.get_context(start_method()),
        initializer=_start,
        initargs=(setup, argument),
    )
    try:
        running: deque[Future[R]] = deque()
        for batch in batches:
            running.append(pool.submit(_run, work, batch))
            if len(running) >= 2 * n_process:
                yield running.popleft().result()
        while running:
            yield running.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _start(setup: Callable[[Any], Any], argument: Any) -> None:
    _context.append(setup(argument))


def _run(work: Callable[[list[T], Any], R], batch: list[T]) -> R:
    return work(batch, _context[-1])
