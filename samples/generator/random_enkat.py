"""Random enkät layouts drawn from a seed: every way a kommun's template gives an answer.

The questions, answers and comments come from the sample enkäter (variants.py, the same
data the fixed samples print); the seed draws how they are printed:
- the answer form: a mark (x, X, ☒, ✓) under Ja / Nej / Delvis / Vet ej columns, a shaded
  cell with no glyph, the answer typed as a word in one "Svar" column, "Svar: Ja" after a
  label under the question, or the options listed under the question with one ticked;
- the column order and option wording ("Vet ej" or "Vet inte", a header wrapped or not);
- ruled or unruled; the comment below the question or in a column to its right;
- long comments, so questions and comments run over page breaks;
- now and then an answer that cannot be read: a "?" where the mark or shading goes, a typed
  word that is no answer ("Se kommentar"); its truth is null with the flag answer_unread;
- an instruction under some questions ("Ange datum för beslutet."), in italic, in bold like
  the question, or plain; a plain one only where the page shows where it ends (before the
  question's answer row, or in the question's cell with the comment in a column of its own),
  elsewhere it runs on in the question's own paragraph;
- the producer: reportlab, LibreOffice (docx → soffice) or headless Chromium (page.pdf()).

`make(seed, out_dir)` writes `<name>.pdf` and `<name>.expected.json` (the contract's answers
with number, question, instruction, answer, comment, page) and returns the draw. Ground truth is the
drawn data, never the reader's output; pages are read back from the PDF (locate.py).
"""

from __future__ import annotations

import html
import json
import random
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path

from .inline import collapse, plain
from .locate import page_texts, squash

FORMS = ("columns", "shaded", "svar", "label", "options")
PRODUCERS = ("reportlab", "libreoffice", "chromium")
LABELS = {"ja": "Ja", "nej": "Nej", "delvis": "Delvis"}
MARKS = ("x", "X", "☒", "✓")
INSTRUCTION_STYLES = ("italic", "bold", "plain")
UNREAD_WORDS = ("Se kommentar", "Ej aktuellt", "Oklart")
INSTRUCTIONS = (
    "Ange datum och paragraf för beslutet.",
    "Beskriv kortfattat hur uppföljningen går till.",
    "Om svaret är nej eller delvis, ange orsaken och planerade åtgärder.",
    "Ange vilka åtgärder som beslutats och när de ska vara genomförda.",
    "Hänvisa gärna till protokoll eller rapport där frågan behandlats.",
    "Vänligen bifoga underlag om sådant finns. Ange även ansvarig tjänsteperson.",
)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")


@dataclass
class Item:
    number: str
    question: str
    answer: str | None  # ja | nej | delvis | vet_ej | None (unmarked)
    comment: list[str]  # paragraphs as the nämnd wrote them
    boxed: bool = True  # False: an open question, no answer asked
    instruction: str = ""  # the auditors' instruction printed apart from the question
    unread: str = ""  # written where `answer`'s mark goes instead of a mark: no answer


@dataclass
class Draw:
    seed: int
    form: str
    producer: str
    order: list[str]  # answer keys in printed column order
    vet: str  # "Vet ej" | "Vet inte"
    wrap_header: bool  # "Vet" / "ej" on two header lines
    ruled: bool
    comment_right: bool
    mark: str
    title: list[str]
    items: list[Item] = field(default_factory=list)
    instruction_style: str = "italic"  # italic | bold | plain
    wrap_at: str = ""  # the number of a question pushed to break over a page (reportlab)

    @property
    def name(self) -> str:
        return f"enkat-{self.seed:05d}-{self.form}-{self.producer}"

    def label(self, key: str) -> str:
        return self.vet if key == "vet_ej" else LABELS[key]


def _split_instruction(text: str) -> tuple[str, str]:
    """A sample question that runs on past its question mark ("... för 2025? Ange datum
    ..."): the question, and the instruction after it."""
    head, mark, tail = text.rpartition("? ")
    return (head + mark.strip(), tail.strip()) if mark and tail.strip() else (text, "")


def _pool() -> list[tuple[object, list[Item]]]:
    from .model import Enkat
    from .variants import all_samples

    pool = []
    for sample in all_samples():
        if not isinstance(sample.doc, Enkat):
            continue
        items = [
            Item(
                q.number.rstrip("."),
                collapse(plain(q.text)),
                q.answer if q.has_boxes else None,
                [plain(p) for p in q.comment],
                q.has_boxes,
            )
            for s in sample.doc.sections
            for q in s.questions
        ]
        pool.append((sample.doc, items))
    return pool


