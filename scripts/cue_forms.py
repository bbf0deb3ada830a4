"""Write extractors/data/cue_forms.json: every word form whose lemma is a cue lemma.

The risk and action rules (extractors/nlp/tagging.py) ask one thing of a lemma table:
is this word's lemma one of a few cue lemmas? Loading spacy-lookups-data's Swedish table
(660,000 forms) costs over a second and ~250 MB in every process for that, so the answer
is computed here once: a form matches when the table maps it to a cue lemma, or when it is
a cue lemma the table does not hold (a lookup falls back to the word itself). Run again
after changing the cue lemmas or spacy-lookups-data; a test checks the file is current.

    .venv/bin/python scripts/cue_forms.py
"""

from __future__ import annotations

import gzip
import json
import sys
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "extractors" / "data" / "cue_forms.json"


def lemma_table() -> dict[str, str]:
    """spacy-lookups-data's Swedish lookup table: word form → lemma."""
    path = files("spacy_lookups_data") / "data" / "sv_lemma_lookup.json.gz"
    with gzip.open(str(path), "rt", encoding="utf-8") as handle:
        return json.load(handle)


def forms_of(cues: set[str], table: dict[str, str]) -> list[str]:
    """The forms `table.get(form, form) in cues` holds for, sorted."""
    found = {form for form, lemma in table.items() if lemma in cues}
    found |= {cue for cue in cues if cue not in table}
    return sorted(found)


def cue_forms() -> dict[str, object]:
    from kommunkoll.extractors.nlp.tagging import ACTION_LEMMAS, RISK_LEMMAS

    table = lemma_table()
    return {
        "source": f"spacy-lookups-data {version('spacy-lookups-data')}: sv_lemma_lookup",
        "lemmas": {"risk": sorted(RISK_LEMMAS), "action": sorted(ACTION_LEMMAS)},
        "forms": {"risk": forms_of(RISK_LEMMAS, table), "action": forms_of(ACTION_LEMMAS, table)},
    }


def main() -> None:
    text = json.dumps(cue_forms(), ensure_ascii=False, indent=1) + "\n"
    TARGET.write_text(text, encoding="utf-8")
    sys.stdout.write(f"{TARGET.relative_to(ROOT)}: {len(text)} bytes\n")


if __name__ == "__main__":
    main()
