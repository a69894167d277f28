"""The networks' layouts of the last build, kept beside the site, so that a rebuild lays out again only
the networks whose nodes, links or labels changed (mawjaz.site.network.Layouts).

Laying out the twenty or so networks takes half a second whatever the number of entries, and an edit
that changes no entry's actors changes none of them. The file is JSON, read only if it was written by
the same code; anything else in it is ignored, and a layout that is not there is made again.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from ..site import Layouts

FORMAT = 1


def read_layouts(cache_file: Path, salt: str) -> Layouts:
    try:
        data = json.loads(cache_file.read_text(encoding="utf-8"))
        if data["format"] != FORMAT or data["salt"] != salt:
            return Layouts()
        return Layouts({key: {actor_id: (float(x), float(y)) for actor_id, (x, y) in places.items()}
                        for key, places in data["layouts"].items()})
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return Layouts()


def write_layouts(cache_file: Path, salt: str, layouts: Layouts) -> None:
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        temporary = cache_file.with_name(f".{cache_file.name}.{os.getpid()}")
        temporary.write_text(json.dumps({"format": FORMAT, "salt": salt, "layouts": layouts.used}), encoding="utf-8")
        os.replace(temporary, cache_file)
    except OSError:
        pass                        # a cache that cannot be written only makes the next build slower
