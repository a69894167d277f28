"""The search index in canonical order: byte-identical from run to run, and meaning what Pagefind wrote.

Pagefind 1.5 writes filter values and the list of filters in hash-map order (Pagefind issue #638);
mawjaz/search/stable_index.py sorts them and names the files again. These tests run the real Pagefind on
documents with many filter values, so that its own order differs between runs, and build the index
the way a site does: one bundle per shard, several at once.
"""
from __future__ import annotations

import gzip
import json
import multiprocessing
import shutil
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from site_files import snapshot

from mawjaz.config import load_config
from mawjaz.errors import Problems
from mawjaz.errors import ERROR, WARNING
from mawjaz.search.index import (SearchInput, SearchRecord, build_search_index, build_shard, finish_bundle,
                                 report_shard)
from mawjaz.search.pagefind_runner import run_pagefind
from mawjaz.search.stable_index import (SIGNATURE, UnfamiliarIndex, content_hash, decode_cbor, encode_cbor, meta_name,
                                 stabilise_bundle)

ROOT = Path(__file__).resolve().parents[2]
ACTORS = [f"الفاعل {number}" for number in range(40)] + [f"actor {number}" for number in range(10)]
THEMES = [f"الموضوع {number}" for number in range(12)]
LANGUAGE = "unknown"          # documents without a lang attribute


def records(numbers=range(30)) -> tuple[SearchRecord, ...]:
    """Thirty documents, each with a few of fifty actors, a theme and a year: enough values for
    Pagefind's hash-map order to change between runs."""
    documents = []
    for number in numbers:
        filters = [f"actor:{ACTORS[(number * 7 + step) % len(ACTORS)]}" for step in range(3)]
        filters += [f"theme:{THEMES[number % len(THEMES)]}", f"year:{2011 + number % 15}"]
        spans = "".join(f'<span data-pagefind-filter="{value}"></span>' for value in filters)
        documents.append(SearchRecord(
            url=f"/entries/{number}/",
            document=(f"<html><body data-pagefind-body><h1>الخبر رقم {number}</h1><p>نص الخبر {number}</p>"
                      f'<span data-pagefind-meta="title:الخبر {number}"></span>{spans}'
                      f'<span data-pagefind-sort="date:{2011 + number % 15}-01-01"></span></body></html>'),
        ))
    return tuple(documents)


def pagefind_bundle(work: Path) -> Path:
    """Pagefind's own output for records(), not yet put in order."""
    assert run_pagefind([(record.url, record.document) for record in records()], work / "bundle") == ""
    return work / "bundle"


def payload(path: Path) -> object:
    data = gzip.decompress(path.read_bytes())
    assert data.startswith(SIGNATURE)
    return decode_cbor(data[len(SIGNATURE):])


def meaning(bundle: Path) -> dict:
    """What the browser reads from the filter and metadata indexes, with orders and file names left out."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = payload(bundle / f"pagefind.{entry['languages'][LANGUAGE]['hash']}.pf_meta")
    filters = {name: {value: pages for value, pages in payload(bundle / "filter" / f"{file}.pf_filter")[1]}
               for name, file in meta[3]}
    entry["languages"][LANGUAGE]["hash"] = None
    return {"entry": entry, "meta": [*meta[:3], None, *meta[4:]], "filters": filters}


def sharded() -> dict[str, tuple[SearchRecord, ...]]:
    """The thirty documents in three shards, as a site's years would be."""
    return {"2025": records(range(0, 30, 3)), "2024": records(range(1, 30, 3)), "undated": records(range(2, 30, 3))}


CONFIG = load_config(ROOT / "config.yaml", Problems())


def test_two_index_builds_of_the_same_documents_are_byte_identical(tmp_path):
    search = SearchInput(shards=sharded(), browser_tables="export default {};\n")
    builds = []
    for run in range(3):
        problems = Problems()
        size = build_search_index(CONFIG, tmp_path / str(run), search, problems)
        assert problems.items == []
        builds.append(snapshot(tmp_path / str(run)))
        assert size == sum(len(data) for name, data in builds[-1].items() if name.startswith("pagefind/"))
    assert builds[0] == builds[1] == builds[2]
    for shard in ("2025", "2024", "undated"):
        assert any(name.startswith(f"pagefind/{shard}/filter/") for name in builds[0])
        assert f"pagefind/{shard}/pagefind.js" in builds[0]
    assert {name.split("/")[1] for name in builds[0] if name.startswith("pagefind/")} == {"2025", "2024", "undated"}