def draw(
    seed: int, form: str | None = None, producer: str | None = None, style: str | None = None
) -> Draw:
    """The layout and content of one random enkät (deterministic in `seed`); `form`,
    `producer` and the instruction `style` may be forced."""
    rng = random.Random(seed)
    form = form or rng.choice(FORMS)
    producer = producer or rng.choice(PRODUCERS)
    doc, items = rng.choice(_pool())
    order = ["ja", "nej", "delvis", "vet_ej"]
    if rng.random() < 0.5:
        rng.shuffle(order)
    chosen = sorted(rng.sample(range(len(items)), k=min(len(items), rng.randint(6, 12))))
    picked = []
    for i in chosen:
        item = items[i]
        answer = rng.choice(order) if item.boxed else None
        if item.boxed and rng.random() < 0.06:
            answer = None  # left unmarked
        comment = list(item.comment)
        if rng.random() < 0.2 and comment:
            comment = comment + comment[:1]  # longer: runs over a page break more often
        picked.append(Item(item.number, item.question, answer, comment, item.boxed))
    d = Draw(
        seed=seed,
        form=form,
        producer=producer,
        order=order,
        vet=rng.choice(("Vet ej", "Vet inte")),
        wrap_header=rng.random() < 0.4,
        ruled=rng.random() < 0.5,
        comment_right=form in ("columns", "shaded", "svar") and rng.random() < 0.4,
        mark=rng.choice(MARKS),
        title=[
            f"{doc.kommun_official}",  # type: ignore[attr-defined]
            f"Revisorernas grundläggande granskning {doc.year}",  # type: ignore[attr-defined]
            f"{doc.namnd}",  # type: ignore[attr-defined]
        ],
        items=picked,
    )
    _draw_instructions(rng, d, style)
    for item in d.items:
        if item.answer and d.form != "options" and rng.random() < 0.05:
            words = {"label": UNREAD_WORDS, "svar": ("?", "Oklart")}.get(d.form, ("?",))
            item.unread = rng.choice(words)
    long = [i.number for i in d.items if len(i.question) > 100]
    paragraphs = d.form in ("label", "options") and d.producer == "reportlab"
    if paragraphs and long and rng.random() < 0.5:
        d.wrap_at = rng.choice(long)
    return d


def _draw_instructions(rng: random.Random, d: Draw, style: str | None = None) -> None:
    """Some questions get an instruction printed apart; a plain one only where the page
    shows its end (an answer row follows, or the comment stands in its own column), else it
    runs on in the question's paragraph and is part of the question."""
    d.instruction_style = rng.choice(INSTRUCTION_STYLES)
    d.instruction_style = style or d.instruction_style
    tables = d.form in ("columns", "shaded", "svar")
    for item in d.items:
        question, instruction = _split_instruction(item.question)
        if not instruction and rng.random() < 0.3:
            instruction = rng.choice(INSTRUCTIONS)
        if not instruction:
            continue
        shown = d.comment_right if tables else item.boxed
        if rng.random() < 0.2 or (d.instruction_style == "plain" and not shown):
            item.question = f"{question} {instruction}"  # runs on in the question's paragraph
        else:
            item.question, item.instruction = question, instruction


# ---- one HTML page model, printed by Chromium and LibreOffice ---------------------------


def _cells(d: Draw, item: Item) -> list[str]:
    """The answer cells of one question row (columns / shaded / svar forms)."""
    if d.form == "svar":
        return [html.escape(item.unread or d.label(item.answer)) if item.answer else ""]
    out = []
    for key in d.order:
        on = item.answer == key
        if on and item.unread:
            out.append(f'<td class="a">{html.escape(item.unread)}</td>')
        elif d.form == "shaded":
            shade = '<td class="a shade" bgcolor="#777777"></td>'  # attribute: LibreOffice too
            out.append(shade if on else '<td class="a"></td>')
        else:
            out.append(f'<td class="a">{html.escape(d.mark) if on else ""}</td>')
    return out


def _header(d: Draw, key: str) -> str:
    text = html.escape(d.label(key))
    if d.wrap_header and " " in text:
        text = text.replace(" ", "<br>")
    return text


