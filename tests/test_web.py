"""The web pages: in-process requests for what each page holds, and a real headless Chromium
(Debian's, driven by Playwright) against `kommunkoll serve` on loopback for what a person
sees: the matrix, the year filter, a document, a value on its highlighted PDF page."""

from __future__ import annotations

import hashlib
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pdfplumber
import pytest
from fastapi.testclient import TestClient

from kommunkoll.pipeline.db import make_engine
from kommunkoll.pipeline.web.app import create_app

from . import truthdb
from .conftest import ROOT, expected_for, sample_pdfs

truth_db = truthdb.truth_db  # the session's ground-truth database, a fixture

VON = "Vård- och omsorgsnämnden"
MEASURABLE = "Har nämnden/styrelsen formulerat målen så att de är mätbara?"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LABELS = {"ja": "Ja", "nej": "Nej", "delvis": "Delvis", "vet_ej": "Vet ej", None: "–"}


@pytest.fixture(scope="module")
def client(truth_db: str) -> Iterator[TestClient]:
    engine = make_engine(truth_db)
    with TestClient(create_app(engine)) as client:
        yield client
    engine.dispose()


def _enkat_answer(year: int, question: str) -> str | None:
    data = truthdb.truth(f"alingsas-von-{year}-enkat")
    [answer] = [a["answer"] for a in data["answers"] if a["question"] == question]
    return answer


def _drift_cell(stem: str, line: str, measure: str, year: int) -> float:
    [table] = [t for t in truthdb.truth(stem)["tables"] if t["kind"] == "drift"]
    [row] = [r for r in table["rows"] if r["label"] == line]
    [cell] = [c for c in row["cells"] if (c["measure"], c["year"]) == (measure, year)]
    return cell["value"]


def test_documents_page_lists_every_document(client: TestClient) -> None:
    page = client.get("/").text
    for pdf in sample_pdfs():
        assert pdf.name in page
    assert page.count('class="badge ok"') == len(sample_pdfs())


def test_documents_page_warns_about_empty_and_failed_documents(tmp_path: Path) -> None:
    """A document with nothing extracted and one failing check: both are said on the page."""
    from kommunkoll.extractors.contract import Extraction
    from kommunkoll.pipeline.db import upgrade_schema
    from kommunkoll.pipeline.store import store_extraction

    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    upgrade_schema(engine)
    [pdf] = [p for p in sample_pdfs() if p.stem == "lerum-von-2025-delarsbokslut"]
    payload = expected_for(pdf)
    payload["tables"][0]["checks"] = [{"name": "summa", "ok": False, "expected": 10, "found": 9}]
    store_extraction(engine, Extraction.model_validate(payload), path=pdf)
    empty = expected_for(pdf) | {"tables": []}
    empty["source"] = empty["source"] | {"sha256": "0" * 64, "filename": "tom.pdf"}
    store_extraction(engine, Extraction.model_validate(empty), path=tmp_path / "gone.pdf")
    with TestClient(create_app(engine)) as client:
        page = client.get("/").text
    engine.dispose()
    assert "1 kontroll(er) stämmer inte" in page
    assert "inga tabeller hittades" in page
    assert "PDF-filen finns inte längre" in page
    assert 'class="badge fel"' in page and 'class="badge varning"' in page


def test_document_page_links_every_value(client: TestClient, truth_db: str) -> None:
    from kommunkoll import frames

    values = frames.values(truth_db, filename="alingsas-von-2025-delarsbokslut.pdf")
    document_id = int(values["document_id"].iloc[0])
    page = client.get(f"/documents/{document_id}").text
    linked = set(map(int, re.findall(r'data-value-id="(\d+)"', page)))
    assert linked == set(values["value_id"])
    assert "Personalkostnader" in page and "Drift" in page


