"""What the last build's grouping worked out (mawjaz.site.memo), kept beside the site, so that a rebuild
works out again only what its edits touch.

At 10,000 entries grouping takes about a second (same-event pairs, related entries, networks), and an
edit to one entry's text changes only that entry's same-event pairs. The file is JSON, read only if it
was written by the same code; anything else in it is ignored, and a part that is missing or does not
match its key is worked out again.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..site import GroupMemo
from .manifest import write_cache_file

FORMAT = 2


def read_memo(cache_file: Path, salt: str, versions: dict[str, str]) -> GroupMemo:
    """The memo of the last build, or an empty one; `versions` are this build's entry digests."""
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        if data["format"] != FORMAT or data["salt"] != salt:
            return GroupMemo(versions=versions)
        parts = dict(data["parts"])
        parts["layouts"] = {key: {actor_id: (float(x), float(y)) for actor_id, (x, y) in places.items()}
                            for key, places in parts.get("layouts", {}).items()}
        return GroupMemo(parts, versions)
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return GroupMemo(versions=versions)


def write_memo(cache_file: Path, salt: str, memo: GroupMemo) -> None:
    """Written only when it differs from the one read."""
    parts = memo.plain()
    if parts != memo.earlier:
        write_cache_file(cache_file, json.dumps({"format": FORMAT, "salt": salt, "parts": parts}, ensure_ascii=False,
                                                separators=(",", ":")).encode("utf-8"))
