"""The shape of a name in a story's words: where a clause stops, and which words can start or end a name.

Shared by the actor policy (a title that introduces a person) and the search for names the
registry does not know.
"""
from __future__ import annotations

NAME_STOPS = "،.؛:!?؟"          # punctuation that ends a title's phrase


def punctuation_between(text: str, spans, position: int, marks: str = NAME_STOPS) -> bool:
    """Whether one of `marks` stands between token `position - 1` and token `position` (or it is the first)."""
    if position <= 0:
        return True
    return any(char in marks for char in text[spans[position - 1][2]:spans[position][1]])


def name_like(gazetteer, token: str, second: bool) -> bool:
    """Whether a (normalised) word can be the first or, with `second`, a later word of a person's name."""
    if len(token) < 2 or token.isdigit() or token in gazetteer.not_name_words or token in gazetteer.titles:
        return False
    if token.startswith(("لل", "وال", "بال", "فال", "كال")) or (not second and token[:1] in "لب"):
        return False   # a preposition or a conjunction with the article: not the start of a name
    if token.startswith("ال"):   # a family name such as المنقوش may follow a first name; an adjective may not
        return second and not token.endswith(("ي", "يه", "يين", "يون", "ين", "ون", "ات"))
    return True
