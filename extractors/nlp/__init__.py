"""Swedish NLP over page texts: decision references, risks, actions and their entities."""

from .findings import find, merge
from .pipeline import swedish

__all__ = ["find", "merge", "swedish"]
