"""Text → safe HTML: Markdown with raw HTML off, and Latin runs isolated inside Arabic text.

A Latin name or a number in a right-to-left line can pull its neighbouring punctuation to the wrong
side ("(UNSMIL)" read as ")UNSMIL("). Wrapping each Latin run in <bdi> gives it its own direction
without changing the text, so copy and paste and search still see the words as written.
"""
from __future__ import annotations

import re
from functools import lru_cache

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

ARABIC_OR_SPACE = r"\s\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF"
# A run of characters that are neither Arabic nor spaces, with single spaces inside it.
FOREIGN_RUN = re.compile(rf"[^{ARABIC_OR_SPACE}]+(?:[ \u00A0][^{ARABIC_OR_SPACE}]+)*")
LATIN_OR_DIGIT = re.compile(r"[A-Za-z0-9\u00C0-\u024F]")
EDGE_PUNCTUATION = "-–—.,;:!?،؛…"
PAIRS = {"(": ")", "[": "]", "{": "}", "«": "»", '"': '"', "'": "'"}


def trim_run(run: str) -> tuple[int, int]:
    """Where the isolated part of a run starts and ends: sentence punctuation and unpaired brackets
    at its edges stay outside, so they keep following the Arabic sentence around them."""
    start, end = 0, len(run)
    while start < end:
        first, last = run[start], run[end - 1]
        if first in EDGE_PUNCTUATION or (first in PAIRS and PAIRS[first] not in run[start + 1:end]):
            start += 1
        elif last in EDGE_PUNCTUATION or (last in PAIRS.values() and not _has_opener(run[start:end - 1], last)):
            end -= 1
        else:
            break
    return start, end


def _has_opener(text: str, closer: str) -> bool:
    return any(opener in text for opener, paired in PAIRS.items() if paired == closer)


DIRECTION_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


@lru_cache(maxsize=1 << 16)  # names and titles repeat across thousands of list items; body lines do not
def isolate_latin(text: str | None) -> Markup:
    """Escape `text` and wrap each run of Latin words and digits in <bdi>.

    Text holding explicit direction controls (an override such as U+202E left open) is isolated as a
    whole, so the override ends with the field instead of reversing the page around it."""
    if not text:
        return Markup("")
    if DIRECTION_CONTROLS.search(text):
        return Markup("<bdi>%s</bdi>") % _isolate_runs(text)
    return _isolate_runs(text)


def _isolate_runs(text: str) -> Markup:
    if not LATIN_OR_DIGIT.search(text):
        return escape(text)            # no run below could hold a Latin letter or a digit
    pieces, position = [], 0
    for match in FOREIGN_RUN.finditer(text):
        start, end = trim_run(match.group())
        start, end = match.start() + start, match.start() + end
        if not LATIN_OR_DIGIT.search(text, start, end):
            continue
        pieces.append(escape(text[position:start]))
        pieces.append(Markup("<bdi>%s</bdi>") % text[start:end])
        position = end
    pieces.append(escape(text[position:]))
    return Markup("").join(pieces)


def make_markdown() -> MarkdownIt:
    """CommonMark with raw HTML off; markdown-it's link check already refuses javascript: and the like."""
    markdown = MarkdownIt("commonmark", {"html": False})
    markdown.renderer.rules["text"] = lambda tokens, index, options, env: str(isolate_latin(tokens[index].content))
    # markdown-it compiles each list of rules on first use, and a thread that reads a list another thread
    # is still filling finds no rule ("none of the block rules matched"). The search shards and the pages
    # of a small rebuild share one parser across threads, so every list is compiled here, before that.
    for ruler in (markdown.core.ruler, markdown.block.ruler, markdown.inline.ruler, markdown.inline.ruler2):
        ruler.getRules("")
    return markdown


@lru_cache(maxsize=1)
def shared_markdown() -> MarkdownIt:
    """The one parser of the process: pages, feeds and the search index read an entry's Markdown through it,
    so the cache of _read_markdown parses each text once for all of them, not once for each."""
    return make_markdown()


