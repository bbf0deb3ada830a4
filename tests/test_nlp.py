"""Swedish NLP findings over the sample corpus and on text of our own.

Expected decisions and 5.1 risks come from each sample's ground truth (samples/*.expected.json);
nothing here knows which sample is which.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf
from kommunkoll.extractors.contract import Finding
from kommunkoll.extractors.nlp import find, merge, swedish

from .conftest import expected_for, sample_pdfs

SAMPLES = sample_pdfs()
IDS = [p.name for p in SAMPLES]


@pytest.fixture(scope="module")
def extractions() -> dict[str, object]:
    return {pdf.name: extract_pdf(pdf) for pdf in SAMPLES}


@pytest.mark.parametrize("pdf", SAMPLES, ids=IDS)
def test_decision_references_exactly_as_printed(pdf: Path, extractions: dict) -> None:
    """Every reference in the ground truth, in order, with its page; none invented."""
    truth = [
        (f["text"], f["page"]) for f in expected_for(pdf)["findings"] if f["kind"] == "decision"
    ]
    found = [(f.text, f.page) for f in extractions[pdf.name].findings if f.kind == "decision"]
    assert found == truth


ENKATER = [p for p in SAMPLES if expected_for(p)["document"]["kind"] == "enkat"]


@pytest.mark.parametrize("pdf", ENKATER, ids=[p.name for p in ENKATER])
def test_utmaningar_och_risker_are_risk_findings(pdf: Path, extractions: dict) -> None:
    truth = [(f["text"], f["page"]) for f in expected_for(pdf)["findings"] if f["kind"] == "risk"]
    found = [(f.text, f.page) for f in extractions[pdf.name].findings if f.kind == "risk"]
    assert truth
    assert [t for t in truth if t not in found] == []


def test_findings_carry_their_entities(extractions: dict) -> None:
    by_text = {
        f.text: f for e in extractions.values() for f in e.findings if f.entities is not None
    }
    amounts = {a for f in by_text.values() for a in f.entities.amounts}
    units = {u for f in by_text.values() for u in f.entities.units}
    assert amounts and units
    assert all(any(ch.isdigit() for ch in a) or "miljon" in a for a in amounts)


def test_entities_by_rule() -> None:
    doc = swedish()(
        "Avvikelsen är 46 miljoner kronor, 2 mnkr och -5 800 tkr, 8,3 procent och 9,1% inom "
        "avdelning hemtjänst och personlig assistans och stöd. KF 2024-11-06 § 152 gäller, "
        "liksom VON § 38/2025 den 12 juni 2025."
    )
    ents = {(e.text, e.label_) for e in doc.ents}
    assert {
        ("46 miljoner kronor", "MONEY"),
        ("2 mnkr", "MONEY"),
        ("-5 800 tkr", "MONEY"),
        ("8,3 procent", "PERCENT"),
        ("9,1%", "PERCENT"),
        ("avdelning hemtjänst", "UNIT"),
        ("personlig assistans och stöd", "UNIT"),
        ("KF 2024-11-06 § 152", "DECISION"),
        ("VON § 38/2025", "DECISION"),
        ("12 juni 2025", "DATE"),
    } <= ents


def _body_texts(tmp_path: Path, pages: list[list[str]]) -> list[str]:
    """The pages printed (a page number as footer on each) and read back through the page
    model, which sets the footers aside before the NLP sees the text."""
    import pdfplumber
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from kommunkoll.extractors.extract import read_pages

    path = tmp_path / "text.pdf"
    canvas = Canvas(str(path), pagesize=A4)
    for number, lines in enumerate(pages, start=3):
        for k, line in enumerate(lines):
            canvas.setFont("Helvetica", 10)
            canvas.drawString(72, 780 - 14 * k, line)
        canvas.drawString(290, 30, str(number))
        canvas.showPage()
    canvas.save()
    with pdfplumber.open(path) as pdf:
        return read_pages(pdf, path.name, kind="delarsbokslut").body_texts


def test_reference_split_over_lines_and_pages(tmp_path: Path) -> None:
    pages = _body_texts(
        tmp_path,
        [
            ["Nämnden beslutade om en handlingsplan VON §"],
            ["85/2024. Sammanträdet 2024-11-05 §", "53 punkt a."],
        ],
    )
    decisions = [(f.text, f.page) for f in find(pages) if f.kind == "decision"]
    assert decisions == [("VON § 85/2024", 1), ("2024-11-05 § 53 punkt a", 2)]


DECISIONS = Path(__file__).resolve().parent / "data" / "decisions"


def test_every_reference_form_once_per_page_in_a_built_pdf() -> None:
    """tests/data/decisions/make.py prints every form, split after the date, before the §,
    over the page break, three times on one page and wrapped inside a narrow table column;
    its ground truth lists each reference once per page."""
    import json

    truth = json.loads((DECISIONS / "decisions.expected.json").read_text(encoding="utf-8"))
    extraction = extract_pdf(DECISIONS / "decisions.pdf")
    found = [(f.text, f.page) for f in extraction.findings if f.kind == "decision"]
    assert found == [(f["text"], f["page"]) for f in truth["findings"]]
    # Each occurrence keeps its box: the one cited three times on page 1 has three.
    cited = next(f for f in extraction.findings if f.text == "VON § 85/2024")
    assert len(cited.boxes) == 3  # type: ignore[attr-defined]
    wrapped = next(f for f in extraction.findings if f.text == "VON § 38/2025")
    assert len(wrapped.boxes) == 2  # type: ignore[attr-defined]  # two lines of one cell
    assert wrapped.boxes[0][0] == wrapped.boxes[1][0]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "references"),
    [
        ("Sammanträdet 2024-11-05\n§ 53 punkt a. Det gäller.", ["2024-11-05 § 53 punkt a"]),
        ("Beslut enligt § 53 punkt a har fattats.", ["§ 53 punkt a"]),
        ("Fullmäktige beslutade KF § 152/2024 om budget.", ["KF § 152/2024"]),
        ("Nämndens beslut 2024-11-05, § 53 gäller.", ["2024-11-05, § 53"]),
        ("Nämnden har fattat beslut\n§ 53 om detta.", ["§ 53"]),
        ("Enligt VON § 85/2024. Även VON § 85/2024. Och VON\n§ 85/2024.", ["VON § 85/2024"]),
        ("Enligt 6 kap. 6 § kommunallagen ska nämnden besluta.", []),
        ("Budgeten 2024-12-17 VON § 85/2024 gäller.", ["VON § 85/2024"]),
        ("Den 6 november 2024 § 3 punkt 2 beslöts det.", ["Den 6 november 2024 § 3 punkt 2"]),
    ],
)
def test_reference_forms_in_text(text: str, references: list[str]) -> None:
    assert [f.text for f in find([text]) if f.kind == "decision"] == references


def test_risk_list_item_spanning_a_page_break(tmp_path: Path) -> None:
    pages = _body_texts(
        tmp_path,
        [
            [
                "5 Utmaningar och risker",
                "5.1 Redogör för utmaningar och risker",
                "1. Bristen på sjuksköterskor är en utmaning",
            ],
            ["som väntas öka.", "2. Lokalerna räcker inte."],
        ],
    )
    risks = [(f.text, f.page) for f in find(pages) if f.kind == "risk"]
    assert risks == [
        ("Bristen på sjuksköterskor är en utmaning som väntas öka.", 1),
        ("Lokalerna räcker inte.", 2),
    ]


def test_questions_are_not_tagged_but_their_comments_are() -> None:
    pages = [
        "4.3 Vilka åtgärder planeras utifrån de beslut som ej är verkställda?\n"
        "Förvaltningen rekryterar fler kontaktpersoner under hösten.\n"
    ]
    found = find(pages)
    assert [f.kind for f in found] == ["action"]
    assert found[0].text.startswith("Förvaltningen rekryterar")


def _f(kind: str, text: str, page: int) -> Finding:
    return Finding(kind=kind, text=text, page=page)  # type: ignore[arg-type]


def test_merge_drops_what_another_extractor_already_found() -> None:
    tables = [_f("risk", "Att nämnden saknar lokaler.", 9), _f("action", "Ses över.", 9)]
    nlp = [
        _f("decision", "VON § 85/2024", 2),
        _f("decision", "VON § 85/2024", 2),  # cited twice on the page: stays twice
        _f("risk", "att  nämnden saknar\nlokaler", 9),  # the same risk, other spacing
        _f("risk", "Att nämnden saknar lokaler.", 8),  # another page: another finding
    ]
    merged = merge(tables, nlp)
    assert [(f.kind, f.page) for f in merged] == [
        ("decision", 2),
        ("decision", 2),
        ("risk", 8),
        ("risk", 9),
        ("action", 9),
    ]
    assert merge(nlp, nlp) == sorted(nlp, key=lambda f: f.page)


@pytest.mark.slow
def test_extraction_works_without_network(tmp_path: Path) -> None:
    """No model or data is fetched at run time: proxies point nowhere and sockets are refused."""
    pdf = next(p for p in SAMPLES if "enkat" in p.name)
    code = (
        "import sys, json\n"
        "def deny(event, args):\n"
        "    if event in ('socket.connect', 'socket.getaddrinfo'):\n"
        "        raise OSError('network use at run time: ' + repr(args))\n"
        "sys.addaudithook(deny)\n"
        "from kommunkoll.extractors import extract_pdf\n"
        f"e = extract_pdf({str(pdf)!r})\n"
        "print(json.dumps([f.text for f in e.findings if f.kind == 'decision']))\n"
    )
    unroutable = "http://10.255.255.1:9"
    env = {
        **os.environ,
        "HTTP_PROXY": unroutable,
        "HTTPS_PROXY": unroutable,
        "ALL_PROXY": unroutable,
        "http_proxy": unroutable,
        "https_proxy": unroutable,
        "HF_HUB_OFFLINE": "1",
        "NO_PROXY": "",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True,
        timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    truth = [f["text"] for f in expected_for(pdf)["findings"] if f["kind"] == "decision"]
    assert truth and result.stdout.strip() == __import__("json").dumps(truth)


DATA = Path(__file__).resolve().parent / "data" / "nlp"


def _rows(part: str) -> list[dict]:
    lines = (DATA / f"{part}.jsonl").read_text(encoding="utf-8").splitlines()
    return [__import__("json").loads(line) for line in lines if line]


def test_evaluation_set_is_labelled_and_split() -> None:
    dev, heldout = _rows("dev"), _rows("heldout")
    assert len(dev) >= 100 and len(heldout) >= 100
    for row in dev + heldout:
        assert set(row["labels"]) <= {"risk", "action"}
        assert row["unit"] in {"sentence", "item"}
    for part in (dev, heldout):
        assert sum("risk" in r["labels"] for r in part) >= 10
        assert sum("action" in r["labels"] for r in part) >= 10
    # nothing held out was seen in development
    assert not {r["text"].casefold() for r in dev} & {r["text"].casefold() for r in heldout}


def test_classifier_is_shipped_and_learned_its_training_sentences() -> None:
    from kommunkoll.extractors.nlp.pipeline import classify

    actions = [r["text"] for r in _rows("dev") if r["labels"] == ["action"]][:20]
    neither = [r["text"] for r in _rows("dev") if not r["labels"]][:20]
    assert sum("action" in tags for tags in classify(actions)) >= 15
    assert sum("action" in tags for tags in classify(neither)) <= 5


@pytest.mark.slow
def test_benchmark_prints_held_out_scores() -> None:
    root = Path(__file__).resolve().parent.parent
    result = subprocess.run(
        [sys.executable, str(root / "benchmarks" / "nlp.py")],
        capture_output=True, text=True, check=True, timeout=300,
    )  # fmt: skip
    lines = result.stdout.splitlines()
    assert lines[0].startswith("heldout")
    for tag in ("risk", "action"):
        f1 = float(next(ln for ln in lines if ln.split()[:1] == [tag]).split()[-1])
        assert 0.0 < f1 <= 1.0
    assert "sentences/s" in result.stdout


def test_dates_units_and_ranges() -> None:
    from kommunkoll.extractors.nlp.findings import entities

    doc = swedish()(
        "Vård- och omsorgsförvaltningen prognostiserar i augusti ett underskott, och "
        "personalomsättningen ökade från 6,4 till 8,3 procent under våren 2025 och "
        "januari–augusti 2025 samt kvartal två 2024."
    )
    found = entities(doc[:])
    assert found is not None
    assert found.units == ["Vård- och omsorgsförvaltningen"]
    assert found.percentages == ["6,4", "8,3 procent"]
    assert found.dates == ["augusti", "våren 2025", "januari–augusti 2025", "kvartal två 2024"]
