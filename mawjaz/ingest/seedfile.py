"""Read one seed file as text, or refuse it with a message that names the file and says what to do.

Seeds come from scrapers and from people saving pages by hand, so they arrive as UTF-8 with or
without a byte order mark, with Windows line ends, now and then in the Windows Arabic code page or
in UTF-16 with its byte order mark, and sometimes as something that is not text at all.
"""
from __future__ import annotations

import codecs
from pathlib import Path

from ..decoding import decode_arabic_code_page, looks_binary
from ..errors import Problems

MAX_SEED_BYTES = 5 * 1024 * 1024
REPLACE_HINT = "open it in a text editor and save it as UTF-8"


def read_seed(path: Path, problems: Problems, seeds_dir: Path | None = None) -> str | None:
    """The seed's text with LF line ends and no byte order mark; None (and a problem) when refused."""
    seeds_dir = seeds_dir or path.parent
    if path.is_symlink() and not path.resolve().is_relative_to(seeds_dir.resolve()):
        problems.error(path, None, "seed is a link to a file outside the seeds folder",
                       "copy the file into the seeds folder instead of linking to it")
        return None
    try:
        size = path.stat().st_size
        if size > MAX_SEED_BYTES:
            problems.error(path, None, f"seed is {size / 1024 / 1024:.1f} MB, over the "
                           f"{MAX_SEED_BYTES // 1024 // 1024} MB limit for one seed",
                           "split the page into smaller files, one article or page per file")
            return None
        raw = path.read_bytes()
    except OSError as error:
        problems.error(path, None, f"cannot read the seed: {error.strerror}", "check that it exists and is readable")
        return None
    text = decode_seed(path, raw, problems)
    return None if text is None else text.replace("\r\n", "\n").replace("\r", "\n")


def decode_seed(path: Path, raw: bytes, problems: Problems) -> str | None:
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):   # Windows' "Unicode": NUL bytes, but text
        return decode_utf16(path, raw, problems)
    if looks_binary(raw):
        problems.error(path, None, "not a text file",
                       "seeds are scraped articles saved as UTF-8 text; remove this file from the seeds folder")
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        text = decode_arabic_code_page(raw)
        if text is None:
            problems.error(path, line, "seed is not UTF-8 text (and not Windows-1256 Arabic either)",
                           REPLACE_HINT)
            return None
        problems.warning(path, None, "seed is in the Windows-1256 (Arabic) encoding, not UTF-8; it was read "
                         "as Windows-1256", f"{REPLACE_HINT}, so every tool reads it the same way")
        return text


def decode_utf16(path: Path, raw: bytes, problems: Problems) -> str | None:
    try:
        text = raw.decode("utf-16")
    except UnicodeDecodeError as error:
        problems.error(path, None, f"seed starts like UTF-16 text but byte {error.start} is not", REPLACE_HINT)
        return None
    problems.warning(path, None, "seed is in UTF-16 (saved as 'Unicode'), not UTF-8; it was read as UTF-16",
                     f"{REPLACE_HINT}, so every tool reads it the same way")
    return text
