"""A page's objects (chars, rects, lines, curves, images) as pdfplumber gives them, built in
a third of its time.

pdfplumber's `Page.process_object` runs `resolve_all` over every attribute of every
character, and decodes the colour space's name through PDFDocEncoding one letter at a time,
for each of a page's thousands of characters. That was half of the parse: as long as
pdfminer's own layout. Here the same dictionaries are built, key for key and in the same
order (tests/test_page_objects.py compares them with pdfplumber's on every sample), but a
plain number or string is taken as it is, since `resolve_all` gives those back unchanged,
and a name is decoded once per page.

`prime(page)` hands them to the page through pdfplumber's own cache (`_objects`, one of
`Container.cached_properties`), so that `chars`, `rects`, `extract_words`, `crop` and the
rest read them as if pdfplumber had built them.
"""

from __future__ import annotations

from typing import Any
from unicodedata import normalize

from pdfminer.layout import LTChar, LTContainer, LTCurve, LTItem, LTTextContainer
from pdfplumber.page import ALL_ATTRS, Page, fix_fontname_bytes, lt_pat
from pdfplumber.utils import resolve_all, resolve_and_decode

# What resolve_all gives back as it is.
_PLAIN = frozenset((float, int, str, bool, type(None)))
_KINDS: dict[type, str] = {}  # "LTChar" → "char", as pdfplumber names a kind


def prime(page: Page) -> None:
    """Give `page` its objects, unless something already read them."""
    if not hasattr(page, "_objects"):
        page._objects = parse_objects(page)


def parse_objects(page: Page) -> dict[str, list[dict[str, Any]]]:
    """What `page.parse_objects()` returns, equal to it key for key."""
    objects: dict[str, list[dict[str, Any]]] = {}
    convert = _Converter(page)
    for obj in _leaves(page.layout._objs, page.pdf.laparams is not None):
        attr = convert(obj)
        kind = attr["object_type"]
        if kind != "anno":
            objects.setdefault(kind, []).append(attr)
    return objects


def _leaves(items: list[Any], containers: bool) -> Any:
    """The layout's objects in pdfplumber's order: a container (a figure) before what it
    holds, and itself only when pdfminer grouped the text (LAParams given)."""
    for obj in items:
        if isinstance(obj, LTContainer):
            if containers:
                yield obj
            yield from _leaves(obj._objs, containers)
        else:
            yield obj


def _kind(cls: type) -> str:
    kind = _KINDS.get(cls)
    if kind is None:
        kind = _KINDS[cls] = lt_pat.sub("", cls.__name__).lower()
    return kind


def _resolved(value: Any) -> Any:
    """`resolve_all(value)`, without its walk over a tuple of plain values (a matrix)."""
    if type(value) is tuple and all(type(v) in _PLAIN for v in value):
        return value
    return resolve_all(value)


class _Converter:
    """`Page.process_object` with what is the same for the whole page looked up once."""

    def __init__(self, page: Page) -> None:
        self.page_number = page.page_number
        self.unicode_norm = page.pdf.unicode_norm
        self.point2coord = page.point2coord
        self.height = page.height
        self.mb_x0, self.mb_top = page.mediabox[:2]
        self.initial_doctop = page.initial_doctop
        self.names: dict[str, Any] = {}

    def decoded(self, name: Any) -> Any:
        if type(name) is not str:
            return resolve_and_decode(name)
        found = self.names.get(name)
        if found is None:
            found = self.names[name] = resolve_and_decode(name)
        return found

    def __call__(self, obj: LTItem) -> dict[str, Any]:
        attr = {
            k: v if type(v) in _PLAIN else _resolved(v)
            for k, v in obj.__dict__.items()
            if k in ALL_ATTRS
        }
        attr["object_type"] = _kind(obj.__class__)
        attr["page_number"] = self.page_number
        for cs in ("ncs", "scs"):
            if hasattr(obj, cs):
                attr[cs] = self.decoded(getattr(obj, cs).name)
        if isinstance(obj, (LTChar, LTTextContainer)):
            text = obj.get_text()
            norm = self.unicode_norm
            attr["text"] = normalize(norm, text) if norm is not None else text
        if isinstance(obj, LTChar):
            gs = obj.graphicstate
            attr["stroking_color"] = gs.scolor if isinstance(gs.scolor, tuple) else (gs.scolor,)
            attr["non_stroking_color"] = gs.ncolor if isinstance(gs.ncolor, tuple) else (gs.ncolor,)
            if isinstance(attr["fontname"], bytes):
                attr["fontname"] = fix_fontname_bytes(attr["fontname"])
        elif isinstance(obj, LTCurve):
            point2coord = self.point2coord
            attr["pts"] = list(map(point2coord, attr["pts"]))
            attr["path"] = [(cmd, *map(point2coord, pts)) for cmd, *pts in obj.original_path]
            attr["dash"] = obj.dashing_style
        if "y0" in attr:  # pdfminer's coordinates are relative to the MediaBox
            attr["top"] = (self.height - attr["y1"]) + self.mb_top
            attr["bottom"] = (self.height - attr["y0"]) + self.mb_top
            attr["doctop"] = self.initial_doctop + attr["top"]
        if "x0" in attr and self.mb_x0 != 0:
            attr["x0"] = attr["x0"] + self.mb_x0
            attr["x1"] = attr["x1"] + self.mb_x0
        return attr
