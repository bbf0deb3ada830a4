"""The database schema (SQLModel). Knows nothing of PDFs beyond the provenance it is handed."""

from .schema import *  # noqa: F403 (the tables are this package's names)
