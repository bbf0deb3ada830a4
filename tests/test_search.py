"""Search through the database's own full-text index (FTS5, PostgreSQL tsvector 'swedish'),
on the samples' ground truth: what it finds is what the truth files hold."""

from __future__ import annotations

import html
import re

import pytest
from fastapi.testclient import TestClient

from kommunkoll.extractors.contract import Extraction
from kommunkoll.pipeline.db import make_engine
from kommunkoll.pipeline.search import search
from kommunkoll.pipeline.store import replace_extraction
from kommunkoll.pipeline.web.app import create_app

from . import truthdb
from .test_terminal import run

truth_db = truthdb.truth_db

REFERENCE = "VON § 85/2024"


def _truth_mentions(text: str) -> dict[str, list[tuple[str, int]]]:
    """Every finding and answer of the truth that prints `text`: (file, page) per kind."""
    found: dict[str, list[tuple[str, int]]] = {"finding": [], "answer": []}
    for pdf, extraction in truthdb.located_truths():
        for f in extraction.findings:
            if text in f.text:
                found["finding"].append((pdf.name, f.page))
        for a in extraction.answers:
            if text in a.comment or text in a.question:
                found["answer"].append((pdf.name, a.page))
    return found


def test_a_decision_reference_is_found_where_it_is_printed(database_url: str) -> None:
    engine = truthdb.build_truth_db(database_url)
    hits = search(engine, REFERENCE)
    truth = _truth_mentions(REFERENCE)
    assert truth["finding"] and truth["answer"]
    findings = sorted((h.filename, h.page) for h in hits if h.kind == "decision")
    answers = sorted((h.filename, h.page) for h in hits if h.kind == "answer")
    assert findings == sorted(truth["finding"])
    assert answers == sorted(truth["answer"])
    assert len(hits) == len(truth["finding"]) + len(truth["answer"])
    # Another reference of the same nämnd is not this one.
    assert not search(engine, "VON § 86/2024")
    engine.dispose()


def test_words_find_table_lines_and_answers(truth_db: str) -> None:
    engine = make_engine(truth_db)
    lines = [h for h in search(engine, "personalkostnader") if h.kind == "line"]
    expected = [
        (pdf.name, t.page)
        for pdf, e in truthdb.located_truths()
        for t in e.tables
        for r in t.rows
        if r.label.casefold() == "personalkostnader"
    ]
    assert sorted((h.filename, h.page) for h in lines) == sorted(expected)
    assert all(h.link.startswith("/lines/") for h in lines)
    engine.dispose()


def test_the_index_follows_a_replaced_document(tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = f"sqlite:///{tmp_path / 'k.db'}"
    engine = truthdb.build_truth_db(url)
    [(pdf, extraction)] = [
        (p, e) for p, e in truthdb.located_truths() if p.stem == "alingsas-von-2025-enkat"
    ]
    before = len(search(engine, REFERENCE))
    changed = extraction.model_copy(deep=True)
    for answer in changed.answers:
        answer.comment = answer.comment.replace(REFERENCE, "VON § 99/2024")
    changed.findings = [f for f in changed.findings if REFERENCE not in f.text]
    replace_extraction(engine, Extraction.model_validate(changed.model_dump()), path=pdf)
    assert before > 0
    assert search(engine, REFERENCE) == []
    assert len(search(engine, "VON § 99/2024")) == len(_truth_mentions(REFERENCE)["answer"])
    engine.dispose()


def test_search_command(truth_db: str) -> None:
    result = run("search", REFERENCE, "--db", truth_db, columns=100)
    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stdout.splitlines()) <= 100
    truth = _truth_mentions(REFERENCE)
    assert result.stdout.count("Beslut ") == len(truth["finding"])
    assert result.stdout.count("Enkätsvar ") == len(truth["answer"])
    missing = run("search", "VON § 86/2024", "--db", truth_db, columns=100)
    assert missing.returncode == 1
    assert "Inget matchar" in missing.stderr


def test_search_page_links_to_the_finding_on_its_page(truth_db: str) -> None:
    engine = make_engine(truth_db)
    with TestClient(create_app(engine)) as client:
        home = client.get("/").text
        assert 'action="/search"' in home  # a search box on every page
        page = html.unescape(client.get("/search", params={"q": REFERENCE}).text)
        assert "<mark>VON" in page
        links = re.findall(r'<a href="(/findings/\d+)">', page)
        assert links
        finding = client.get(links[0]).text
        assert 'id="highlight"' in finding and REFERENCE in html.unescape(finding)
        answers = re.findall(r'<a href="(/answers/\d+)">', page)
        assert len(set(answers)) == len(_truth_mentions(REFERENCE)["answer"])
        assert "Kommentar" in client.get(answers[0]).text
        empty = client.get("/search", params={"q": "VON § 86/2024"}).text
        assert "Inget matchar" in html.unescape(empty)
    engine.dispose()


@pytest.mark.parametrize("query", ['"', "a OR", "NEAR(x", "*", "§"])
def test_search_syntax_in_the_query_is_only_text(truth_db: str, query: str) -> None:
    engine = make_engine(truth_db)
    assert isinstance(search(engine, query), list)  # no FTS5 syntax error
    engine.dispose()
