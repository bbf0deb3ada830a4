"""The design card's generic folder names install under `kommunkoll`, never bare."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_folders_import_under_one_name(tmp_path: Path) -> None:
    code = (
        "import importlib.util as u, kommunkoll.extractors, kommunkoll.models, "
        "kommunkoll.pipeline;"
        "print([u.find_spec(n) is None for n in ('extractors', 'models', 'pipeline')])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[True, True, True]"


def test_extractors_do_not_import_database_or_prefect(tmp_path: Path) -> None:
    """Data flows one way: extracting a PDF must not pull in storage or orchestration."""
    code = (
        "import sys, kommunkoll.extractors;"
        "print(sorted(m for m in ('sqlmodel', 'sqlalchemy', 'prefect', 'kommunkoll.models',"
        " 'kommunkoll.pipeline') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