def test_each_shard_is_indexed_under_its_own_language_tag(tmp_path):
    assert build_shard(CONFIG, tmp_path, "2024", records(range(5))) == ""
    entry = json.loads((tmp_path / "pagefind/2024/pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == ["x-2024"]
    assert {path.name.split("_")[0] for path in (tmp_path / "pagefind/2024/fragment").iterdir()} == {"x-2024"}


def indexed_urls(bundle: Path, language: str) -> list[str]:
    """The pages of a bundle in Pagefind's page-number order, as their URLs."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    pages = payload(bundle / f"pagefind.{entry['languages'][language]['hash']}.pf_meta")[1]
    fragments = (gzip.decompress((bundle / "fragment" / f"{page_hash}.pf_fragment").read_bytes()) for page_hash, _ in pages)
    return [json.loads(fragment[len(SIGNATURE):])["url"] for fragment in fragments]


@pytest.mark.parametrize("order", ["as made", "reversed", "shuffled"])
def test_pages_are_numbered_in_the_records_order_whatever_the_file_system(tmp_path, order):
    """Pagefind's command line numbered pages in the order the file system listed its folders, which
    differs between machines (a hash on ext4, creation order on tmpfs); the build sends them in order."""
    shard = list(records(range(40)))
    if order == "reversed":
        shard.reverse()
    elif order == "shuffled":
        shard = shard[1::2] + shard[::2]
    assert build_shard(CONFIG, tmp_path, "2025", tuple(shard)) == ""
    assert indexed_urls(tmp_path / "pagefind/2025", "x-2025") == [record.url for record in shard]


def test_a_shard_writes_only_its_own_folder_and_replaces_what_was_there(tmp_path):
    (tmp_path / "pagefind/2025").mkdir(parents=True)
    (tmp_path / "pagefind/2025/stale.txt").write_text("from an earlier build")
    (tmp_path / "pagefind/2024").mkdir()
    (tmp_path / "pagefind/2024/kept.txt").write_text("another shard")
    assert build_shard(CONFIG, tmp_path, "2025", records(range(4))) == ""
    files = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*") if path.is_file())
    assert "pagefind/2024/kept.txt" in files and "pagefind/2025/stale.txt" not in files
    assert all(name.startswith("pagefind/2025/") for name in files if name != "pagefind/2024/kept.txt")
    assert build_shard(CONFIG, tmp_path, "2025", ()) == "" and not (tmp_path / "pagefind/2025").exists()


def test_records_made_while_pagefind_indexes_give_the_bundle_records_made_first_give(tmp_path):
    made_first = build_shard(CONFIG, tmp_path / "first", "2025", tuple(records(range(30))))
    made_as_sent = build_shard(CONFIG, tmp_path / "lazily", "2025", (record for record in records(range(30))))
    assert made_first == made_as_sent == ""
    assert snapshot(tmp_path / "first") == snapshot(tmp_path / "lazily")
    assert build_shard(CONFIG, tmp_path / "lazily", "2025", iter(())) == ""
    assert not (tmp_path / "lazily/pagefind/2025").exists()


def build_in(folder: Path) -> dict[str, bytes]:
    """Every shard of sharded() into folder, one after another."""
    for shard, shard_records in sharded().items():
        assert build_shard(CONFIG, folder, shard, shard_records) == ""
    return snapshot(folder)


def _build_one(folder: str, shard: str) -> str:
    return build_shard(CONFIG, Path(folder), shard, sharded()[shard])


def test_shards_built_in_threads_or_forked_processes_are_those_built_one_by_one(tmp_path):
    alone = build_in(tmp_path / "alone")
    with ThreadPoolExecutor(max_workers=3) as pool:
        outcomes = list(pool.map(lambda shard: _build_one(str(tmp_path / "threads"), shard), sharded()))
    with multiprocessing.get_context("fork").Pool(3) as pool:
        outcomes += pool.starmap(_build_one, [(str(tmp_path / "forked"), shard) for shard in sharded()])
    assert outcomes == [""] * 6
    assert snapshot(tmp_path / "threads") == alone == snapshot(tmp_path / "forked")


def test_the_ordered_index_means_exactly_what_pagefind_wrote(tmp_path):
    written = pagefind_bundle(tmp_path)
    ordered = shutil.copytree(written, tmp_path / "ordered")
    stabilise_bundle(ordered)
    assert meaning(ordered) == meaning(written)
    before, after = snapshot(written), snapshot(ordered)
    untouched = [name for name in before if name.startswith(("fragment/", "index/"))]
    assert untouched and all(after[name] == before[name] for name in untouched)


def test_filters_and_their_values_are_sorted(tmp_path):
    bundle = pagefind_bundle(tmp_path)
    stabilise_bundle(bundle)
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    meta = payload(bundle / f"pagefind.{entry['languages'][LANGUAGE]['hash']}.pf_meta")
    names = [name for name, _ in meta[3]]
    assert names == sorted(names) == ["actor", "theme", "year"]
    for _, file in meta[3]:
        values = [value for value, _ in payload(bundle / "filter" / f"{file}.pf_filter")[1]]
        assert values == sorted(values)


def test_a_filter_no_search_filters_by_is_written_with_no_values_and_the_others_keep_their_meaning(tmp_path):
    written = pagefind_bundle(tmp_path)
    ordered = shutil.copytree(written, tmp_path / "ordered")
    stabilise_bundle(ordered, unfiltered=("theme",))
    before, after = meaning(written), meaning(ordered)
    assert after["filters"].pop("theme") == {} and before["filters"].pop("theme")
    assert after == before
    # each result still carries its own themes, in its fragment, which the file leaves untouched
    assert all(snapshot(ordered)[name] == snapshot(written)[name] for name in snapshot(written)
               if name.startswith("fragment/"))
    [theme_file] = [file for name, file in payload(next(ordered.glob("pagefind.*.pf_meta")))[3] if name == "theme"]
    assert theme_file == f"{LANGUAGE}_{content_hash(encode_cbor(['theme', []]))[:7]}"


def test_an_unfiltered_filter_whose_index_is_missing_is_refused_and_the_bundle_left_as_it_was(tmp_path):
    bundle = pagefind_bundle(tmp_path)
    meta = payload(next(bundle.glob("pagefind.*.pf_meta")))
    [theme_file] = [file for name, file in meta[3] if name == "theme"]
    (bundle / "filter" / f"{theme_file}.pf_filter").unlink()
    before = snapshot(bundle)
    with pytest.raises(UnfamiliarIndex, match="filter index of 'theme', is missing"):
        stabilise_bundle(bundle, unfiltered=("theme",))
    assert snapshot(bundle) == before


@pytest.mark.parametrize("ordered", [False, True], ids=["as Pagefind wrote them", "in order"])
def test_index_files_are_named_by_pagefind_s_content_hash(tmp_path, ordered):
    bundle = pagefind_bundle(tmp_path)
    if ordered:
        stabilise_bundle(bundle)
    for path in [*bundle.glob("filter/*.pf_filter"), *bundle.glob("index/*.pf_index")]:
        assert path.stem == f"{LANGUAGE}_{content_hash(encode_cbor(payload(path)))[:7]}"
    [meta] = bundle.glob("pagefind.*.pf_meta")
    assert meta.name == f"pagefind.{meta_name(LANGUAGE, encode_cbor(payload(meta)))}.pf_meta"
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert meta.name == f"pagefind.{entry['languages'][LANGUAGE]['hash']}.pf_meta"


def test_a_bundle_in_an_unknown_form_is_refused_and_left_as_it_was(tmp_path):
    bundle = pagefind_bundle(tmp_path)
    (bundle / "filter" / f"{LANGUAGE}_0000000.pf_filter").write_bytes(gzip.compress(SIGNATURE + encode_cbor([])))
    before = snapshot(bundle)
    with pytest.raises(UnfamiliarIndex, match="is not listed"):
        stabilise_bundle(bundle)
    assert snapshot(bundle) == before


def test_a_metadata_index_in_unknown_cbor_is_refused_and_left_as_it_was(tmp_path):
    bundle = pagefind_bundle(tmp_path)
    [meta] = bundle.glob("pagefind.*.pf_meta")
    meta.write_bytes(gzip.compress(SIGNATURE + bytes([0xA0])))     # an empty CBOR map
    before = snapshot(bundle)
    with pytest.raises(UnfamiliarIndex, match="major type 5"):
        stabilise_bundle(bundle)
    assert snapshot(bundle) == before


def test_the_build_warns_when_the_index_cannot_be_put_in_order(tmp_path):
    bundle = pagefind_bundle(tmp_path)
    [meta] = bundle.glob("pagefind.*.pf_meta")
    meta.write_bytes(b"not gzip")
    problems = Problems()
    report_shard(CONFIG, "2025", finish_bundle(bundle), problems)
    [warning] = problems.items
    assert warning.severity == WARNING and "two builds will differ" in warning.message and "2025" in warning.message
    assert "requirements.txt" in warning.hint and meta.read_bytes() == b"not gzip"


def test_a_shard_pagefind_cannot_index_is_an_error_and_leaves_no_bundle(tmp_path):
    problems = Problems()
    nothing_to_index = SearchRecord(url="/entries/1/", document='<html><body data-pagefind-ignore="all"></body></html>')
    outcome = build_shard(CONFIG, tmp_path, "2025", (nothing_to_index,))
    report_shard(CONFIG, "2025", outcome, problems)
    assert "not able to build an index" in outcome and [problem.severity for problem in problems.items] == [ERROR]
    assert not (tmp_path / "pagefind").exists()


# ---------------------------------------------------------------- the CBOR subset

cbor_values = st.recursive(st.integers(-(2**64), 2**64 - 1) | st.text(),
                           lambda inner: st.lists(inner, max_size=5), max_leaves=30)


@given(cbor_values)
def test_cbor_values_read_back_as_written(value):
    assert decode_cbor(encode_cbor(value)) == value


@pytest.mark.parametrize("value, encoded", [
    (0, "00"), (23, "17"), (-1, "20"), (-25, "3818"), (24, "1818"), (255, "18ff"), (256, "190100"), (65536, "1a00010000"),
    (2**32, "1b0000000100000000"), ("", "60"), ("ليبيا", "6ad984d98ad8a8d98ad8a7"), ([], "80"),
    ([1, ["a"]], "8201816161"),
])
def test_cbor_is_written_in_its_shortest_definite_form(value, encoded):
    assert encode_cbor(value).hex() == encoded


@pytest.mark.parametrize("encoded", ["a0", "9f00ff", "7f6161ff", "f6", "1901", "6261"])
def test_cbor_outside_pagefind_s_subset_is_refused(encoded):
    with pytest.raises(UnfamiliarIndex):
        decode_cbor(bytes.fromhex(encoded))


# ---------------------------------------------------------------- Pagefind that cannot run


def fake_pagefind(tmp_path: Path, monkeypatch, script: str) -> None:
    """A shell script in place of Pagefind's binary, for the build to run."""
    fake = tmp_path / "pagefind"
    fake.write_text(f"#!/bin/sh\n{script}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(fake))


def test_a_missing_pagefind_binary_is_named_not_a_traceback(tmp_path, monkeypatch):
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / "no-such-pagefind"))
    outcome = run_pagefind([(record.url, record.document) for record in records(range(3))], tmp_path / "bundle")
    assert outcome.startswith("Pagefind could not be started") and "no-such-pagefind" in outcome
    assert not (tmp_path / "bundle").exists()


def test_a_pagefind_that_stops_early_is_an_error_with_what_it_said(tmp_path, monkeypatch):
    fake_pagefind(tmp_path, monkeypatch, "echo 'this Pagefind is broken' >&2\nexit 3")
    problems = Problems()
    outcome = build_shard(CONFIG, tmp_path / "site", "2025", records(range(3)))
    report_shard(CONFIG, "2025", outcome, problems)
    assert "this Pagefind is broken" in outcome and [problem.severity for problem in problems.items] == [ERROR]
    assert not (tmp_path / "site" / "pagefind").exists()


def test_a_pagefind_that_answers_in_another_language_is_an_error_not_a_traceback(tmp_path, monkeypatch):
    fake_pagefind(tmp_path, monkeypatch, "echo 'Pagefind 9 says hello,'\ncat > /dev/null")
    outcome = run_pagefind([(record.url, record.document) for record in records(range(3))], tmp_path / "bundle")
    assert outcome.startswith("Pagefind sent a reply this build cannot read") and "says hello" in outcome
    assert not (tmp_path / "bundle").exists()


def within(seconds: float, work):
    """work()'s result, or a failure if it has not come back in time (a hang would stall the whole run)."""
    result = []
    worker = threading.Thread(target=lambda: result.append(work()), daemon=True)
    worker.start()
    worker.join(seconds)
    if worker.is_alive():
        pytest.fail(f"still waiting after {seconds} s: the run hangs")
    return result[0]


def test_a_record_that_cannot_be_made_is_an_error_not_a_hang(tmp_path):
    def documents():
        yield from ((record.url, record.document) for record in records(range(3)))
        raise KeyError("an actor the registry lost")

    outcome = within(60, lambda: run_pagefind(documents(), tmp_path / "bundle"))
    assert outcome.startswith("a search record could not be made: KeyError") and "registry lost" in outcome
    assert not (tmp_path / "bundle").exists()


def test_a_pagefind_that_stops_reading_after_a_bad_reply_does_not_hang_the_build(tmp_path, monkeypatch):
    # more input than a pipe holds, and a service that neither reads it nor ends
    fake_pagefind(tmp_path, monkeypatch, "echo 'not a reply,'\nexec sleep 600")
    big = [(f"/entries/{number}/", "<p>" + "كلمة " * 20_000 + "</p>") for number in range(20)]
    outcome = within(60, lambda: run_pagefind(big, tmp_path / "bundle"))
    assert outcome.startswith("Pagefind sent a reply this build cannot read")
