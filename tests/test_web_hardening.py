"""The web pages against hostile requests: no 500 for odd numbers, security headers on
every response, and a PDF served only from inside the inbox tree it was stored from."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from kommunkoll import frames
from kommunkoll.models import Document
from kommunkoll.pipeline.db import make_engine
from kommunkoll.pipeline.web.app import SECURITY_HEADERS, create_app, find_pdf

from . import truthdb

truth_db = truthdb.truth_db


@pytest.fixture(scope="module")
def client(truth_db: str) -> Iterator[TestClient]:
    engine = make_engine(truth_db)
    with TestClient(create_app(engine), raise_server_exceptions=False) as client:
        yield client
    engine.dispose()


@pytest.mark.parametrize(
    "url",
    [
        "/documents/99999999999999999999",
        "/documents/99999999999999999999/pdf",
        "/documents/99999999999999999999/pages/1.png",
        "/values/99999999999999999999",
    ],
)
def test_an_id_no_database_holds_is_not_found(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "Traceback" not in response.text


def test_a_year_of_superscript_digits_is_ignored(client: TestClient, truth_db: str) -> None:
    response = client.get("/answers", params={"year_from": "²", "year_to": "٢٠٢٥"})
    assert response.status_code == 200
    years = sorted({int(y) for y in frames.answers(truth_db)["year"]})
    assert sorted({int(y) for y in re.findall(r'data-year="(\d+)"', response.text)}) == years


@pytest.mark.parametrize("url", ["/", "/answers", "/static/style.css", "/no-such-page"])
def test_every_response_has_the_security_headers(client: TestClient, url: str) -> None:
    response = client.get(url)
    for name, value in SECURITY_HEADERS.items():
        assert response.headers[name] == value
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_a_pdf_is_served_only_from_inside_its_inbox_tree(tmp_path: Path, good_pdf: Path) -> None:
    inbox = tmp_path / "inbox"
    processed = inbox / "processed"
    processed.mkdir(parents=True)
    outside = tmp_path / "secret.pdf"
    outside.write_bytes(good_pdf.read_bytes())

    (processed / "real.pdf").write_bytes(good_pdf.read_bytes())
    real = Document(filename="real.pdf", path=str(processed / "real.pdf"))
    assert find_pdf(real) == processed / "real.pdf"

    (processed / "link.pdf").symlink_to(outside)
    linked = Document(filename="link.pdf", path=str(processed / "link.pdf"))
    assert find_pdf(linked) is None

    # A stored path whose folder was swapped for a link to somewhere else.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "moved.pdf").write_bytes(good_pdf.read_bytes())
    (inbox / "swapped").symlink_to(elsewhere)
    swapped = Document(filename="moved.pdf", path=str(inbox / "swapped" / "moved.pdf"))
    assert find_pdf(swapped) is None
