"""The same question across years lines up by wording, not by number (real SQLite store).

The 2023 VON sample (samples/README.md, manifest.json) renumbers section 4 (2025's "4.4."
brukarenkät question is its 4.3), rewords 1.4 ("Följer nämnden upp ..." for
"Följer nämnden/styrelsen upp ...") and asks a different 1.1 (delegationsordning).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlmodel import Session, select

from kommunkoll.extractors import extract_pdf
from kommunkoll.extractors.question_identity import (
    SAME_QUESTION,
    group_wordings,
    links,
    normalise,
    question_key,
    similarity,
)
from kommunkoll.models import Answer, Document, Kommun, Namnd, Question, QuestionWording
from kommunkoll.pipeline.db import create_schema, make_engine
from kommunkoll.pipeline.store import replace_extraction, store_extraction

from .conftest import SAMPLES, expected_for


def test_normalise_sets_aside_case_punctuation_and_years() -> None:
    a = "Finns det en fastställd internkontrollplan för 2024?"
    b = "finns det en fastställd  internkontrollplan för 2025"
    assert normalise(a) == normalise(b)
    assert question_key(a) == question_key(b)
    assert question_key(a) != question_key("Har en verksamhetsplan antagits?")


def test_similarity_tells_a_rewording_from_another_question() -> None:
    reworded = similarity(
        "Följer nämnden/styrelsen upp hur måluppfyllelsen utvecklas under året?",
        "Följer nämnden upp hur måluppfyllelsen utvecklas under året?",
    )
    different = similarity(
        "Beslutar nämnden/styrelsen om åtgärder vid brister i måluppfyllelsen?",
        "Beslutar nämnden/styrelsen om åtgärder vid eventuella budgetavvikelser?",
    )
    assert reworded >= SAME_QUESTION > different


@pytest.fixture
def engine(tmp_path: Path):  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'identity.db'}")
    create_schema(engine)
    yield engine
    engine.dispose()


def _question_ids(engine, year: int) -> dict[str, int]:  # type: ignore[no-untyped-def]
    with Session(engine) as session:
        rows = session.exec(
            select(Answer.number, Answer.question_id)
            .join(Document, Document.id == Answer.document_id)
            .where(Document.year == year)
        ).all()
    return dict(rows)


def test_renumbered_and_reworded_questions_map_to_the_same_question(engine) -> None:  # type: ignore[no-untyped-def]
    for name in ("alingsas-von-2025-enkat.pdf", "alingsas-von-2023-enkat.pdf"):
        store_extraction(engine, extract_pdf(SAMPLES / name))
    ids25, ids23 = _question_ids(engine, 2025), _question_ids(engine, 2023)
    truth25 = {
        a["number"]: a["question"]
        for a in expected_for(SAMPLES / "alingsas-von-2025-enkat.pdf")["answers"]
    }
    truth23 = {
        a["number"]: a["question"]
        for a in expected_for(SAMPLES / "alingsas-von-2023-enkat.pdf")["answers"]
    }
    # Renumbered: printed identically under another number.
    assert truth23["4.3"] == truth25["4.4."]
    assert ids23["4.3"] == ids25["4.4."]
    # Reworded: another wording under the same number, still the same question.
    assert truth23["1.4"] != truth25["1.4"]
    assert ids23["1.4"] == ids25["1.4"]
    # A genuinely different question is not matched to any 2025 question.
    assert ids23["1.1"] not in ids25.values()
    # Questions of one questionnaire stay apart, and most questions recur.
    assert len(set(ids25.values())) == len(ids25)
    assert len(set(ids23.values())) == len(ids23)

    # Exactly the 2023 questions printed as in 2025 (years aside), and the reworded 1.4.
    def printed(question: str) -> str:
        return " ".join(re.sub(r"\b(19|20)\d\d\b", "ÅÅÅÅ", question).casefold().split())

    wordings25 = {printed(q) for q in truth25.values()}
    recurring = {n for n, q in truth23.items() if printed(q) in wordings25} | {"1.4"}
    assert {n for n, i in ids23.items() if i in set(ids25.values())} == recurring
    with Session(engine) as session:
        keys = session.exec(select(Question.key)).all()
    assert len(keys) == len(set(ids25.values()) | set(ids23.values()))


def test_two_similar_questions_in_one_document_are_not_merged() -> None:
    text = normalise("Följer nämnden/styrelsen upp hur måluppfyllelsen utvecklas under året?")
    variant = normalise("Följer nämnden upp hur måluppfyllelsen utvecklas under året?")
    scored = links([text, variant], [])
    assert [(a, b) for a, b, _ in scored] == [(min(text, variant), max(text, variant))]
    # Other years: one question.
    apart = group_wordings({text: {"2024"}, variant: {"2025"}}, scored)
    assert apart[text] == apart[variant]
    # Both in one questionnaire: two questions.
    together = group_wordings({text: {"2025"}, variant: {"2025"}}, scored)
    assert together[text] != together[variant]


def test_grouping_merges_most_similar_first_whatever_the_order_given() -> None:
    """Three wordings where a and c both resemble b, and a and c share a document: b joins
    the one it resembles most, in any order the pairs and documents are handed over."""
    a = "foljer namnden upp hur maluppfyllelsen utvecklas"
    b = "foljer namnden upp hur maluppfyllelsen utvecklas under aret"
    c = "foljer namnden upp hur maluppfyllelsen utvecklas under aret x"
    scored = [(x, y, similarity(x, y)) for x, y in ((a, b), (b, c), (a, c))]
    assert similarity(b, c) > similarity(a, b) > similarity(a, c) >= SAME_QUESTION
    documents = {a: {1}, b: {2}, c: {1}}
    first = group_wordings(documents, scored)
    again = group_wordings(dict(reversed(documents.items())), list(reversed(scored)))
    assert first == again
    assert first[b] == first[c] != first[a]


SETS = [
    "alingsas-von-2023-enkat.pdf",
    "alingsas-von-2024-enkat.pdf",
    "alingsas-von-2025-enkat.pdf",
    "alingsas-socialnamnden-2025-enkat.pdf",
    "lerum-von-2025-enkat.pdf",
]


@pytest.fixture(scope="module")
def extractions() -> dict[str, object]:
    return {name: extract_pdf(SAMPLES / name) for name in SETS}


def _grouping(engine) -> tuple[frozenset[frozenset[tuple]], dict[tuple, str]]:  # type: ignore[no-untyped-def]
    """Answers as (kommun, nämnd, year, number), grouped by question; and each one's key."""
    with Session(engine) as session:
        rows = session.exec(
            select(Kommun.name, Namnd.name, Document.year, Answer.number, Question.key)
            .join(Document, Document.id == Answer.document_id)
            .join(Namnd, Namnd.id == Document.namnd_id)
            .join(Kommun, Kommun.id == Namnd.kommun_id)
            .join(Question, Question.id == Answer.question_id)
        ).all()
    groups: dict[str, set[tuple]] = {}
    for *where, key in rows:
        groups.setdefault(key, set()).add(tuple(where))
    return frozenset(frozenset(g) for g in groups.values()), {
        tuple(where): key for *where, key in rows
    }


