"""kommunkoll: Swedish municipal PDF reports into a normalised database.

The design card's folders `extractors/`, `models/` and `pipeline/` install as
`kommunkoll.extractors`, `kommunkoll.models` and `kommunkoll.pipeline`.
"""

from typing import Any

# Bumped whenever extraction output can change, so stored documents can be re-extracted.
EXTRACTOR_VERSION = "18"


def __getattr__(name: str) -> Any:
    """`__version__` on first use: importlib.metadata costs every command a tenth of a second."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("kommunkoll")
        except PackageNotFoundError:  # running from a source tree that was never installed
            found = "0.0.0"
        globals()["__version__"] = found
        return found
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
