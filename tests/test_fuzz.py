"""A short seeded run of the mutation fuzzer (fuzz/mutate.py): 100 damaged PDFs through the
whole extractor in the limited worker, each ending as a result or a documented error."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

FUZZER = Path(__file__).resolve().parent.parent / "fuzz" / "mutate.py"


def _fuzzer():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("kommunkoll_fuzz", FUZZER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def test_each_mutation_damages_the_file() -> None:
    import random

    fuzz = _fuzzer()
    original = (Path(__file__).resolve().parent / "hostile" / "deep-mediabox.pdf").read_bytes()
    for name, mutate in fuzz.MUTATIONS.items():
        assert mutate(original, random.Random(1)) != original, name


@pytest.mark.slow
def test_a_hundred_mutants_end_as_results_or_documented_errors(tmp_path: Path) -> None:
    report = _fuzzer().run(mutants=100, seed=2026, workers=2, timeout=120, save=tmp_path)
    assert report["findings"] == {}, report["finding_details"]
    assert sum(report["outcomes"].values()) == 100
    assert report["peak_memory_mb"] <= report["memory_limit_mb"]
