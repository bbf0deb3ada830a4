"""The one error type at the command line's boundary: a problem the user can fix, one line.

Commands raise `UserError` (or a subclass) with a Swedish message; `cli.main` prints it as
one line on stderr and exits with its code. Anything else that escapes a command is a bug,
printed as one line too unless `--debug` asks for the traceback.
"""

from __future__ import annotations


class UserError(Exception):
    """Something the person at the terminal can fix: a bad option, a missing file."""

    exit_code = 1

    def __init__(self, message: str, exit_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if exit_code is not None:
            self.exit_code = exit_code


class DatabaseProblem(UserError):
    """The database cannot be opened or used: a bad URL, a missing file, not SQLite, a
    server that does not answer."""
