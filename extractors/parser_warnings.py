"""pdfminer's recoverable errors, heard while a document is read, become its warnings.

pdfminer logs what it repairs ("Data-loss while decompressing corrupted data", "Invalid
MediaBox ... defaulting to US Letter") and goes on; the text it returns may then miss
something. Such a document is not an error, but it must not pass as clean either: each
distinct message becomes one line in the extraction's `warnings` (so the document shows as
"varning"), and nothing is printed on the terminal behind the user's back.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from kommunkoll.vocabulary import PDF_REPAIRED_WARNING

_PARSER_LOGGERS = ("pdfminer", "pdfplumber")


class _Heard(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            message = " ".join(record.getMessage().split())
        except Exception:  # a malformed log call inside the parser
            message = str(record.msg)
        if len(message) > 200:
            message = message[:200] + "…"
        if message not in self.messages:
            self.messages.append(message)


@contextmanager
def parser_warnings() -> Iterator[list[str]]:
    """Collect the parser's warnings inside the block (distinct messages, in order)."""
    heard = _Heard()
    loggers = [logging.getLogger(name) for name in _PARSER_LOGGERS]
    saved = [(logger.propagate, logger.level) for logger in loggers]
    for logger in loggers:
        logger.addHandler(heard)
        logger.propagate = False
        if logger.getEffectiveLevel() > logging.WARNING or logger.level == logging.NOTSET:
            logger.setLevel(logging.WARNING)
    try:
        yield heard.messages
    finally:
        for logger, (propagate, level) in zip(loggers, saved, strict=True):
            logger.removeHandler(heard)
            logger.propagate = propagate
            logger.setLevel(level)


def as_warnings(messages: list[str]) -> list[str]:
    return [PDF_REPAIRED_WARNING.format(message=m) for m in messages]
