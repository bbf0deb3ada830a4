"""The cyclic garbage collector, tuned while a PDF is parsed.

pdfminer and the page model make millions of short-lived objects with few reference cycles
(a page's objects are freed by `page.close()` and reference counting). With Python's
default threshold the collector scans the young generation every 700 allocations, and
every long-lived object (modules, the NLP pipeline) in its full scans: 19 % of the CPU of
an extraction, a third on a long report. While a PDF is read, objects alive before it are
frozen out of the scans and the young generation is scanned every `YOUNG` allocations;
cycles are still collected, so memory stays bounded.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 100_000  # allocations between scans of the young generation while parsing

_lock = threading.Lock()
_depth = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def parsing() -> Iterator[None]:
    """Tune the collector for the duration (re-entrant, and safe with extraction threads:
    the setting is restored when the last one ends)."""
    global _depth, _saved
    with _lock:
        if _depth == 0:
            _saved = gc.get_threshold()
            gc.freeze()
            gc.set_threshold(YOUNG, _saved[1], _saved[2])
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                gc.unfreeze()
