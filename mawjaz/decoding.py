"""Bytes that may not be UTF-8: is it text at all, and is it Arabic in the Windows code page?

Shared by the two readers of hand-made files, seeds (mawjaz.ingest.seedfile) and entries
(mawjaz.entries.reading), so that both refuse and accept the same files.
"""
from __future__ import annotations

from .arabic import has_arabic_letters

ARABIC_CODE_PAGE = "cp1256"
# A decoded file counts as Arabic when this share of its letters are Arabic letters.
MIN_ARABIC_SHARE = 0.3


def looks_binary(raw: bytes) -> bool:
    """NUL bytes, or many control characters, mean the file is not text in any encoding we read."""
    sample = raw[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return bool(sample) and controls / len(sample) > 0.05


def decode_arabic_code_page(raw: bytes) -> str | None:
    """The text when the bytes are clearly Windows-1256 Arabic (Arabic letters come out), else None."""
    try:
        text = raw.decode(ARABIC_CODE_PAGE)
    except UnicodeDecodeError:
        return None
    letters = [char for char in text if char.isalpha()]
    arabic = [char for char in letters if has_arabic_letters(char)]
    if not letters or len(arabic) / len(letters) < MIN_ARABIC_SHARE:
        return None
    return text.removeprefix("\ufeff")