def test_question_identity_does_not_depend_on_ingest_order(tmp_path: Path, extractions) -> None:  # type: ignore[no-untyped-def]
    """Three years and two kommuner stored in several orders give one grouping and one key
    per answer; the stored wording mapping agrees with the answers."""
    by_year = sorted(SETS, key=lambda n: (int(n.split("-")[-2]), n))
    orders = {
        "2025 first": sorted(by_year, key=lambda n: -int(n.split("-")[-2])),
        "2023 first": by_year,
        "reverse": list(reversed(SETS)),
        "lerum first": sorted(SETS, key=lambda n: not n.startswith("lerum")),
    }
    results = {}
    for label, order in orders.items():
        engine = make_engine(f"sqlite:///{tmp_path / (label.replace(' ', '_') + '.db')}")
        create_schema(engine)
        for name in order:  # one at a time, each in its own transaction
            store_extraction(engine, extractions[name])
        results[label] = _grouping(engine)
        with Session(engine) as session:
            mapping = {w.wording: w.question_id for w in session.exec(select(QuestionWording))}
            for a in session.exec(select(Answer)).all():
                assert mapping[normalise(a.question_text)] == a.question_id
        engine.dispose()
    first = results["2025 first"]
    for label, result in results.items():
        assert result == first, label
    groups, keys = first
    answers = sum(len(extractions[n].answers) for n in SETS)  # type: ignore[attr-defined]
    assert len(keys) == answers
    # The ground truth's renumbered question lines up: 2023's 4.3 is 2025's "4.4.".
    von = ("Alingsås", "Vård- och omsorgsnämnden")
    assert keys[(*von, 2023, "4.3")] == keys[(*von, 2025, "4.4.")]
    # Within one questionnaire, every answer is its own question.
    for group in groups:
        documents = [(k, n, y) for k, n, y, _ in group]
        assert len(documents) == len(set(documents))


