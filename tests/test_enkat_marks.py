"""Every way a mark is drawn, on PDFs made here: the expected answer is what the test drew."""

from __future__ import annotations

from pathlib import Path

import pytest

from kommunkoll.extractors import extract_pdf

from .enkat_pdf import Q, make_enkat_pdf

VALUE = {"Ja": "ja", "Nej": "nej", "Delvis": "delvis", "Vet ej": "vet_ej"}
STYLES = ["x", "check", "glyph", "drawn", "ticked", "filled", "boxed_x", "form", "radio"]
KIND = {
    "x": "text",
    "check": "text",
    "glyph": "glyph",
    "drawn": "drawn",
    "filled": "drawn",
    "ticked": "drawn",
    "boxed_x": "text",
    "form": "form",
    "radio": "form",
}


def _questions() -> list[Q]:
    return [
        Q("1.1", "Har nämnden fastställt mål?", ["Nej"], comment=["Målen bryts inte ned."]),
        Q("1.2", "Följs målen upp under året?", ["Ja"], comment=["Två gånger per år."]),
        Q("1.3", "Finns en analys av avvikelser?", ["Vet ej"]),
        Q("1.4", "Beslutas åtgärder vid brister?", ["Delvis"], comment=["Ibland."]),
        Q("1.5", "Har en verksamhetsplan antagits?", [], comment=["Inget svar markerat."]),
        Q("1.6", "Hur ser personalomsättningen ut?", boxed=False, comment=["Den har ökat."]),
    ]


def _by_number(pdf: Path) -> dict[str, object]:
    return {a.number: a for a in extract_pdf(pdf).answers}


@pytest.mark.parametrize("style", STYLES)
def test_each_mark_kind_gives_the_marked_column(tmp_path: Path, style: str) -> None:
    questions = _questions()
    answers = _by_number(make_enkat_pdf(tmp_path / f"{style}.pdf", questions, style=style))
    assert list(answers) == [q.number for q in questions]
    for q in questions:
        got = answers[q.number]
        expected = VALUE[q.marked[0]] if q.marked else None
        assert got.answer == expected, (style, q.number)
        assert got.flags == []
        assert [m.kind for m in got.marks] == ([KIND[style]] if q.marked else [])
        assert got.question == q.text
        assert " ".join(got.comment.split()) == " ".join(q.comment)


@pytest.mark.parametrize("style", ["x", "glyph", "drawn", "form"])
def test_columns_in_another_order(tmp_path: Path, style: str) -> None:
    """Vet ej first, Ja last: the column under the mark decides, not its place in the row."""
    order = ("Vet ej", "Delvis", "Nej", "Ja")
    questions = _questions()
    pdf = make_enkat_pdf(tmp_path / "order.pdf", questions, columns=order, style=style)
    answers = _by_number(pdf)
    assert [answers[q.number].answer for q in questions] == [
        VALUE[q.marked[0]] if q.marked else None for q in questions
    ]


@pytest.mark.parametrize("style", ["x", "glyph", "drawn", "form"])
def test_doubly_marked_question_is_flagged_not_guessed(tmp_path: Path, style: str) -> None:
    questions = [
        Q("1.1", "Har nämnden fastställt mål?", ["Ja", "Delvis"], comment=["Både och."]),
        Q("1.2", "Följs målen upp under året?", ["Nej"]),
    ]
    pdf = make_enkat_pdf(tmp_path / "double.pdf", questions, style=style)
    extraction = extract_pdf(pdf)
    first, second = extraction.answers
    assert first.answer is None
    assert first.flags == ["multiple_marks"]
    assert sorted(m.column for m in first.marks) == ["delvis", "ja"]
    assert any("1.1" in w and "ja" in w and "delvis" in w for w in extraction.warnings)
    assert second.answer == "nej" and second.flags == []


