"""kommunkoll: Swedish municipal PDF reports into a normalised database.

The design card's folders `extractors/`, `models/` and `pipeline/` install as
`kommunkoll.extractors`, `kommunkoll.models` and `kommunkoll.pipeline`.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kommunkoll")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

# Bumped whenever extraction output can change, so stored documents can be re-extracted.
EXTRACTOR_VERSION = "8"