def test_replacing_a_document_regroups_as_if_stored_fresh(tmp_path: Path, extractions) -> None:  # type: ignore[no-untyped-def]
    engine = make_engine(f"sqlite:///{tmp_path / 'replace.db'}")
    create_schema(engine)
    for name in SETS:
        store_extraction(engine, extractions[name])
    before = _grouping(engine)
    for name in reversed(SETS):
        replace_extraction(engine, extractions[name])
    assert _grouping(engine) == before
    with Session(engine) as session:
        used = set(session.exec(select(Answer.question_id)).all())
        assert set(session.exec(select(Question.id)).all()) == used
    engine.dispose()


def test_migration_regroups_a_database_stored_in_the_old_order(
    tmp_path: Path,
    extractions,  # type: ignore[no-untyped-def]
    database_url: str,
) -> None:
    """A database filled before 0006 (keys from first-come matching, "-2" suffixes) gets, on
    upgrade, exactly the grouping and keys a fresh store of the same documents gets."""
    from sqlalchemy import text

    from kommunkoll.pipeline.db import upgrade_schema

    fresh = make_engine(f"sqlite:///{tmp_path / 'fresh.db'}")
    create_schema(fresh)
    for name in SETS:
        store_extraction(fresh, extractions[name])
    wanted = _grouping(fresh)
    fresh.dispose()

    old = make_engine(database_url)
    upgrade_schema(old, "0002")
    with old.begin() as db:
        for d, name in enumerate(SETS, start=1):
            ex = extractions[name]
            db.execute(
                text("INSERT INTO kommun (id, name) VALUES (:i, :n) ON CONFLICT DO NOTHING"),
                {"i": 1 if ex.document.kommun == "Alingsås" else 2, "n": ex.document.kommun},
            )
            db.execute(
                text("INSERT INTO namnd (id, kommun_id, name) VALUES (:i, :k, :n)"),
                {"i": d, "k": 1 if ex.document.kommun == "Alingsås" else 2, "n": name},
            )
            db.execute(
                text(
                    "INSERT INTO document (id, sha256, filename, kind, namnd_id, year, pages,"
                    " extractor_version, ingested_at) VALUES (:i, :s, :f, 'enkat', :i, :y, 1,"
                    " 'old', CURRENT_TIMESTAMP)"
                ),
                {"i": d, "s": ex.source.sha256, "f": name, "y": ex.document.year},
            )
            for a in ex.answers:
                # The old store: one question per answer, keyed by arrival ("<key>-<doc>").
                q = db.execute(
                    text("INSERT INTO question (key, text) VALUES (:k, :t) RETURNING id"),
                    {"k": f"{question_key(a.question)}-{d}-{a.number}", "t": a.question},
                ).scalar_one()
                db.execute(
                    text(
                        "INSERT INTO answer (document_id, question_id, number, question_text,"
                        " answer, comment, page) VALUES (:d, :q, :n, :t, :a, :c, :p)"
                    ),
                    {
                        "d": d,
                        "q": q,
                        "n": a.number,
                        "t": a.question,
                        "a": a.answer,
                        "c": a.comment,
                        "p": a.page,
                    },
                )
    upgrade_schema(old)
    # Namnd names above are the file names; compare the grouping of (document, number).
    _groups, keys = _grouping(old)
    old.dispose()
    by_file = {
        (ex.document.kommun, ex.document.namnd, ex.document.year): name
        for name, ex in extractions.items()
    }
    wanted_keys = {(by_file[k, n, y], number): key for (k, n, y, number), key in wanted[1].items()}
    got_keys = {(namnd, number): key for (_k, namnd, _y, number), key in keys.items()}
    assert got_keys == wanted_keys
