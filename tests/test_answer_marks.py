"""The mark readers as pure functions over the plain objects pdfplumber hands them."""

from __future__ import annotations

from pdfminer.psparser import LIT

from kommunkoll.extractors.answer_marks import (
    Box,
    column_of,
    form_boxes,
    header_columns,
    inline_columns,
    mark_glyph,
    merge_boxes,
)


def _word(text: str, x0: float, font: str = "ABCDEF+Arial") -> dict:
    return {"text": text, "x0": x0, "x1": x0 + 6 * len(text), "top": 100, "bottom": 110,
            "fontname": font}  # fmt: skip


def test_header_columns_in_printed_order_with_vet_ej_split() -> None:
    line = [_word("3", 60), _word("Intern", 70), _word("kontroll", 110)]
    line += [_word("Vet", 350), _word("ej", 372), _word("Delvis", 400), _word("Ja", 450)]
    line += [_word("Nej", 480)]
    columns = header_columns(line)
    assert columns is not None
    assert [c.value for c in columns] == ["vet_ej", "delvis", "ja", "nej"]
    assert header_columns([_word("Ja", 60), _word("tack", 80)]) is None


def test_column_of_takes_the_nearest_column_within_reach() -> None:
    columns = header_columns([_word("Ja", 300), _word("Nej", 340), _word("Delvis", 380)])
    assert columns is not None
    assert column_of(Box("text", True, (341, 100, 347, 110)), columns).value == "nej"  # type: ignore[union-attr]
    assert column_of(Box("text", True, (100, 100, 106, 110)), columns) is None


def test_symbol_font_boxes_as_word_exports_print_them() -> None:
    assert mark_glyph(_word("\u00fd", 0, "XYZ+Wingdings-Regular")) == "on"  # ☒ in Wingdings
    assert mark_glyph(_word("\uf0a8", 0, "Wingdings")) == "off"  # ☐, no Unicode map
    assert mark_glyph(_word("T", 0, "Wingdings2")) == "on"
    assert mark_glyph(_word("T", 0, "Arial")) is None  # the same letter in a text font
    assert mark_glyph(_word("☒", 0)) == "on"
    assert mark_glyph(_word("✓", 0)) == "tick"
    assert mark_glyph(_word("x", 0)) == "letter"
    assert mark_glyph(_word("xy", 0)) is None


def _widget(x0: float, **data: object) -> dict:
    base = {"Subtype": LIT("Widget"), "FT": LIT("Btn")}
    return {"x0": x0, "x1": x0 + 10, "top": 100, "bottom": 110, "data": base | data}


def test_form_state_from_appearance_or_value() -> None:
    boxes = form_boxes(
        [
            _widget(10, AS=LIT("Yes")),
            _widget(30, AS=LIT("Off"), V=LIT("Yes")),  # /AS is what is shown
            _widget(50, V=LIT("On")),  # no /AS: the value decides
            _widget(70, Parent={"V": LIT("Off")}),  # inherited from the field
            _widget(90, Ff=1 << 16, AS=LIT("Yes")),  # a push button is no answer box
            {"x0": 0, "x1": 1, "top": 0, "bottom": 1, "data": {"Subtype": LIT("Link")}},
        ]
    )
    assert [(b.bbox[0], b.on) for b in boxes] == [(10, True), (30, False), (50, True), (70, False)]


def test_a_widget_and_the_border_drawn_under_it_are_one_box() -> None:
    border = Box("drawn", False, (100, 100, 109, 109))
    widget = Box("form", True, (99.5, 99.5, 109.5, 109.5))
    other = Box("drawn", False, (140, 100, 149, 109))
    assert merge_boxes([border, widget, other]) == [widget, other]


def test_inline_labels_own_the_box_beside_them() -> None:
    """ "Delvis ☐ Ja ☐ ...": Delvis's box is nearer Ja's centre than its own label's."""
    line = [_word("Delvis", 100), _word("Ja", 150), _word("Nej", 190), _word("Vet", 230)]
    line += [_word("ej", 252)]
    columns = header_columns(line)
    assert columns is not None
    boxes = [Box("glyph", x == 139, (x, 100, x + 8, 110)) for x in (139, 165, 211, 267)]
    marked = boxes[0]
    assert column_of(marked, columns).value == "ja"  # type: ignore[union-attr]  # centres alone
    inline = inline_columns(columns, boxes)
    assert inline is not None
    assert column_of(marked, inline).value == "delvis"  # type: ignore[union-attr]
    assert [column_of(b, inline).value for b in boxes] == ["delvis", "ja", "nej", "vet_ej"]  # type: ignore[union-attr]
    assert inline_columns(columns, boxes[:2]) is None  # not every label has its box
