"""The document as its reader sees it: every page's text, and what the reader took from each
page while it was open (a page is parsed once; see `extract.read_pages`).

Until the one page model (words, lines, boxes) serves every reader, each reader says what it
takes of a page (`Reader.page_data`) and finds it here as `PageContent.data`.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PageContent:
    number: int  # 1-based
    text: str
    height: float
    data: object = None  # what the reader of `Pages.read_for` took of this page


@dataclass
class Pages:
    content: list[PageContent] = field(default_factory=list)
    read_for: str | None = None  # the kind whose page data was read along with the text

    @property
    def texts(self) -> list[str]:
        return [page.text for page in self.content]

    @property
    def first(self) -> str:
        """The title page's text: what a document says it is."""
        return self.content[0].text if self.content else ""

    @property
    def text(self) -> str:
        return "\n".join(self.texts)