def test_value_page_places_the_box_on_the_page(client: TestClient, truth_db: str) -> None:
    from kommunkoll import frames

    values = frames.values(
        truth_db, line="Personalkostnader", measure="utfall", year=2025, document_year=2025
    )
    row = values[(values["namnd"] == VON) & (values["kommun"] == "Alingsås")].iloc[0]
    page = client.get(f"/values/{int(row.value_id)}").text
    with pdfplumber.open(ROOT / "samples" / row.filename) as pdf:
        width = float(pdf.pages[int(row.page) - 1].width)
    left = float(re.search(r"left: ([\d.]+)%", page)[1])  # type: ignore[index]
    assert left == pytest.approx((row.x0 - 2) / width * 100, abs=0.01)
    png = client.get(f"/documents/{int(row.document_id)}/pages/{int(row.page)}.png")
    assert png.headers["content-type"] == "image/png"
    assert png.content.startswith(b"\x89PNG")
    assert client.get(f"/documents/{int(row.document_id)}/pages/999.png").status_code == 404
    assert client.get("/values/999999").status_code == 404


def test_answers_page_filters_and_marks_changes(client: TestClient) -> None:
    page = client.get(
        "/answers", params={"kommun": "Alingsås", "namnd": VON, "year_from": "2025"}
    ).text
    assert re.findall(r'data-year="(\d+)"', page) == ["2025"]
    row = page[page.index(MEASURABLE) :].split("</tr>")[0]
    assert "changed" in row
    assert f">{LABELS[_enkat_answer(2025, MEASURABLE)]}</a>" in row
    assert f"({LABELS[_enkat_answer(2024, MEASURABLE)]})" in row


def test_trend_page_draws_each_point(client: TestClient) -> None:
    page = client.get(
        "/trends", params={"table": "drift", "line": "Personalkostnader", "measure": "utfall"}
    ).text
    points = re.findall(r'<circle [^>]*data-year="(\d+)" data-value="([^"]+)"', page)
    expected = _drift_cell("alingsas-von-2025-delarsbokslut", "Personalkostnader", "utfall", 2025)
    assert ("2025", f"{expected:g}") in points
    assert "https://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")


# --- a real browser -----------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def kommunkoll_serve(db: str) -> Iterator[str]:
    """`kommunkoll serve` as a user starts it, on a free loopback port: its URL."""
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kommunkoll", "serve", "--db", db, "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(url + "/", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.stdout.read().decode() if process.stdout else ""
                pytest.fail(f"kommunkoll serve did not come up: {output}")
            time.sleep(0.3)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="module")
def served(truth_db: str) -> Iterator[str]:
    with kommunkoll_serve(truth_db) as url:
        yield url


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is missing: scripts/setup.sh installs it")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.slow
def test_browser_answers_matrix_and_year_filter(served: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served + "/answers")
    page.select_option("select[name=kommun]", "Alingsås")
    page.select_option("select[name=namnd]", VON)
    page.click("#filters button[type=submit]")
    page.wait_for_load_state()
    headers = page.locator("#matrix th.col").all_inner_texts()
    assert [h.split()[-1] for h in headers] == ["2023", "2024", "2025"]
    row = page.locator("#matrix tr", has_text=MEASURABLE)
    cells = row.locator("td.answer")
    assert cells.nth(2).inner_text().startswith(LABELS[_enkat_answer(2025, MEASURABLE)])
    assert "changed" in (cells.nth(2).get_attribute("class") or "")
    colour = cells.nth(2).evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour == "rgb(255, 230, 153)"  # the highlight a reader sees
    page.screenshot(path=str(tmp_path / "matrix.png"))

    page.select_option("select[name=year_from]", "2025")
    page.select_option("select[name=year_to]", "2025")
    page.click("#filters button[type=submit]")
    page.wait_for_load_state()
    assert "year_from=2025" in page.url
    headers = page.locator("#matrix th.col").all_inner_texts()
    assert [h.split()[-1] for h in headers] == ["2025"]
    row = page.locator("#matrix tr", has_text=MEASURABLE)
    assert "changed" in (row.locator("td.answer").first.get_attribute("class") or "")
    page.screenshot(path=str(tmp_path / "matrix-2025.png"))
    assert (tmp_path / "matrix-2025.png").stat().st_size > 10_000


