"""The same question across years lines up by wording, not by number (real SQLite store).

The 2023 VON sample (samples/README.md, manifest.json) renumbers section 4 (2025's "4.4."
brukarenkät question is its 4.3), rewords 1.4 ("Följer nämnden upp ..." for
"Följer nämnden/styrelsen upp ...") and asks a different 1.1 (delegationsordning).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlmodel import Session, select

from kommunkoll.extractors import extract_pdf
from kommunkoll.extractors.question_identity import (
    SAME_QUESTION,
    normalise,
    question_key,
    similarity,
)
from kommunkoll.models import Answer, Document, Question
from kommunkoll.pipeline.db import create_schema, make_engine
from kommunkoll.pipeline.store import match_question, store_extraction

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
    assert len(set(ids23.values()) & set(ids25.values())) >= len(ids23) - 2
    with Session(engine) as session:
        keys = session.exec(select(Question.key)).all()
    assert len(keys) == len(set(ids25.values()) | set(ids23.values()))


def test_two_similar_questions_in_one_document_are_not_merged(engine) -> None:  # type: ignore[no-untyped-def]
    text = "Följer nämnden/styrelsen upp hur måluppfyllelsen utvecklas under året?"
    variant = "Följer nämnden upp hur måluppfyllelsen utvecklas under året?"
    with Session(engine) as session, session.begin():
        first = match_question(session, text)
        again = match_question(session, variant)  # another year: the same question
        assert again.id == first.id
        second = match_question(session, variant, taken={first.id})  # same document
        assert second.id != first.id
        assert second.key != first.key
