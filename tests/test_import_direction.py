"""Data flows one way, and so do imports: `kommunkoll.frames` (for notebooks) re-exports the
reads of `pipeline/queries.py`, and nothing in `pipeline/` imports `frames` back, which
was an import loop (frames → pipeline.db while pipeline.cli, export and web → frames)."""

from __future__ import annotations

import ast
from pathlib import Path

from .conftest import ROOT


def _imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found |= {f"{node.module}.{alias.name}" for alias in node.names}
    return found


def test_nothing_in_pipeline_imports_frames() -> None:
    importing = sorted(
        str(path.relative_to(ROOT))
        for path in (ROOT / "pipeline").rglob("*.py")
        if "kommunkoll.frames" in _imports(path)
    )
    assert importing == []


def test_frames_reads_through_queries_only() -> None:
    pipeline = {m for m in _imports(ROOT / "kommunkoll" / "frames.py") if ".pipeline" in m}
    assert {m.split(".")[2] for m in pipeline} <= {"queries", "compare"}
