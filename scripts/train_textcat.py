"""Train the small sentence classifier (risk / action) on the hand-labelled dev sentences.

    .venv/bin/python scripts/train_textcat.py     # writes extractors/nlp/textcat/ (~0.3 MB)

Deterministic (fixed seed, fixed order), a few seconds on one core. Trained only on
tests/data/nlp/dev.jsonl, so benchmarks/nlp.py's held-out figures stay held out.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import spacy
from spacy.training import Example
from spacy.util import fix_random_seed, minibatch

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "nlp" / "dev.jsonl"
OUT = ROOT / "extractors" / "nlp" / "textcat"
LABELS = ("risk", "action")
EPOCHS = 25


def main() -> None:
    fix_random_seed(0)
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line]
    nlp = spacy.blank("sv")
    config = {
        "threshold": 0.5,
        "model": {
            "@architectures": "spacy.TextCatBOW.v3",
            "exclusive_classes": False,
            "ngram_size": 2,
            "no_output_layer": False,
            "length": 2**14,  # hashed n-gram table: small enough to commit
        },
    }
    textcat = nlp.add_pipe("textcat_multilabel", config=config)
    for label in LABELS:
        textcat.add_label(label)  # type: ignore[attr-defined]
    examples = [
        Example.from_dict(
            nlp.make_doc(r["text"]),
            {"cats": {label: float(label in r["labels"]) for label in LABELS}},
        )
        for r in rows
    ]
    optimizer = nlp.initialize(lambda: examples)
    rng = random.Random(0)
    for epoch in range(EPOCHS):
        rng.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=16):
            nlp.update(batch, sgd=optimizer, losses=losses)
        if epoch % 5 == 4:
            print(f"epoch {epoch + 1}: loss {losses['textcat_multilabel']:.3f}")
    shutil.rmtree(OUT, ignore_errors=True)
    nlp.to_disk(OUT)
    size = sum(p.stat().st_size for p in OUT.rglob("*") if p.is_file())
    print(f"wrote {OUT.relative_to(ROOT)} ({size / 1024:.0f} KiB) from {len(rows)} sentences")


if __name__ == "__main__":
    main()