@pytest.mark.slow
def test_browser_value_on_its_highlighted_page(served: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(served + "/")
    page.click("text=alingsas-von-2025-delarsbokslut.pdf")
    page.wait_for_load_state()
    assert VON in page.locator("h1").inner_text()
    page.screenshot(path=str(tmp_path / "document.png"))

    drift = page.locator("section.report-table", has_text="Drift").first
    headers = drift.locator("thead th").all_inner_texts()
    column = headers.index("Utfall 2025")
    row = drift.locator("tbody tr", has_text="Personalkostnader").first
    link = row.locator("td").nth(column - 1).locator("a.value")
    expected = _drift_cell("alingsas-von-2025-delarsbokslut", "Personalkostnader", "utfall", 2025)
    shown = f"{abs(expected):,.0f}".replace(",", "\u00a0")
    assert shown in link.inner_text()
    link.click()
    page.wait_for_load_state("networkidle")

    assert "Personalkostnader" in page.locator("#value-heading").inner_text()
    assert shown in page.locator("#value-number").inner_text()
    image = page.locator("#pdf-page img")
    assert image.evaluate("i => i.complete && i.naturalWidth > 0")
    box, frame = page.locator("#highlight").bounding_box(), image.bounding_box()
    assert box and frame and box["width"] > 5 and box["height"] > 5
    # Where the box is drawn matches where pdfplumber finds the number on the page.
    with pdfplumber.open(ROOT / "samples" / "alingsas-von-2025-delarsbokslut.pdf") as pdf:
        [hit] = [
            (p, h)
            for p in pdf.pages
            for h in p.search(truthdb.number_pattern(expected), regex=True)
        ]
        pdf_page, word = hit
        scale = frame["width"] / float(pdf_page.width)
        centre_x = (word["x0"] + word["x1"]) / 2 * scale + frame["x"]
        centre_y = (word["top"] + word["bottom"]) / 2 * scale + frame["y"]
    assert box["x"] < centre_x < box["x"] + box["width"]
    assert box["y"] < centre_y < box["y"] + box["height"]
    page.screenshot(path=str(tmp_path / "value.png"), full_page=True)
    assert (tmp_path / "value.png").stat().st_size > 10_000


@pytest.mark.slow
def test_browser_trend_chart(served: str, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(served + "/trends?table=drift&line=Personalkostnader&measure=utfall")
    series = page.locator("svg.chart g.series")
    names = [series.nth(i).get_attribute("data-name") for i in range(series.count())]
    assert f"{VON} (Lerum)" in names and f"{VON} (Alingsås)" in names
    von = page.locator(f'svg.chart g.series[data-name="{VON} (Alingsås)"] circle')
    assert sorted(int(von.nth(i).get_attribute("data-year")) for i in range(von.count())) == [
        2022, 2023, 2024, 2025,
    ]  # fmt: skip
    page.screenshot(path=str(tmp_path / "trends.png"), full_page=True)


def test_trend_page_follows_a_change_of_table(client: TestClient) -> None:
    """A line of the old table is not kept when another table is chosen: its first line is."""
    page = client.get(
        "/trends", params={"table": "sjukfranvaro", "line": "Personalkostnader", "measure": "x"}
    ).text
    [table] = [t for t in truthdb.truth("alingsas-von-2025-delarsbokslut")["tables"]
               if t["kind"] == "sjukfranvaro"]  # fmt: skip
    first = table["rows"][0]["label"]
    assert f"<option selected>{first}</option>" in page
    assert "<circle" in page


def _utfall_points(line: str) -> set[tuple[str, str, int]]:
    """(kommun, nämnd, year) of every utfall of `line` in the ground truth: one point each
    on the trend chart, whichever report printed it."""
    return {
        (doc["kommun"], doc["namnd"], cell["year"])
        for pdf in sample_pdfs()
        for doc, table in ((expected_for(pdf)["document"], t) for t in expected_for(pdf)["tables"])
        for row in table["rows"]
        if row["label"] == line
        for cell in row["cells"]
        if cell["measure"] == "utfall" and cell["value"] is not None
    }


def test_pages_read_sqlite_and_postgresql_alike(database_url: str) -> None:
    engine = truthdb.build_truth_db(database_url)
    with TestClient(create_app(engine)) as client:
        assert client.get("/").text.count('class="badge ok"') == len(sample_pdfs())
        matrix = client.get("/answers", params={"namnd": VON, "year_from": "2024"}).text
        row = matrix[matrix.index(MEASURABLE) :].split("</tr>")[0]
        assert "changed" in row
        trend = client.get("/trends", params={"line": "Personalkostnader"}).text
        assert trend.count("<circle") == len(_utfall_points("Personalkostnader"))
    engine.dispose()


def test_value_without_a_box_shows_the_whole_page(client: TestClient, truth_db: str) -> None:
    from kommunkoll import frames

    values = frames.values(truth_db)
    unboxed = values[values["x0"].isna()].iloc[0]
    page = client.get(f"/values/{int(unboxed.value_id)}").text
    assert "Värdets ruta är inte känd" in page
    assert 'id="highlight"' not in page
    assert f"/pages/{int(unboxed.page)}.png" in page


def test_chart_ticks_are_round_numbers() -> None:
    from kommunkoll.pipeline.web.svg import line_chart, nice_step

    assert [nice_step(x) for x in (138_598, 0.7, 3, 12)] == [200_000, 1, 5, 20]
    svg = line_chart({"a": [(2024, -529_486.0), (2025, -554_392.0)]}, "tkr")
    ticks = re.findall(r'class="tick">([^<]+)</text>', svg)
    assert "\u2212600\u00a0000" in ticks and "0" in ticks
    percent = line_chart({"b": [(2024, 0.3), (2025, 0.9)]}, "procent")
    assert re.findall(r'class="tick">([^<]+)</text>', percent)[:3] == ["0,0", "0,5", "1,0"]


def test_changes_only_lists_both_comments(client: TestClient) -> None:
    import html

    page = html.unescape(
        client.get("/answers", params={"namnd": VON, "year_from": "2025", "changes_only": "1"}).text
    )
    table = page[page.index('id="changes"') :]
    data = {y: truthdb.truth(f"alingsas-von-{y}-enkat")["answers"] for y in (2024, 2025)}
    before, now = (next(a for a in data[y] if a["question"] == MEASURABLE) for y in (2024, 2025))
    assert f"2024: {LABELS[before['answer']]}" in table
    assert f"2025: {LABELS[now['answer']]}" in table
    assert before["comment"] in table and now["comment"] in table
    # Only changed questions are rows of the matrix.
    matrix = page[page.index('id="matrix"') : page.index('id="changes"')]
    assert matrix.count("<tr data-key=") == table.count("<tr><td>")


# --- answers on their PDF page, search, print, several measures (issue 15) ----------------


def _serve(url: str) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "kommunkoll", "serve", "--db", url, "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
        env={**os.environ, "NO_COLOR": "1"},
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while True:
        try:
            if httpx.get(base + "/", timeout=2).status_code == 200:
                return process, base
        except httpx.HTTPError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            output = process.stdout.read().decode() if process.stdout else ""
            process.kill()
            pytest.fail(f"kommunkoll serve did not come up: {output}")
        time.sleep(0.3)


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The VON 2024 and 2025 enkät read by the real extractors, served."""
    from kommunkoll.extractors import extract_pdf
    from kommunkoll.pipeline.db import upgrade_schema
    from kommunkoll.pipeline.store import store_extraction

    url = f"sqlite:///{tmp_path_factory.mktemp('ingested') / 'k.db'}"
    engine = make_engine(url)
    upgrade_schema(engine)
    for year in (2024, 2025):
        pdf = ROOT / "samples" / f"alingsas-von-{year}-enkat.pdf"
        store_extraction(engine, extract_pdf(pdf), path=pdf)
    engine.dispose()
    process, base = _serve(url)
    yield base
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.slow
def test_browser_answer_shows_its_marked_box(ingested: str, browser) -> None:  # type: ignore[no-untyped-def]
    truth = next(
        a
        for a in truthdb.truth("alingsas-von-2025-enkat")["answers"]
        if a["question"] == MEASURABLE
    )
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(ingested + "/answers?year_from=2025&year_to=2025")
    cell = page.locator("#matrix tr", has_text=MEASURABLE).locator("td.answer").first
    # The comment opens on a click, in the cell.
    cell.locator("details.cell-comment summary").click()
    assert truth["comment"][:40] in cell.locator("details.cell-comment div").inner_text()
    cell.locator("a").click()
    page.wait_for_load_state("networkidle")
    assert page.locator("#answer-value").inner_text() == LABELS[truth["answer"]]
    assert truth["comment"][:40] in page.locator("#answer-comment").inner_text()
    image = page.locator("#pdf-page img")
    assert image.evaluate("i => i.complete && i.naturalWidth > 0")
    frame, box = image.bounding_box(), page.locator("#highlight").bounding_box()
    assert frame and box
    with pdfplumber.open(ROOT / "samples" / "alingsas-von-2025-enkat.pdf") as pdf:
        pdf_page = pdf.pages[truth["page"] - 1]
        scale = frame["width"] / float(pdf_page.width)
        x0, top = (box["x"] - frame["x"]) / scale, (box["y"] - frame["y"]) / scale
        x1, bottom = x0 + box["width"] / scale, top + box["height"] / scale
        inside = pdf_page.within_bbox((x0, top, x1, bottom))
        # The box holds a mark (a printed x or tick, a glyph, or drawn strokes)...
        marks = [c for c in inside.chars if c["text"].strip()] + inside.curves + inside.lines
        assert marks
        # ... under the header word of the truth's answer (Ja / Nej / Delvis / Vet ej): the
        # nearest header row printed before the box, on its page or an earlier one.
        centre = (x0 + x1) / 2
        headers = [
            (p.page_number, w["bottom"], w["text"])
            for p in pdf.pages[: truth["page"]]
            for w in p.extract_words()
            if w["text"] in ("Ja", "Nej", "Delvis", "Vet")
            and (p.page_number < truth["page"] or w["bottom"] < top)
            and w["x0"] - 3 <= centre <= w["x1"] + 3
        ]
        nearest = max(headers)
    assert nearest[2] == LABELS[truth["answer"]].split()[0]


@pytest.mark.slow
def test_browser_search_finds_a_decision_and_links_to_its_page(served: str, browser) -> None:  # type: ignore[no-untyped-def]
    reference = "VON § 85/2024"
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(served + "/trends")
    page.fill("header form.search input[name=q]", reference)
    page.press("header form.search input[name=q]", "Enter")
    page.wait_for_load_state()
    decisions = page.locator('#search-results tr[data-kind="decision"]')
    expected = [
        f for f in truthdb.truth("alingsas-von-2025-enkat")["findings"] if reference in f["text"]
    ]
    assert decisions.count() == len(expected)
    assert reference in decisions.first.inner_text()
    decisions.first.locator("td.snippet a").click()
    page.wait_for_load_state("networkidle")
    assert f"Sidan {expected[0]['page']} i" in page.locator("main").inner_text()
    image, box = page.locator("#pdf-page img"), page.locator("#highlight").bounding_box()
    frame = image.bounding_box()
    assert frame and box
    with pdfplumber.open(ROOT / "samples" / "alingsas-von-2025-enkat.pdf") as pdf:
        pdf_page = pdf.pages[expected[0]["page"] - 1]
        scale = frame["width"] / float(pdf_page.width)
        region = (
            (box["x"] - frame["x"]) / scale, (box["y"] - frame["y"]) / scale,
            (box["x"] - frame["x"] + box["width"]) / scale,
            (box["y"] - frame["y"] + box["height"]) / scale,
        )  # fmt: skip
        printed = pdf_page.within_bbox(region).extract_text()
    assert reference in " ".join(printed.split())


@pytest.fixture(scope="module")
def nine_columns(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, list[str]]]:
    """The truth's six nämnd-years of enkät plus three more (KFN 2024, Lerum VON 2023 and
    2024: those years' documents made from their 2025 truth), served."""
    from kommunkoll.pipeline.store import store_extraction

    url = f"sqlite:///{tmp_path_factory.mktemp('nine') / 'k.db'}"
    engine = truthdb.build_truth_db(url)
    extra = {
        "alingsas-kultur-och-fritidsnamnden-2025-enkat": [2024],
        "lerum-von-2025-enkat": [2023, 2024],
    }
    for pdf, extraction in truthdb.located_truths():
        for year in extra.get(pdf.stem, []):
            copy = extraction.model_copy(deep=True)
            copy.document.year = year
            copy.source.sha256 = hashlib.sha256(f"{pdf.stem} {year}".encode()).hexdigest()
            store_extraction(engine, copy, path=pdf)
    engine.dispose()
    labels = [
        "KFN Alingsås 2024", "KFN Alingsås 2025", "SN Alingsås 2025", "VON Alingsås 2023",
        "VON Alingsås 2024", "VON Alingsås 2025", "VON Lerum 2023", "VON Lerum 2024",
        "VON Lerum 2025",
    ]  # fmt: skip
    process, base = _serve(url)
    yield base, labels
    process.terminate()
    process.wait(timeout=20)


@pytest.mark.slow
def test_browser_print_preview_holds_every_column(nine_columns, browser, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    base, labels = nine_columns
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(base + "/answers")
    assert page.locator("#matrix th.col").count() == 9
    printed = tmp_path / "matrix.pdf"
    page.pdf(path=str(printed), prefer_css_page_size=True, print_background=True)
    with pdfplumber.open(printed) as pdf:
        texts = [" ".join((p.extract_text() or "").split()) for p in pdf.pages]
        landscape = all(p.width > p.height for p in pdf.pages)
    found = {m for t in texts for m in re.findall(r"[A-ZÅÄÖ]{2,4} (?:Alingsås|Lerum) \d{4}", t)}
    assert found == set(labels)
    assert landscape
    # The question column is printed beside every part.
    for label in labels:
        first = next(t for t in texts if label in t)
        assert MEASURABLE.split()[0] in first and "Nr" in first


@pytest.mark.slow
def test_browser_trend_page_shows_budget_against_utfall(served: str, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1280, "height": 1000})
    page.goto(served + "/trends?table=drift&line=Personalkostnader&measure=budget&measure=utfall")
    names = page.locator("svg.chart g.series").evaluate_all(
        "gs => gs.map(g => g.getAttribute('data-name'))"
    )
    assert f"{VON} (Alingsås) · Budget" in names and f"{VON} (Alingsås) · Utfall" in names
    stem = "alingsas-von-2025-delarsbokslut"
    for measure in ("Budget", "Utfall"):
        circles = page.locator(
            f'svg.chart g.series[data-name="{VON} (Alingsås) · {measure}"] circle[data-year="2025"]'
        )
        value = _drift_cell(stem, "Personalkostnader", measure.lower(), 2025)
        assert circles.get_attribute("data-value") == f"{value:g}"
    assert page.locator("svg.chart text.axis-unit").text_content() == "tkr"
    assert "Drift" in page.locator("h1").inner_text()


def test_downloads_hold_exactly_what_the_page_shows(client: TestClient, tmp_path: Path) -> None:
    import csv
    import html
    import io

    from openpyxl import load_workbook

    params = {"kommun": "Alingsås", "namnd": VON, "year_from": "2024"}
    page = html.unescape(client.get("/answers", params=params).text)
    [link] = re.findall(r'<a href="([^"]+)" id="download-csv">', page)
    rows = list(csv.reader(io.StringIO(client.get(link).content.decode("utf-8-sig"))))
    shown = re.findall(r'<tr data-key="[^"]*"><td>([^<]+)</td>', page)
    assert [r[0] for r in rows[1:]] == shown
    assert rows[0][2:] == [f"Alingsås {VON} 2024", f"Alingsås {VON} 2025"]
    [measurable] = [r for r in rows if r[1] == MEASURABLE]
    before, now = _enkat_answer(2024, MEASURABLE), _enkat_answer(2025, MEASURABLE)
    assert measurable[3] == f"{LABELS[now]} (var {LABELS[before]})"

    [xlsx] = re.findall(r'<a href="([^"]+)" id="download-xlsx">', page)
    (tmp_path / "svar.xlsx").write_bytes(client.get(xlsx).content)
    sheet = load_workbook(tmp_path / "svar.xlsx")["Svar"]
    assert [c.value for c in sheet["A"][1:]] == shown

    trend = html.unescape(
        client.get("/trends", params={"line": "Personalkostnader", "kommun": "Lerum"}).text
    )
    [link] = re.findall(r'<a href="([^"]+)" id="download-csv">', trend)
    rows = list(csv.reader(io.StringIO(client.get(link).content.decode("utf-8-sig"))))
    value = _drift_cell("lerum-von-2025-delarsbokslut", "Personalkostnader", "utfall", 2025)
    assert [(r[0], r[3], float(r[4])) for r in rows[1:] if r[3] == "2025"] == [
        ("Lerum", "2025", value)
    ]


def test_document_page_says_checks_and_finding_kinds_in_swedish(tmp_path: Path) -> None:
    """The real checks of a truth table (their stored names are the extractor's) and the
    truth's findings, as the document page words them."""
    import html

    from kommunkoll.extractors.checks import check_table
    from kommunkoll.pipeline.db import upgrade_schema
    from kommunkoll.pipeline.store import store_extraction

    engine = make_engine(f"sqlite:///{tmp_path / 'k.db'}")
    upgrade_schema(engine)
    [(pdf, extraction)] = [
        (p, e) for p, e in truthdb.located_truths() if p.stem == "alingsas-von-2025-delarsbokslut"
    ]
    extraction = extraction.model_copy(deep=True)
    [drift] = [t for t in extraction.tables if t.kind == "drift"]
    drift.checks = check_table(drift)
    document_id = store_extraction(engine, extraction, path=pdf)
    with TestClient(create_app(engine)) as client:
        page = html.unescape(client.get(f"/documents/{document_id}").text)
    engine.dispose()
    assert any("sum of the cost lines" in c.name for c in drift.checks)
    assert "= summan av kostnadsraderna" in page and "sum of the" not in page
    assert "(Utfall 2025)" in page
    kinds = {f.kind for f in extraction.findings}
    names = {"decision": "Beslut", "risk": "Risk", "action": "Åtgärd"}
    for kind in kinds:
        assert f'<span class="badge {kind}">{names[kind]}</span>' in page


def test_find_pdf_follows_the_file_into_processed_under_either_name(tmp_path: Path) -> None:
    """The flow moves a stored file to processed/, adding its hash when the name is taken."""
    from kommunkoll.models import Document
    from kommunkoll.pipeline.inbox import PROCESSED
    from kommunkoll.pipeline.web.app import find_pdf

    sha = "ab" * 32
    document = Document(filename="rapport.pdf", path=str(tmp_path / "rapport.pdf"), sha256=sha)
    assert find_pdf(document) is None
    renamed = tmp_path / PROCESSED / f"rapport-{sha[:12]}.pdf"
    renamed.parent.mkdir()
    renamed.write_bytes(b"%PDF-")
    assert find_pdf(document) == renamed
    same_name = tmp_path / PROCESSED / "rapport.pdf"
    same_name.write_bytes(b"%PDF-")
    assert find_pdf(document) == same_name


def _units_of(kind: str) -> set[tuple[str, str, int]]:
    """(kommun, nämnd, year) of every sample of one kind, from the ground truth."""
    documents = (expected_for(p)["document"] for p in sample_pdfs())
    return {(d["kommun"], d["namnd"], d["year"]) for d in documents if d["kind"] == kind}


@pytest.mark.parametrize(
    "chosen",
    [
        ["Alingsås / Socialnämnden", f"Lerum / {VON}"],
        [f"Alingsås / {VON}", f"Lerum / {VON}", "Alingsås / Kultur- och fritidsnämnden"],
        [f"Lerum / {VON}"],
    ],
)
def test_the_matrix_and_trends_take_any_set_of_namnder(
    client: TestClient, chosen: list[str]
) -> None:
    """`enhet` picks nämnder across kommuner: the matrix has a column for exactly each
    enkät of the chosen nämnder, and the trend chart a series for exactly each of them
    with a delårsbokslut ("Nämnd (Kommun)")."""
    page = client.get("/answers", params={"enhet": chosen}).text
    head = page[page.index("<thead>") : page.index("</thead>")]
    columns = re.findall(
        r'<th class="col" data-year="(\d+)">([^<]+)<br><span class="muted">([^<]+)</span>', head
    )
    wanted = {(k, n, y) for k, n, y in _units_of("enkat") if f"{k} / {n}" in chosen}
    assert sorted((k, n, int(y)) for y, n, k in columns) == sorted(wanted)

    trends = client.get(
        "/trends",
        params={
            "table": "drift",
            "line": "Personalkostnader",
            "measure": "utfall",
            "enhet": chosen,
        },
    ).text
    series = set(re.findall(r'<g class="series" data-name="([^"]+)"', trends))
    assert series == {
        f"{n} ({k})" for k, n, _ in _units_of("delarsbokslut") if f"{k} / {n}" in chosen
    }
