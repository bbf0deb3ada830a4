"""Arithmetic a random report's ground truth must obey (what checks.py verifies on reads).

Drift (lines found by their role, since the wording varies): cost lines sum to the
kostnader line, netto = intäkter + kostnader, resultat = netto + kommunbidrag +
finansnetto. Every table: avvikelse = prognos − budget, differens = utfall(year) −
utfall(year − 1). Investeringar: sub-lines sum to their parent, parents to the total.
Sjukfrånvaro: the total is the sum of the three length bands. A result-per-verksamhet
table: the last line sums the others. mnkr tables allow one unit of the last printed
digit (0.1); a blank cell counts as 0.
"""

from __future__ import annotations

from . import random_vocab as V

EPS = 1e-6


def _z(v: float | None) -> float:
    return v or 0


def _cells(row: dict) -> dict[tuple, float | None]:
    return {(c["measure"], c["year"]): c["value"] for c in row["cells"]}


def check_table(table: dict, year: int, roles: dict[str, str], tol: float) -> list[str]:
    bad: list[str] = []

    def expect(what: str, got: float | None, want: float) -> None:
        if abs(_z(got) - want) > tol + EPS:
            bad.append(f"{table['kind']} {what}: {got} != {round(want, 1)}")

    for row in table["rows"]:
        c = _cells(row)
        if ("avvikelse", year) in c and ("prognos", year) in c and ("budget", year) in c:
            want = _z(c["prognos", year]) - _z(c["budget", year])
            expect(f"{row['label']!r} avvikelse", c["avvikelse", year], want)
        if ("differens", year) in c and ("utfall", year) in c and ("utfall", year - 1) in c:
            want = _z(c["utfall", year]) - _z(c["utfall", year - 1])
            expect(f"{row['label']!r} differens", c["differens", year], want)
    keys = [k for k in _cells(table["rows"][0]) if k[0] in ("budget", "prognos", "utfall")]
    if table["kind"] == "drift":
        by_role = {roles[r["label"]]: _cells(r) for r in table["rows"]}
        for k in keys:
            costs = sum(_z(by_role[r][k]) for r in V.COST_ROLES)
            expect(f"kostnader {k}", by_role["kostnader"][k], costs)
            netto = _z(by_role["intakter"][k]) + _z(by_role["kostnader"][k])
            expect(f"netto {k}", by_role["netto"][k], netto)
            fin = _z(by_role["finansnetto"][k]) if "finansnetto" in by_role else 0
            res = _z(by_role["netto"][k]) + _z(by_role["kommunbidrag"][k]) + fin
            expect(f"resultat {k}", by_role["resultat"][k], res)
    if table["kind"] == "investeringar":
        rows = table["rows"]
        parents = [r for r in rows[:-1] if not r.get("parent")]
        for k in keys:
            for p in parents:
                kids = [_z(_cells(r)[k]) for r in rows if r.get("parent") == p["label"]]
                expect(f"{p['label']!r} {k}", _cells(p)[k], sum(kids))
            expect(f"total {k}", _cells(rows[-1])[k], sum(_z(_cells(p)[k]) for p in parents))
    if table["kind"] == "sjukfranvaro":
        rows = {r["label"]: _cells(r) for r in table["rows"]}
        total = rows.get(V.SICK_GROUP_TOTAL) or rows.get("Totalt")
        bands = [rows[b] for b in ("Dag 1-14", "Dag 15-59", "Dag 60 >") if b in rows]
        if total and len(bands) == 3:
            for k in total:
                if k[0] == "utfall":
                    expect(f"total {k}", total[k], sum(_z(b[k]) for b in bands))
    if table["kind"] == "ovrigt" and ("budget", year) in _cells(table["rows"][0]):
        *lines, last = table["rows"]
        for k in _cells(last):
            expect(f"summa {k}", _cells(last)[k], sum(_z(_cells(r)[k]) for r in lines))
    return bad


def check(expected: dict) -> list[str]:
    """Every arithmetic rule the document's tables break (empty when consistent)."""
    gen = expected["generator"]
    year = expected["document"]["year"]
    bad = []
    for i, table in enumerate(expected["tables"]):
        bad += check_table(table, year, gen["roles"][i], gen["unit_tolerance"][i])
    return bad
