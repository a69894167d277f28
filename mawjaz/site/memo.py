"""What an earlier build's grouping worked out, so that a rebuild works out again only what its edits
touch. No I/O: the caller keeps it between builds (mawjaz.incremental.group_memo).

Grouping is a pure function of the entries, the registries and the config, and an edit changes few
of its inputs: a body edited changes no entry's actors, themes or date, so the related entries, the
counts and the networks are those of the last build; it changes one entry's text, so only that
entry's same-event pairs need looking for again. Each part is kept under a key that covers all it
was made from, and is reused only when this build's key is the same. Everything kept is plain data
(ids, counts, coordinates), never an object of the model.
"""
from __future__ import annotations

from .network import Layouts

# What reading a part of a memo file changed by hand can raise: the part is then worked out again.
MEMO_ERRORS = (KeyError, IndexError, TypeError, ValueError, AttributeError)


class GroupMemo:
    """`earlier` is the `plain()` of an earlier build's memo; `versions` holds a digest of each entry
    as loaded (id → digest of its front matter and body), which says which entries an edit touched."""

    def __init__(self, earlier: dict | None = None, versions: dict[str, str] | None = None):
        self.earlier = earlier if isinstance(earlier, dict) else {}
        self.versions = versions or {}
        self.layouts = Layouts(self.earlier.get("layouts"))
        self.used: dict[str, object] = {}

    def part(self, name: str, key: str) -> object | None:
        """The part an earlier build kept under `name`, if it was made from inputs with this `key`."""
        kept = self.earlier.get(name)
        if isinstance(kept, dict) and kept.get("key") == key:
            return kept.get("value")
        return None

    def keep(self, name: str, key: str, value: object) -> None:
        self.used[name] = {"key": key, "value": value}

    def earlier_value(self, name: str) -> object | None:
        """The part kept under `name` whatever it was made from: for a part that is updated, not remade."""
        kept = self.earlier.get(name)
        return kept.get("value") if isinstance(kept, dict) else None

    def plain(self) -> dict:
        """What the next build needs: this build's parts, and the layouts it used."""
        return {"layouts": self.layouts.used, **self.used}
