"""PDF → Extraction. Pure functions over pdfplumber objects; nothing here touches a database."""

from .contract import Extraction
from .errors import ExtractionError
from .extract import extract_pdf

__all__ = ["Extraction", "ExtractionError", "extract_pdf"]