def render_markdown(markdown: MarkdownIt, text: str) -> Markup:
    return Markup(_read_markdown(markdown, text)[0])


def plain_text(markdown: MarkdownIt, text: str) -> str:
    """The words of a Markdown text without markup, for descriptions and feeds' summaries."""
    return _read_markdown(markdown, text)[1]


MARKDOWN_CACHE_SIZE = 1 << 13   # a body and a summary per entry: room for a few thousand entries' texts
# An entry page needs its body as HTML and as plain words, the search index as words, and the feeds as
# HTML in every feed the entry is in: one parse serves them all. Parsing is most of markdown-it's time.
@lru_cache(maxsize=MARKDOWN_CACHE_SIZE)
def _read_markdown(markdown: MarkdownIt, text: str) -> tuple[str, str]:
    if markdown is shared_markdown():
        read = read_plain_blocks(text)
        if read is not None:
            return read
    return read_with_parser(markdown, text)


def read_with_parser(markdown: MarkdownIt, text: str) -> tuple[str, str]:
    """(HTML, words) from markdown-it's tokens: the words are the text of each inline run, a space after each."""
    tokens = markdown.parse(text)
    words = []
    for token in tokens:
        if token.type == "inline":
            words.extend(child.content for child in token.children or () if child.type in ("text", "code_inline"))
            words.append(" ")
    return markdown.renderer.render(tokens, markdown.options, {}), squeeze_spaces("".join(words))


# ---------------------------------------------------------------- plain paragraphs without the parser
# Most entry bodies are paragraphs and "## " headings of words and ordinary punctuation, which markdown-it
# reads the same way every time; reading each body twice (page, search) took about a tenth of a full
# build's own CPU at 10,000 entries. Text holding
# anything Markdown could read otherwise goes to markdown-it (tests/core/test_fast_paths.py checks that both
# give the same on any text the shortcut takes).
MARKDOWN_INLINE = re.compile(r"[\\`*_\[\]<>&!~\r\t\x00]")
BLOCK_START = re.compile(r"[-+*>=#`~<_|]|\d+[.)]")
PLAIN_HEADING = re.compile(r"(#{1,6}) ([^#]+)")


def read_plain_blocks(text: str) -> tuple[str, str] | None:
    """(HTML, words) as the shared parser gives them, for text made only of plain paragraphs and ATX
    headings; None for any other text."""
    if MARKDOWN_INLINE.search(text):
        return None
    html, words, paragraph = [], [], []
    for line in text.split("\n"):
        if not line:
            _end_paragraph(paragraph, html, words)
            continue
        if line != line.strip():
            return None
        if BLOCK_START.match(line):
            heading = PLAIN_HEADING.fullmatch(line)
            if heading is None or heading.group(2) != heading.group(2).strip():
                return None
            _end_paragraph(paragraph, html, words)
            level = len(heading.group(1))
            html.append(f"<h{level}>{isolate_latin(heading.group(2))}</h{level}>\n")
            words.append(heading.group(2) + " ")
            continue
        paragraph.append(line)
    _end_paragraph(paragraph, html, words)
    return "".join(html), squeeze_spaces("".join(words))


def _end_paragraph(lines: list[str], html: list[str], words: list[str]) -> None:
    """A paragraph's lines are text tokens with soft breaks between them: "\n" in the HTML, nothing in
    the words (the parser's words join them without a space)."""
    if lines:
        html.append("<p>" + "\n".join(str(isolate_latin(line)) for line in lines) + "</p>\n")
        words.append("".join(lines) + " ")
        lines.clear()


def squeeze_spaces(text: str) -> str:
    """Runs of white space as one space, none at the ends: re.sub(r"\\s+", " ", text).strip(), faster."""
    return " ".join(text.split())


def repeats_opening(summary: str, body_text: str) -> bool:
    """True when the summary is the body's first words (as ingest writes it), or empty: a page skips it."""
    squeeze = lambda text: squeeze_spaces(text).rstrip(".…،")
    return squeeze(body_text).startswith(squeeze(summary))
