"""The search index in canonical order: byte-identical from run to run, and meaning what Pagefind wrote.

Pagefind 1.5 writes filter values and the list of filters in hash-map order (Pagefind issue #638);
mawjaz/stable_index.py sorts them and names the files again. These tests run the real Pagefind on
documents with many filter values, so that its own order differs between runs.
"""
from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from site_files import snapshot

from mawjaz.config import load_config
from mawjaz.errors import Problems
from mawjaz.errors import WARNING
from mawjaz.search_index import (SearchInput, SearchRecord, build_search_index, finish_bundle, run_pagefind,
                                 write_documents)
from mawjaz.stable_index import (SIGNATURE, UnfamiliarIndex, content_hash, decode_cbor, encode_cbor, meta_name,
                                 stabilise_bundle)

ROOT = Path(__file__).resolve().parent.parent
ACTORS = [f"الفاعل {number}" for number in range(40)] + [f"actor {number}" for number in range(10)]
THEMES = [f"الموضوع {number}" for number in range(12)]
LANGUAGE = "unknown"          # documents without a lang attribute


def records() -> tuple[SearchRecord, ...]:
    """Thirty documents, each with a few of fifty actors, a theme and a year: enough values for
    Pagefind's hash-map order to change between runs."""
    documents = []
    for number in range(30):
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
    write_documents(work / "documents", records())
    assert run_pagefind(work / "documents", work / "bundle") == ""
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


def test_two_index_builds_of_the_same_documents_are_byte_identical(tmp_path):
    config = load_config(ROOT / "config.yaml", Problems())
    search = SearchInput(records=records(), browser_tables="export default {};\n")
    builds = []
    for run in range(3):
        problems = Problems()
        build_search_index(config, tmp_path / str(run), search, problems)
        assert problems.items == []
        builds.append(snapshot(tmp_path / str(run)))
    assert builds[0] == builds[1] == builds[2]
    assert any(name.startswith("pagefind/filter/") for name in builds[0])


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
    finish_bundle(load_config(ROOT / "config.yaml", Problems()), bundle, problems)
    [warning] = problems.items
    assert warning.severity == WARNING and "two builds will differ" in warning.message
    assert "requirements.txt" in warning.hint and meta.read_bytes() == b"not gzip"


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
