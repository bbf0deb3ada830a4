"""Which database, and how to connect: SQLite by default (nothing to start), any URL by choice.

The schema is made and kept current by the Alembic migrations that ship inside
`kommunkoll.models` (`models/migrations/`), never by `create_all`: a database made by an
older kommunkoll is upgraded in place.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import as_file, files
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import create_engine, event, text
from sqlalchemy.engine import Engine

from kommunkoll.vocabulary import DATABASE_PROBLEMS

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

    from alembic.config import Config

DEFAULT_URL = "sqlite:///kommunkoll.db"


def database_url(url: str | None = None) -> str:
    """An explicit URL, else $DATABASE_URL, else a SQLite file in the working directory.

    A plain file path (`kommunkoll.db`, `/data/k.db`) means that SQLite file.
    """
    url = url or os.environ.get("DATABASE_URL") or DEFAULT_URL
    if "://" not in url:
        return f"sqlite:///{Path(url).expanduser()}"
    return url


def sqlite_file(url: str) -> Path | None:
    """The file behind a SQLite URL (None: another database, or SQLite in memory)."""
    from sqlalchemy.engine import make_url

    try:
        parsed = make_url(url)
    except Exception:
        return None
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def open_database(url: str | None = None, must_exist: bool = False) -> Engine:
    """An engine on an upgraded schema, or DatabaseProblem with one Swedish line saying why.

    `must_exist` is for commands that only read: a SQLite file that is not there is an
    error, never a new empty database made by a mistyped path.
    """
    from .errors import DatabaseProblem

    url = database_url(url)
    path = sqlite_file(url)
    if must_exist and path is not None and not path.exists():
        raise DatabaseProblem(
            DATABASE_PROBLEMS["missing"].format(path=path) + DATABASE_PROBLEMS["missing_hint"]
        )
    try:
        engine = make_engine(url)
        upgrade_schema(engine)
    except Exception as exc:
        raise DatabaseProblem(database_problem(exc, url)) from None
    return engine


def database_problem(exc: BaseException, url: str) -> str:
    """One line, in Swedish, for whatever the driver or SQLAlchemy raised on `url`."""
    from sqlalchemy import exc as sa

    shown = _shown(url)
    path = sqlite_file(url)
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()
    first = text[0] if text else type(exc).__name__
    if isinstance(exc, sa.NoSuchModuleError):
        scheme = url.split("://", 1)[0]
        return DATABASE_PROBLEMS["unknown_kind"].format(scheme=scheme, shown=shown)
    if isinstance(exc, sa.ArgumentError):
        return DATABASE_PROBLEMS["bad_url"].format(shown=shown, detail=first)
    if path is not None:
        if "not a database" in first or "malformed" in first:
            return DATABASE_PROBLEMS["not_sqlite"].format(path=path)
        if not path.parent.exists():
            return DATABASE_PROBLEMS["no_folder"].format(path=path, folder=path.parent)
        return DATABASE_PROBLEMS["cannot_open"].format(path=path, detail=first)
    if isinstance(exc, sa.OperationalError | sa.InterfaceError):
        return DATABASE_PROBLEMS["not_answering"].format(shown=shown, detail=first)
    return DATABASE_PROBLEMS["unusable"].format(shown=shown, detail=first)


def _shown(url: str) -> str:
    """The URL without its password."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except Exception:
        return url


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
    from alembic.config import Config

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
    """Create or upgrade the schema to `revision` through the migrations, in one transaction.
    A database already at the head is left alone without loading Alembic (0.15 s of a
    command that only reads)."""
    if revision == "head" and stored_revision(engine) == head_revision():
        return
    from alembic import command

    with migrations_folder() as config, engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)


_REVISION = re.compile(r'^revision: str = "([^"]+)"', re.M)
_DOWN = re.compile(r'^down_revision: str \| None = (?:"([^"]+)"|None)', re.M)


def _models_folder() -> Traversable:
    """kommunkoll.models' folder, found without importing it: importing it builds every
    SQLModel class (pydantic, the ORM), a quarter of a second a reading command never uses."""
    spec = find_spec("kommunkoll.models")
    if spec is not None and spec.submodule_search_locations:
        folder = Path(next(iter(spec.submodule_search_locations)))
        if folder.is_dir():
            return folder
    return files("kommunkoll.models")


def head_revision() -> str | None:
    """The one head of the shipped migrations, read from their files' `revision` and
    `down_revision` lines (None when they do not say it plainly: let Alembic decide)."""
    revisions: set[str] = set()
    downs: set[str] = set()
    for path in (_models_folder() / "migrations" / "versions").iterdir():
        if not path.name.endswith(".py") or path.name.startswith("_"):
            continue
        source = path.read_text("utf-8")
        revision, down = _REVISION.search(source), _DOWN.search(source)
        if revision is None or down is None:
            return None
        revisions.add(revision[1])
        if down[1]:
            downs.add(down[1])
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def stored_revision(engine: Engine) -> str | None:
    """The revision in the database's alembic_version table (None: none, or not one)."""
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT version_num FROM alembic_version")).all()
    except Exception:  # no such table: a new or foreign database
        return None
    return rows[0][0] if len(rows) == 1 else None


def schema_revision(engine: Engine) -> str | None:
    """The migration the database is at (None: not made by kommunkoll yet)."""
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def create_schema(engine: Engine) -> None:
    """Kept for callers of the first version: the schema now comes from the migrations."""
    upgrade_schema(engine)