def test_unmarked_and_open_questions_are_null(tmp_path: Path) -> None:
    questions = [
        Q("1.1", "Har nämnden fastställt mål?", [], comment=["Ej besvarad."]),
        Q("1.2", "Hur ser personalomsättningen ut?", boxed=False, comment=["Den har ökat."]),
    ]
    for style in ("glyph", "drawn", "form"):
        answers = _by_number(make_enkat_pdf(tmp_path / f"{style}.pdf", questions, style=style))
        assert answers["1.1"].answer is None and answers["1.1"].flags == []
        assert answers["1.1"].boxes == 4  # boxed but left unmarked
        assert answers["1.2"].answer is None and answers["1.2"].marks == []
        assert answers["1.2"].boxes == 0  # an open question
        assert answers["1.2"].comment == "Den har ökat."


def test_form_field_names_do_not_decide(tmp_path: Path) -> None:
    """A widget named like "ja" but placed under Nej answers nej: position, not name."""
    questions = [Q("1.1", "Har nämnden fastställt mål?", ["Nej"])]
    misleading = {
        ("1.1", "Ja"): "answer_nej",
        ("1.1", "Nej"): "answer_ja",
        ("1.1", "Delvis"): "box3",
        ("1.1", "Vet ej"): "box4",
    }
    pdf = make_enkat_pdf(tmp_path / "names.pdf", questions, style="form", field_names=misleading)
    [answer] = extract_pdf(pdf).answers
    assert answer.answer == "nej"
    assert answer.marks[0].kind == "form"


def test_marks_are_placed_by_position_whatever_the_column_positions(tmp_path: Path) -> None:
    questions = _questions()
    pdf = make_enkat_pdf(
        tmp_path / "narrow.pdf", questions, style="glyph", first_column_x=330, spacing=34
    )
    answers = _by_number(pdf)
    assert [answers[q.number].answer for q in questions] == [
        VALUE[q.marked[0]] if q.marked else None for q in questions
    ]


@pytest.mark.parametrize("repeat_header", [False, True])
def test_running_headers_and_page_numbers_stay_out_of_comments(
    tmp_path: Path, repeat_header: bool
) -> None:
    """Also a table header row repeated on each page: no comment picks it up."""
    questions = _questions()
    pdf = make_enkat_pdf(
        tmp_path / "pages.pdf", questions, style="glyph", per_page=2, repeat_header=repeat_header
    )
    answers = extract_pdf(pdf).answers
    assert len(answers) == len(questions)
    for answer, q in zip(answers, questions, strict=True):
        assert " ".join(answer.comment.split()) == " ".join(q.comment)
        assert "Grundläggande" not in answer.comment
        assert answer.section == "1 Verksamhetsstyrning och uppföljning"
    assert [a.page for a in answers] == [1, 1, 2, 2, 3, 3]
    assert [a.answer for a in answers] == [
        VALUE[q.marked[0]] if q.marked else None for q in questions
    ]


def test_questionnaire_after_a_cover_page(tmp_path: Path) -> None:
    """Page 1 says nothing of an enkät: the layouts are read once the header row shows it."""
    questions = _questions()
    cover = ["Alingsås kommun", "Socialnämnden", "Hösten 2025"]
    pdf = make_enkat_pdf(tmp_path / "cover.pdf", questions, style="drawn", cover=cover)
    extraction = extract_pdf(pdf)
    assert extraction.document.kind == "enkat"
    assert [a.answer for a in extraction.answers] == [
        VALUE[q.marked[0]] if q.marked else None for q in questions
    ]
    assert {a.page for a in extraction.answers} == {2}


def test_marks_without_a_header_row_are_reported(tmp_path: Path) -> None:
    questions = [Q("1.1", "Har nämnden fastställt mål?", ["Ja"])]
    pdf = make_enkat_pdf(tmp_path / "nohead.pdf", questions, style="glyph", header_row=False)
    extraction = extract_pdf(pdf)
    assert [a.answer for a in extraction.answers] == [None]
    assert any("ingen rubrikrad med svaren" in w for w in extraction.warnings)