def to_html(d: Draw) -> str:
    rule = "1px solid #000" if d.ruled else "none"
    css = f"""
    @page {{ size: A4; margin: 18mm; }}
    body {{ font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; }}
    table {{ border-collapse: collapse; width: 100%; }}
    td, th {{ border: {rule}; vertical-align: top; padding: 3px 4px; text-align: left; }}
    th.a, td.a {{ width: 56px; text-align: center; }}
    td.shade {{ background: #777; }}
    p {{ margin: 0 0 5px 0; }}
    """
    parts = [f"<html><head><meta charset='utf-8'><style>{css}</style></head><body>"]
    parts += [f"<p><b>{html.escape(t)}</b></p>" for t in d.title]
    columns = d.form in ("columns", "shaded", "svar")
    if columns:
        border = ' border="1"' if d.ruled else ' border="0"'
        border += ' cellspacing="0" width="100%"'  # attributes: LibreOffice reads these
        parts.append(f"<table{border}><tr><th></th><th>Fråga</th>")
        if d.form == "svar":
            parts.append('<th class="a">Svar</th>')
        else:
            parts += [f'<th class="a">{_header(d, k)}</th>' for k in d.order]
        if d.comment_right:
            parts.append('<th width="30%">Kommentar</th>')
        parts.append("</tr>")
        width = 2 + (1 if d.form == "svar" else len(d.order)) + (1 if d.comment_right else 0)
        for item in d.items:
            cells = (
                _cells(d, item)
                if item.boxed
                else ['<td class="a"></td>'] * (1 if d.form == "svar" else len(d.order))
            )
            cells = [c if c.startswith("<td") else f'<td class="a">{c}</td>' for c in cells]
            comment = "".join(f"<p>{html.escape(p)}</p>" for p in item.comment)
            parts.append(
                f"<tr valign='top'><td>{item.number}</td>"
                f"<td>{_question_html(d, item)}</td>"
                + "".join(cells)
                + (f"<td>{comment}</td>" if d.comment_right else "")
                + "</tr>"
            )
            if not d.comment_right and item.comment:
                parts.append(
                    f"<tr valign='top'><td></td><td colspan='{width - 1}'>{comment}</td></tr>"
                )
        parts.append("</table>")
    else:
        for item in d.items:
            parts.append(f"<p><b>{item.number} {html.escape(item.question)}</b></p>")
            parts.append(_instruction_html(d, item))
            if item.boxed:
                parts.append(f"<p>{html.escape(_answer_line(d, item))}</p>")
            parts += [f"<p>{html.escape(p)}</p>" for p in item.comment]
    parts.append("</body></html>")
    widths = {' class="a"': ' class="a" width="8%"', "<th></th>": '<th width="5%"></th>'}
    out = "".join(parts)
    for plain_cell, sized in widths.items():  # attributes: LibreOffice reads these
        out = out.replace(plain_cell, sized)
    return out


def _question_html(d: Draw, item: Item) -> str:
    """A question's cell: its paragraph, and its instruction as a paragraph of its own."""
    question = f"<b>{html.escape(item.question)}</b>"
    if not item.instruction:
        return question
    return f"<p>{question}</p>{_instruction_html(d, item)}"


def _instruction_html(d: Draw, item: Item) -> str:
    if not item.instruction:
        return ""
    tag = {"italic": "i", "bold": "b"}.get(d.instruction_style)
    text = html.escape(item.instruction)
    return f"<p><{tag}>{text}</{tag}></p>" if tag else f"<p>{text}</p>"


def _answer_line(d: Draw, item: Item) -> str:
    if d.form == "label":
        return f"Svar: {item.unread or d.label(item.answer)}" if item.answer else "Svar:"
    return "   ".join(f"{'☒' if item.answer == k else '☐'} {d.label(k)}" for k in d.order)


