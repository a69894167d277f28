"""Entry files an earlier run read are not read again while the file system says they are as they were."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mawjaz.incremental import inputs
from mawjaz.incremental.inputs import KnownFiles, entry_digests, file_digest

LATER = 10 * 10**9          # the reading happens ten seconds after the files were written: they have settled


def entries_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "entries"
    folder.mkdir()
    for number in range(3):
        (folder / f"e{number}.md").write_text(f"---\nid: e{number}\n---\nنص الخبر {number}.\n", encoding="utf-8")
    return folder


def read(folder: Path, cache_file: Path, settled: bool = True) -> tuple[dict, KnownFiles]:
    known = KnownFiles(cache_file)
    if settled:
        known.started += LATER
    found = entry_digests(folder, known)
    known.write()
    return found, known


def test_settled_files_are_not_read_again_and_keep_their_digests(tmp_path, monkeypatch):
    folder, cache_file = entries_folder(tmp_path), tmp_path / "files.json"
    first, _ = read(folder, cache_file)
    assert first == entry_digests(folder) and cache_file.is_file()
    monkeypatch.setattr(inputs, "file_digest", lambda path: pytest.fail(f"{path} read again"))
    assert read(folder, cache_file)[0] == first


def test_a_file_rewritten_to_the_same_size_and_time_is_read_again(tmp_path):
    folder, cache_file = entries_folder(tmp_path), tmp_path / "files.json"
    read(folder, cache_file)
    path = folder / "e1.md"
    before = os.stat(path)
    path.write_text(path.read_text(encoding="utf-8").replace("1", "7"), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))     # as a tool that restores times does
    assert os.stat(path).st_size == before.st_size and os.stat(path).st_mtime_ns == before.st_mtime_ns
    again, _ = read(folder, cache_file)
    assert again["e1.md"] == file_digest(path) != entry_digests(folder)["e0.md"]
    assert again == entry_digests(folder)


def test_files_written_just_before_the_reading_are_not_remembered(tmp_path):
    folder, cache_file = entries_folder(tmp_path), tmp_path / "files.json"
    _, known = read(folder, cache_file, settled=False)
    assert known.now == {} and not cache_file.exists()


@pytest.mark.parametrize("planted", ["not json", json.dumps({"format": 1, "files": {"e0.md": [1, 2, 3, 4]}}),
                                     json.dumps({"format": 1, "files": []}), json.dumps([1])])
def test_a_cache_changed_by_hand_makes_every_file_read(tmp_path, planted):
    folder, cache_file = entries_folder(tmp_path), tmp_path / "files.json"
    cache_file.write_text(planted, encoding="utf-8")
    assert read(folder, cache_file)[0] == entry_digests(folder)


def test_a_wrong_digest_is_used_only_while_the_file_is_exactly_as_remembered(tmp_path):
    """What the cache holds is trusted as far as stat goes: a changed size is enough to read the file."""
    folder, cache_file = entries_folder(tmp_path), tmp_path / "files.json"
    read(folder, cache_file)
    data = json.loads(cache_file.read_text(encoding="utf-8"))
    data["files"]["e2.md"][0] += 1
    data["files"]["e2.md"][4] = "planted"
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    assert read(folder, cache_file)[0] == entry_digests(folder)
