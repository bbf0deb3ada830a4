"""Regroup every stored answer's question over the whole set of stored wordings.

A question's identity is a function of the set of stored questionnaires, not of the order
they were stored in (extractors/question_identity.py `group_wordings`). Each store or
replace of a document calls `regroup` in its transaction: new wordings are scored against
the stored ones once (`question_link`), the whole set is clustered again, and answers,
questions and the wording → question mapping (`question_wording`) are brought in line.

Written with SQLAlchemy Core on the few columns it needs, so migration 0006 can run it on a
database whatever later migrations add to these tables.
"""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, column, delete, insert, select, table, text, update

from kommunkoll.extractors.question_identity import (
    group_wordings,
    links,
    node_key,
    normalise,
    occurrence,
)

_answer = table(
    "answer",
    column("id"),
    column("document_id"),
    column("number"),
    column("question_text"),
    column("question_id"),
)
_document = table("document", column("id"), column("year"))
_question = table("question", column("id"), column("key"), column("text"))
_wording = table("question_wording", column("id"), column("wording"), column("question_id"))
_link = table("question_link", column("a_id"), column("b_id"), column("score"))

# Any constant: PostgreSQL's transaction-scoped advisory lock serialises regrouping.
_LOCK = 0x6B6B7167


def answer_nodes(rows: list[tuple[int, int, str, str]]) -> dict[int, str]:
    """answer id → its node, for rows (answer id, document id, number, question text).

    A wording asked twice in one document gets a second node (`occurrence`), counted in the
    order of the question numbers so the count does not depend on storage order either.
    """
    seen: dict[tuple[int, str], int] = defaultdict(int)
    nodes = {}
    for answer_id, document_id, _number, question_text in sorted(
        rows, key=lambda r: (r[1], _number_order(r[2]), r[0])
    ):
        wording = normalise(question_text)
        seen[document_id, wording] += 1
        nodes[answer_id] = occurrence(wording, seen[document_id, wording])
    return nodes


def _number_order(number: str) -> tuple[tuple[int, int | str], ...]:
    """ "1.10" after "1.9": numeric parts as numbers."""
    parts = [p for p in number.replace(",", ".").split(".") if p]
    return tuple((0, int(p)) if p.isdigit() else (1, p) for p in parts)


def regroup(connection: Connection) -> None:
    """Bring questions, answers and the wording mapping in line with all stored answers."""
    if connection.dialect.name == "postgresql":
        connection.execute(text("SELECT pg_advisory_xact_lock(:lock)"), {"lock": _LOCK})
    rows = connection.execute(
        select(
            _answer.c.id,
            _answer.c.document_id,
            _answer.c.number,
            _answer.c.question_text,
            _answer.c.question_id,
            _document.c.year,
        ).join(_document, _document.c.id == _answer.c.document_id)
    ).all()
    nodes = answer_nodes([(r.id, r.document_id, r.number, r.question_text) for r in rows])
    documents: dict[str, set[int]] = defaultdict(set)
    for r in rows:
        documents[nodes[r.id]].add(r.document_id)

    wording_ids = _update_wordings(connection, set(documents))
    names = {i: w for w, i in wording_ids.items()}
    scored = [
        (names[a], names[b], score)
        for a, b, score in connection.execute(select(_link.c.a_id, _link.c.b_id, _link.c.score))
    ]
    group_of = group_wordings(documents, scored)

    # A group's printed wording: the latest year's, the smallest text on a tie.
    latest: dict[str, tuple[int, str]] = {}
    for r in rows:
        group = group_of[nodes[r.id]]
        seen = latest.get(group)
        if seen is None or (-r.year, r.question_text) < (-seen[0], seen[1]):
            latest[group] = (r.year, r.question_text)

    question_ids = _update_questions(
        connection, {node_key(group): latest[group][1] for group in latest}
    )
    for r in rows:
        wanted = question_ids[node_key(group_of[nodes[r.id]])]
        if r.question_id != wanted:
            connection.execute(
                update(_answer).where(_answer.c.id == r.id).values(question_id=wanted)
            )
    current = dict(connection.execute(select(_wording.c.id, _wording.c.question_id)).all())
    for wording, wording_id in wording_ids.items():
        wanted = question_ids[node_key(group_of[wording])]
        if current.get(wording_id) != wanted:
            connection.execute(
                update(_wording).where(_wording.c.id == wording_id).values(question_id=wanted)
            )
    used = select(_answer.c.question_id).distinct()
    connection.execute(delete(_question).where(_question.c.id.not_in(used)))


def _update_wordings(connection: Connection, wanted: set[str]) -> dict[str, int]:
    """Stored wordings made equal to `wanted`; new ones scored against the rest once."""
    stored = dict(connection.execute(select(_wording.c.wording, _wording.c.id)).all())
    gone = [i for w, i in stored.items() if w not in wanted]
    if gone:
        connection.execute(delete(_link).where(_link.c.a_id.in_(gone) | _link.c.b_id.in_(gone)))
        connection.execute(delete(_wording).where(_wording.c.id.in_(gone)))
    kept = {w: i for w, i in stored.items() if w in wanted}
    new = sorted(wanted - set(kept))
    ids = dict(kept)
    for wording in new:
        ids[wording] = connection.execute(
            insert(_wording).values(wording=wording).returning(_wording.c.id)
        ).scalar_one()
    found = links(new, kept)
    if found:
        connection.execute(
            insert(_link),
            [{"a_id": ids[a], "b_id": ids[b], "score": score} for a, b, score in found],
        )
    return ids


def _update_questions(connection: Connection, wanted: dict[str, str]) -> dict[str, int]:
    """key → question id for every wanted key (printed wording kept current)."""
    stored = {
        r.key: (r.id, r.text)
        for r in connection.execute(select(_question.c.id, _question.c.key, _question.c.text))
    }
    ids = {}
    for key, wording in sorted(wanted.items()):
        if key in stored:
            question_id, printed = stored[key]
            if printed != wording:
                connection.execute(
                    update(_question).where(_question.c.id == question_id).values(text=wording)
                )
        else:
            question_id = connection.execute(
                insert(_question).values(key=key, text=wording).returning(_question.c.id)
            ).scalar_one()
        ids[key] = question_id
    return ids
