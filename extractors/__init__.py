"""PDF → Extraction. Pure functions over pdfplumber objects; nothing here touches a database.

`extract_pdf` is imported on first use: the command line imports the error and contract
types without paying for pdfplumber and spaCy, which only its reader process needs.
"""

from typing import TYPE_CHECKING, Any

from .contract import Extraction
from .errors import ExtractionError

if TYPE_CHECKING:
    from .extract import extract_pdf

__all__ = ["Extraction", "ExtractionError", "extract_pdf"]


def __getattr__(name: str) -> Any:
    if name == "extract_pdf":
        from .extract import extract_pdf

        return extract_pdf
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
