"""Check the generated corpus: arithmetic, year chaining, and pages against the PDFs.

Run after generate.py: `.venv/bin/python samples/check.py`. Prints every violation; the
seed's own rounding differences (kept on purpose, see README) are reported as "known".
Exit status 1 if anything unexpected is found.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pdfplumber

SAMPLES = Path(__file__).resolve().parent
COSTS = ["Personalkostnader", "Lokalhyror", "Köp av tjänster", "Övriga kostnader"]
S25, S24 = "alingsas-von-2025-delarsbokslut", "alingsas-von-2024-delarsbokslut"
# (file stem, table kind, row label, what): sums the real report prints off by one.
KNOWN = {
    (S25, "drift", "Verksamhetens kostnader", "sum budget/2025"),
    (S25, "drift", "Verksamhetens kostnader", "sum utfall/2024"),
    (S25, "drift", "Verksamhetens nettokostnader", "netto budget/2025"),
    (S25, "drift", "Köp av tjänster", "differens"),
    (S25, "drift", "Finansnetto", "differens"),
    (S25, "drift", "Årets resultat", "resultat utfall/2025"),
    (S25, "drift", "Årets resultat", "differens"),
    (S25, "drift", "Verksamhetens kostnader", "avvikelse"),
    (S25, "drift", "Verksamhetens kostnader", "sum utfall/2025"),
    (S25, "investeringar", "Inventarier", "avvikelse"),
    (S25, "investeringar", "Maskiner", "avvikelse"),
    (S25, "investeringar", "Maskiner", "differens"),
    (S25, "investeringar", "Vårdarhjälpmedel", "differens"),
    (S25, "investeringar", "Sängar", "differens"),
    (S25, "investeringar", "Reinvestering", "sum utfall/2024"),
    # The 2024 report's utfall/2024 column is the 2025 report's, quirks included.
    (S24, "drift", "Verksamhetens kostnader", "sum utfall/2024"),
    (S24, "investeringar", "Reinvestering", "sum utfall/2024"),
    (S24, "investeringar", "Reinvestering", "sum differens/2024"),
}


def squash(text: str) -> str:
    return "".join(text.split())


def cell(row: dict, measure: str, year: int) -> float | None:
    for c in row["cells"]:
        if c["measure"] == measure and c["year"] == year:
            return c["value"]
    raise KeyError((row["label"], measure, year))


def keys(row: dict) -> list[tuple[str, int]]:
    return [(c["measure"], c["year"]) for c in row["cells"]]


def check_table(stem: str, t: dict, year: int, bad: list) -> None:
    rows = {r["label"]: r for r in t["rows"]}

    def fail(label: str, what: str, got: object, want: object) -> None:
        known = (stem, t["kind"], label, what) in KNOWN
        bad.append((known, f"{stem} {t['kind']} {label!r} {what}: {got} != {want}"))

    def z(v: float | None) -> float:
        return v or 0

    for r in t["rows"]:
        measures = dict(keys(r))
        # An årsredovisning's avvikelse and differens are of the whole year's bokslut.
        forecast = "bokslut" if "bokslut" in measures else "prognos"
        outcome = "bokslut" if "bokslut" in measures else "utfall"
        if "avvikelse" in measures:
            want = z(cell(r, forecast, year)) - z(cell(r, "budget", year))
            if cell(r, "avvikelse", year) != want:
                fail(r["label"], "avvikelse", cell(r, "avvikelse", year), want)
        if "differens" in measures:
            want = round(z(cell(r, outcome, year)) - z(cell(r, outcome, year - 1)), 1)
            if round(cell(r, "differens", year), 1) != want:
                fail(r["label"], "differens", cell(r, "differens", year), want)
    if t["kind"] == "drift":
        for measure, y in keys(t["rows"][0]):
            if measure in ("avvikelse", "differens"):
                continue
            costs = sum(z(cell(rows[c], measure, y)) for c in COSTS)
            total = cell(rows["Verksamhetens kostnader"], measure, y)
            if costs != total:
                fail("Verksamhetens kostnader", f"sum {measure}/{y}", total, costs)
            netto = z(cell(rows["Verksamhetens intäkter"], measure, y)) + total
            got = cell(rows["Verksamhetens nettokostnader"], measure, y)
            if got != netto:
                fail("Verksamhetens nettokostnader", f"netto {measure}/{y}", got, netto)
            res = got + cell(rows["Kommunbidrag"], measure, y)
            res += z(cell(rows["Finansnetto"], measure, y))
            if cell(rows["Årets resultat"], measure, y) != res:
                fail("Årets resultat", f"resultat {measure}/{y}",
                     cell(rows["Årets resultat"], measure, y), res)  # fmt: skip
    if t["kind"] == "investeringar":
        parents = [r["label"] for r in t["rows"] if not r.get("parent")][:-1]
        for measure, y in keys(t["rows"][0]):
            for p in parents:
                kids = [r for r in t["rows"] if r.get("parent") == p]
                want = sum(z(cell(k, measure, y)) for k in kids)
                if cell(rows[p], measure, y) != want:
                    fail(p, f"sum {measure}/{y}", cell(rows[p], measure, y), want)
            total = t["rows"][-1]
            want = sum(z(cell(rows[p], measure, y)) for p in parents)
            if cell(total, measure, y) != want:
                fail(total["label"], f"total {measure}/{y}", cell(total, measure, y), want)


def column(doc: dict, kind: str, measure: str, year: int) -> dict[str, float | None]:
    t = next(t for t in doc["tables"] if t["kind"] == kind)
    return {r["label"]: cell(r, measure, year) for r in t["rows"]}


def check_chain(newer: dict, older: dict, bad: list) -> None:
    y = older["document"]["year"]
    for kind in ("drift", "investeringar", "personalomsattning", "sjukfranvaro"):
        a, b = column(newer, kind, "utfall", y), column(older, kind, "utfall", y)
        if a != b:
            bad.append((False, f"chain {kind} {y}: {newer['source']['filename']} != "
                               f"{older['source']['filename']}"))  # fmt: skip


def check_pages(doc: dict, pdf: Path, bad: list) -> None:
    """Each located item's first words really are on the page the ground truth names
    (word by word, since pdfplumber interleaves the lines of side-by-side table cells)."""
    with pdfplumber.open(pdf) as p:
        pages = [squash(page.extract_text() or "") for page in p.pages]

    def on(page: int, text: str, what: str, words: int = 6) -> None:
        missing = [w for w in text.split()[:words] if w not in pages[page - 1]]
        if missing:
            bad.append((False, f"{pdf.name}: {what} not on page {page}: {text[:50]!r} {missing}"))

    for t in doc["tables"]:
        on(t["page"], t["title"] or t["rows"][0]["label"], f"table {t['kind']}")
    for a in doc["answers"]:
        on(a["page"], f"{a['number']} {a['question']}", f"question {a['number']}")
    for f in doc["findings"]:
        on(f["page"], f["text"], f"{f['kind']} finding", words=2)  # a finding may cross pages


def main() -> int:
    bad: list[tuple[bool, str]] = []
    docs = {}
    for path in sorted(SAMPLES.glob("*.expected.json")):
        doc = json.loads(path.read_text(encoding="utf-8"))
        stem = path.name.removesuffix(".expected.json")
        docs[stem] = doc
        for t in doc["tables"]:
            check_table(stem, t, doc["document"]["year"], bad)
        check_pages(doc, SAMPLES / doc["source"]["filename"], bad)
        size = (SAMPLES / doc["source"]["filename"]).stat().st_size
        if size > 300_000:
            bad.append((False, f"{stem}: {size} bytes"))
    check_chain(docs["alingsas-von-2025-delarsbokslut"], docs["alingsas-von-2024-delarsbokslut"],
                bad)  # fmt: skip
    check_chain(docs["alingsas-von-2024-delarsbokslut"], docs["alingsas-von-2023-delarsbokslut"],
                bad)  # fmt: skip
    for known, message in bad:
        print(("known: " if known else "FAIL: ") + message)
    unexpected = sum(1 for known, _ in bad if not known)
    print(f"{len(docs)} samples checked, {unexpected} unexpected problems")
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