def _chromium(jobs: list[tuple[Path, Path]]) -> None:
    """HTML → PDF in one headless Chromium (Debian's, never a downloaded one)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        for source, pdf in jobs:
            page.goto(source.as_uri())
            page.pdf(path=str(pdf), format="A4", print_background=True)
        browser.close()


def _libreoffice(jobs: list[tuple[Path, Path]]) -> None:
    """HTML → docx → PDF with soffice (two calls for all files), in a private profile."""
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp) / "profile"
        base = ["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless"]
        timeout = 120 + 20 * len(jobs)
        docx_dir, pdf_dir = Path(tmp) / "docx", Path(tmp) / "pdf"
        subprocess.run(
            [*base, "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(docx_dir)]
            + [str(src) for src, _ in jobs],
            check=True, capture_output=True, timeout=timeout,
        )  # fmt: skip
        subprocess.run(
            [*base, "--convert-to", "pdf", "--outdir", str(pdf_dir)]
            + [str(docx_dir / f"{src.stem}.docx") for src, _ in jobs],
            check=True, capture_output=True, timeout=timeout,
        )  # fmt: skip
        for src, pdf in jobs:
            shutil.move(str(pdf_dir / f"{src.stem}.pdf"), pdf)


# ---- reportlab: the same rows as a platypus table ---------------------------------------


def _reportlab(d: Draw, pdf: Path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

    if "DejaVu" not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont("DejaVu", str(FONT_DIR / "DejaVuSans.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(FONT_DIR / "DejaVuSans-Bold.ttf")))
        pdfmetrics.registerFont(TTFont("DejaVu-Oblique", str(FONT_DIR / "DejaVuSans-Oblique.ttf")))
    body = ParagraphStyle("b", fontName="DejaVu", fontSize=9.5, leading=12, spaceAfter=4)
    bold = ParagraphStyle("q", parent=body, fontName="DejaVu-Bold")
    centre = ParagraphStyle("c", parent=body, alignment=1)
    instruction_style = {
        "italic": ParagraphStyle("i", parent=body, fontName="DejaVu-Oblique"),
        "bold": bold,
        "plain": body,
    }[d.instruction_style]

    def p(text: str, style: ParagraphStyle = body) -> Paragraph:
        return Paragraph(html.escape(text), style)

    story: list = [p(t, bold) for t in d.title]
    if d.form in ("columns", "shaded", "svar"):
        n = 1 if d.form == "svar" else len(d.order)
        heads = ["Svar"] if d.form == "svar" else [d.label(k) for k in d.order]
        head_cells = [
            Paragraph(html.escape(h).replace(" ", "<br/>") if d.wrap_header else html.escape(h),
                      centre)
            for h in heads
        ]  # fmt: skip
        rows = [
            ["", p("Fråga", bold), *head_cells]
            + ([p("Kommentar", bold)] if d.comment_right else [])
        ]
        style = [("VALIGN", (0, 0), (-1, -1), "TOP")]
        for item in d.items:
            cells: list = []
            for j, key in enumerate(["svar"] if d.form == "svar" else d.order):
                if not item.boxed:
                    cells.append("")
                elif d.form == "svar":
                    typed = item.unread or d.label(item.answer) if item.answer else ""
                    cells.append(p(typed, centre) if typed else "")
                elif item.unread and item.answer == key:
                    cells.append(p(item.unread, centre))
                elif d.form == "shaded":
                    cells.append("")
                    if item.answer == key:
                        style.append(
                            (
                                "BACKGROUND",
                                (2 + j, len(rows)),
                                (2 + j, len(rows)),
                                colors.Color(0.45, 0.45, 0.45),
                            )
                        )
                else:
                    cells.append(p(d.mark, centre) if item.answer == key else "")
            comment = [p(t) for t in item.comment]
            asked = [p(item.question, bold)]
            if item.instruction:
                asked.append(p(item.instruction, instruction_style))
            rows.append([p(item.number), asked, *cells] + ([comment] if d.comment_right else []))
            if not d.comment_right and item.comment:
                rows.append(["", comment] + [""] * (n + 0))
                style.append(("SPAN", (1, len(rows) - 1), (-1, len(rows) - 1)))
        comment_w = 125 if d.comment_right else 0
        widths = [28, None, *([42] * n)] + ([comment_w] if d.comment_right else [])
        total = A4[0] - 36 * mm
        widths[1] = total - 28 - 42 * n - comment_w
        if d.ruled:
            style.append(("GRID", (0, 0), (-1, -1), 0.5, colors.black))
        table = Table(rows, colWidths=widths, repeatRows=1, splitByRow=True)
        table.setStyle(TableStyle(style))
        story.append(table)
        _Probe.build_at(pdf, story)
        return
    head = list(story)
    wrapping = ParagraphStyle("w", parent=bold, allowOrphans=1)  # one line left at the foot

    def paragraphs(room: float | None) -> list:
        out = list(head)
        for item in d.items:
            if item.number == d.wrap_at:
                out[-1].probe = True  # where the question to wrap starts
                if room is not None and room > 1.5 * bold.leading:
                    out.append(Spacer(1, room - 1.5 * bold.leading))  # one line at the foot
            out.append(p(f"{item.number} {item.question}", wrapping))
            if item.instruction:
                out.append(p(item.instruction, instruction_style))
            if item.boxed:
                out.append(p(_answer_line(d, item)))
            out += [p(t) for t in item.comment]
        return out

    room = _Probe.build_at(pdf, paragraphs(None)) if d.wrap_at else None
    _Probe.build_at(pdf, paragraphs(room))


class _Probe:
    """A reportlab document that notes the room left on the page after the flowable
    marked `probe`: how far down to push the next question so it breaks over the page."""

    @staticmethod
    def build_at(pdf: Path, story: list) -> float | None:
        from reportlab.lib.pagesizes import A4
        from reportlab.lib.units import mm
        from reportlab.platypus import SimpleDocTemplate

        room: list[float] = []

        class Doc(SimpleDocTemplate):
            def afterFlowable(self, flowable) -> None:  # type: ignore[no-untyped-def]
                if getattr(flowable, "probe", False):
                    room.append(self.frame._y - self.frame._y1p - flowable.getSpaceAfter())

        doc = Doc(str(pdf), pagesize=A4, leftMargin=18 * mm, rightMargin=18 * mm,
                  topMargin=18 * mm, bottomMargin=18 * mm, invariant=1)  # fmt: skip
        doc.build(story)
        return room[0] if room else None


def render_all(draws: list[Draw], out_dir: Path) -> None:
    """Every draw as `<name>.pdf` in out_dir: one browser and two soffice calls in all."""
    with tempfile.TemporaryDirectory() as tmp:
        jobs: dict[str, list[tuple[Path, Path]]] = {"chromium": [], "libreoffice": []}
        for d in draws:
            pdf = out_dir / f"{d.name}.pdf"
            if d.producer == "reportlab":
                from reportlab.platypus.doctemplate import LayoutError

                try:
                    _reportlab(d, pdf)
                except LayoutError:  # a table row cannot split: a page-long side comment
                    d.comment_right = False  # goes below its question instead
                    if d.instruction_style == "plain":  # nothing shows its end any more
                        for item in d.items:
                            if item.instruction:
                                item.question = f"{item.question} {item.instruction}"
                                item.instruction = ""
                    _reportlab(d, pdf)
                continue
            source = Path(tmp) / f"{d.name}.html"
            source.write_text(to_html(d), encoding="utf-8")
            jobs[d.producer].append((source, pdf))
        if jobs["chromium"]:
            _chromium(jobs["chromium"])
        if jobs["libreoffice"]:
            _libreoffice(jobs["libreoffice"])


def expected(d: Draw, pdf: Path) -> dict:
    """The contract's answers for the drawn enkät; each question's page read back."""
    texts = page_texts(pdf)
    joined = "".join(texts)
    ends = []
    total = 0
    for t in texts:
        total += len(t)
        ends.append(total)
    answers = []
    at = 0
    for item in d.items:
        anchor = squash(f"{item.number}{item.question}")[:40]
        found = joined.find(anchor, at)
        if found < 0:
            found = joined.find(squash(item.question)[:40], at)
        page = next((i + 1 for i, e in enumerate(ends) if found < e), None) if found >= 0 else None
        at = max(at, found)
        answers.append(
            {
                "number": item.number,
                "question": item.question,
                "instruction": item.instruction,
                "answer": None if item.unread else item.answer,
                "flags": ["answer_unread"] if item.unread else [],
                "comment": "\n".join(
                    # "Svar: Oklart" stays what the nämnd wrote, in its comment
                    ([_answer_line(d, item)] if item.unread and d.form == "label" else [])
                    + item.comment
                ),
                "page": page,
            }
        )
    return {"draw": {k: v for k, v in asdict(d).items() if k != "items"}, "answers": answers}


def make(seeds: list[int], out_dir: Path, form: str | None = None,
         producer: str | None = None, style: str | None = None) -> list[Draw]:  # fmt: skip
    """Draw, render and write the ground truth of every seed; returns the draws."""
    draws = [draw(seed, form, producer, style) for seed in seeds]
    render_all(draws, out_dir)
    for d in draws:
        truth = expected(d, out_dir / f"{d.name}.pdf")
        (out_dir / f"{d.name}.expected.json").write_text(
            json.dumps(truth, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
        )
    return draws
