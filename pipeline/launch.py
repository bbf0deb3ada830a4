"""The `kommunkoll` command's entry point: a command that reads PDFs starts its reader
process first, so the reader warms up while the command line is still being imported."""

from __future__ import annotations

import sys

# Commands whose first work is reading a PDF in the reader (ingest may find every file
# stored already and need no reader at all).
READING = frozenset({"extract"})


def main() -> None:
    args = sys.argv[1:]
    if args[:1] and args[0] in READING and not {"--help", "-h"} & set(args):
        from .reader_process import start_early

        start_early()
    from .cli import main as cli_main

    cli_main()
