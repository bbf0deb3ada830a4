"""Which database, and how to connect: SQLite by default (nothing to start), any URL by choice.

The schema is made and kept current by the Alembic migrations that ship inside
`kommunkoll.models` (`models/migrations/`), never by `create_all`: a database made by an
older kommunkoll is upgraded in place.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files

from alembic import command
from alembic.config import Config
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import create_engine

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


def alembic_config() -> Config:
    """Alembic's configuration, pointing at the migrations installed with the package."""
    config = Config()
    config.set_main_option("script_location", "kommunkoll.models:migrations")
    return config


@contextmanager
def migrations_folder() -> Iterator[Config]:
    """Alembic's configuration with the installed migrations as a real folder."""
    config = alembic_config()
    with as_file(files("kommunkoll.models") / "migrations") as location:
        config.set_main_option("script_location", str(location))
        yield config


def upgrade_schema(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to `revision` through the migrations, in one transaction."""
    with migrations_folder() as config, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


def schema_revision(engine: Engine) -> str | None:
    """The migration the database is at (None: not made by kommunkoll yet)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def create_schema(engine: Engine) -> None:
    """Kept for callers of the first version: the schema now comes from the migrations."""
    upgrade_schema(engine)
