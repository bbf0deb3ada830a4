"""The schema comes from the Alembic migrations, and they match the models exactly."""

from __future__ import annotations

from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlmodel import SQLModel

from kommunkoll.models.schema import modelled
from kommunkoll.pipeline.db import make_engine, migrations_folder, schema_revision, upgrade_schema
from kommunkoll.vocabulary import EMPTY_DATABASE

from .test_cli import kommunkoll


def _head() -> str:
    with migrations_folder() as config:
        return ScriptDirectory.from_config(config).get_current_head()  # type: ignore[return-value]


def test_migrations_build_exactly_the_models(database_url: str) -> None:
    """Autogenerate finds nothing to do after upgrading: no model change lacks a migration."""
    engine = make_engine(database_url)
    assert schema_revision(engine) is None
    upgrade_schema(engine)
    assert schema_revision(engine) == _head()
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_object": modelled})
        diff = compare_metadata(context, SQLModel.metadata)
        tables = set(inspect(connection).get_table_names())
    engine.dispose()
    assert diff == []
    assert {"document", "value", "check", "ingest_error", "finding"} <= tables


def test_db_upgrade_command_is_idempotent(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'k.db'}"
    first = kommunkoll("db", "upgrade", "--db", url)
    assert first.returncode == 0, first.stderr
    assert f"{EMPTY_DATABASE} → {_head()}" in first.stdout
    again = kommunkoll("db", "upgrade", "--db", url)
    assert again.returncode == 0, again.stderr
    assert f"{_head()} → {_head()}" in again.stdout
    assert kommunkoll("db", "current", "--db", url).stdout.strip() == _head()
