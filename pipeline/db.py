"""Which database, and how to connect: SQLite by default (nothing to start), any URL by choice."""

from __future__ import annotations

import os

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import SQLModel, create_engine

import kommunkoll.models  # noqa: F401  (registers the tables on SQLModel.metadata)

DEFAULT_URL = "sqlite:///kommunkoll.db"


def database_url(url: str | None = None) -> str:
    """An explicit URL, else $DATABASE_URL, else a SQLite file in the working directory."""
    return url or os.environ.get("DATABASE_URL") or DEFAULT_URL


def make_engine(url: str | None = None) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    # WAL lets readers (exports, the web pages) work while an ingest writes; foreign keys
    # are off by default in SQLite and the schema's cascades depend on them.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()


def create_schema(engine: Engine) -> None:
    SQLModel.metadata.create_all(engine)
