"""Untrusted text (PDF text, file names, exception messages) made safe to show.

A file may be named `[bold red]x.pdf` or hold ANSI escapes; a reason may quote `[/…` from a
damaged PDF. Rich would read the first as markup (and raise MarkupError on the last), and a
terminal would obey the escapes. Everything that did not come from our own code passes
through `plain` (control characters gone) and, before rich, `markup` (brackets escaped).
HTML is escaped by Jinja's autoescape; SQL takes parameters only.
"""

from __future__ import annotations

import re

from rich.markup import escape

# C0 and C1 control characters and DEL, except tab; ESC starts every ANSI sequence.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]")


def plain(text: object, one_line: bool = True) -> str:
    """`text` without terminal escapes or control characters (newlines too, if one line)."""
    value = _ANSI.sub("", str(text))
    if one_line:
        value = value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    return _CONTROL.sub("", value)


def markup(text: object, one_line: bool = True) -> str:
    """`text` to embed in a rich markup string: shown as written, never interpreted."""
    return escape(plain(text, one_line))