@pytest.mark.parametrize("mark_row", ["below", "inline_left", "inline_right"])
@pytest.mark.parametrize("style", ["glyph", "drawn", "form"])
def test_answer_rows_of_other_shapes(tmp_path: Path, style: str, mark_row: str) -> None:
    """Boxes on a row under the question, or labelled one by one ("☐ Ja ☐ Nej ...",
    "Ja ☐ Nej ☐ ...") with no header row above: each box still answers for its own label."""
    questions = _questions()
    columns = ("Ja", "Delvis", "Nej", "Vet ej")
    pdf = make_enkat_pdf(
        tmp_path / "rows.pdf",
        questions,
        style=style,
        columns=columns,
        mark_row=mark_row,
        header_row=mark_row == "below",
    )
    extraction = extract_pdf(pdf)
    assert extraction.warnings == []
    answers = {a.number: a for a in extraction.answers}
    for q in questions:
        assert answers[q.number].answer == (VALUE[q.marked[0]] if q.marked else None), q.number
        assert answers[q.number].question == q.text
        assert " ".join(answers[q.number].comment.split()) == " ".join(q.comment)


@pytest.mark.parametrize("style", ["x", "glyph", "drawn", "form"])
def test_comments_in_a_column_beside_the_boxes(tmp_path: Path, style: str) -> None:
    """Fråga | Ja | Nej | Delvis | Vet ej | Kommentar: the comment column is the comment."""
    questions = _questions()
    questions[0].comment = ["Målen bryts inte ned.", "Inriktningar antas i budgeten."]
    pdf = make_enkat_pdf(
        tmp_path / "kommentar.pdf",
        questions,
        style=style,
        first_column_x=285,
        spacing=34,
        comment_column=True,
        section="1 Styrning",
    )
    answers = {a.number: a for a in extract_pdf(pdf).answers}
    assert list(answers) == [q.number for q in questions]
    for q in questions:
        got = answers[q.number]
        assert got.question == q.text
        assert got.answer == (VALUE[q.marked[0]] if q.marked else None), q.number
        assert got.comment == "\n".join(q.comment), q.number


def test_a_number_alone_on_its_line_takes_the_text_below(tmp_path: Path) -> None:
    """As in the seed's 1.8: "1.8", then the question on the lines below, then the comment."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from .enkat_pdf import FONT, register_fonts

    register_fonts()
    path = tmp_path / "alone.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    canvas.setFont(FONT, 11)
    y = 780.0
    for text, step in [
        ("Alingsås kommun", 16),
        ("Grundläggande granskning 2025", 16),
        ("Frågor till Socialnämnden", 30),
        ("1 Verksamhetsstyrning och uppföljning", 20),
        ("1.8", 13),
        ("Utfall och prognos måluppfyllelse", 13),
        ("Hur ser utfallet ut vid delåret?", 22),
        ("Genomlysningen beslutades i juni.", 13),
    ]:
        canvas.drawString(60, y, text)
        y -= step
    canvas.showPage()
    canvas.save()
    [answer] = extract_pdf(path).answers
    assert answer.number == "1.8"
    assert answer.question == "Utfall och prognos måluppfyllelse Hur ser utfallet ut vid delåret?"
    assert answer.comment == "Genomlysningen beslutades i juni."
    assert answer.section == "1 Verksamhetsstyrning och uppföljning"


def test_a_bold_question_wrapped_over_a_page_break(tmp_path: Path) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from .enkat_pdf import FONT, FONT_BOLD, register_fonts

    register_fonts()
    path = tmp_path / "wrapped.pdf"
    canvas = Canvas(str(path), pagesize=A4, invariant=1)
    lines = [
        (FONT, "Frågor till Socialnämnden", 60),
        (FONT, "Alingsås kommun – Grundläggande granskning 2025", 40),
        (FONT_BOLD, "1 Verksamhetsstyrning och uppföljning", 20),
        (FONT_BOLD, "1.1 Har nämnden/styrelsen fastställt nämndspecifika mål", 0),
    ]
    for font, text, step in lines:
        canvas.setFont(font, 9)
        canvas.drawString(60, 120 + step, text)
    canvas.showPage()
    canvas.setFont(FONT_BOLD, 9)
    canvas.drawString(60, 760, "kopplat till fullmäktiges övergripande mål?")
    canvas.setFont(FONT, 9)
    canvas.drawString(60, 744, "Målen bryts inte ned.")
    canvas.showPage()
    canvas.save()
    [answer] = extract_pdf(path).answers
    assert answer.question == (
        "Har nämnden/styrelsen fastställt nämndspecifika mål kopplat till fullmäktiges "
        "övergripande mål?"
    )
    assert answer.comment == "Målen bryts inte ned."
    assert answer.page == 1
