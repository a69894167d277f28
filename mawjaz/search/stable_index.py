"""Pagefind's filter and metadata indexes rewritten in one canonical order, so that two builds of the
same entries give the same bytes.

Pagefind 1.5 writes the values inside each filter index, and the list of filters inside its metadata
index, in hash-map order, which changes from run to run (Pagefind issue #638); the file names are
hashes of the contents, so the names change too, and with them the metadata hash in
pagefind-entry.json. Neither order means anything: the browser reads both lists into maps, and page
numbers are untouched. So each filter's values are sorted by value and the filters by name, which is
also the order later Pagefind versions write, and every file is named again the way Pagefind names it.

A filter the search page never filters by can be written with no values at all (`unfiltered`): the
browser loads a filter's index only for a search filtered by it, and each result carries its own values
in its fragment. The excerpt's text is such a filter: its index was most of a shard's filter bytes, and
putting it in order most of the time spent here (0.1 s a shard of 650 entries).

Every other file Pagefind writes is already stable and is left as it is. A bundle that does not look
exactly as expected (another Pagefind version, another encoding) is left untouched and reported.
Each shard of the search index (mawjaz/search/index.py) is a bundle of its own, put in order on its own.
"""
from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Collection
from pathlib import Path

SIGNATURE = b"pagefind_dcd"      # what Pagefind puts before the CBOR inside each gzip stream
ENTRY_FILE = "pagefind-entry.json"
FILTER_FOLDER = "filter"
SHORT_HASH = 7                   # hex digits Pagefind keeps of a content hash, before collisions
META_FIELDS = 6                  # version, pages, index chunks, filters, sorts, meta fields
META_FILTERS = 3                 # where the (filter name, file hash) pairs are in the metadata index


class UnfamiliarIndex(Exception):
    """The bundle is not in the form this module knows how to rewrite."""


# ---------------------------------------------------------------- the CBOR Pagefind writes
# Only integers, text strings and definite-length arrays, each in its shortest form (minicbor's
# defaults; negative integers appear in the word indexes only). Anything else means the format has
# changed, and is refused rather than guessed at.

UNSIGNED, NEGATIVE, TEXT, ARRAY = 0, 1, 3, 4


def decode_cbor(data: bytes) -> object:
    value, end = _decode_item(data, 0)
    if end != len(data):
        raise UnfamiliarIndex(f"{len(data) - end} bytes after the CBOR value")
    return value


def _decode_item(data: bytes, at: int) -> tuple[object, int]:
    if at >= len(data):
        raise UnfamiliarIndex("the CBOR value ends early")
    major, info = data[at] >> 5, data[at] & 0x1F
    if info < 24:
        number, at = info, at + 1
    elif info <= 27:
        width = 1 << (info - 24)
        if at + 1 + width > len(data):
            raise UnfamiliarIndex("the CBOR value ends early")
        number, at = int.from_bytes(data[at + 1:at + 1 + width], "big"), at + 1 + width
    else:
        raise UnfamiliarIndex(f"a CBOR item of indefinite or reserved length at byte {at}")
    if major == UNSIGNED:
        return number, at
    if major == NEGATIVE:
        return -1 - number, at
    if major == TEXT:
        if at + number > len(data):
            raise UnfamiliarIndex("the CBOR value ends early")
        return data[at:at + number].decode("utf-8"), at + number
    if major == ARRAY:
        items = []
        for _ in range(number):
            item, at = _decode_item(data, at)
            items.append(item)
        return items, at
    raise UnfamiliarIndex(f"a CBOR item of major type {major} at byte {at}")


def encode_cbor(value: object) -> bytes:
    if isinstance(value, bool) or not isinstance(value, (int, str, list)):
        raise UnfamiliarIndex(f"cannot write {type(value).__name__} as CBOR")
    if isinstance(value, int):
        return _head(UNSIGNED, value) if value >= 0 else _head(NEGATIVE, -1 - value)
    if isinstance(value, str):
        text = value.encode("utf-8")
        return _head(TEXT, len(text)) + text
    return _head(ARRAY, len(value)) + b"".join(encode_cbor(item) for item in value)


def _head(major: int, number: int) -> bytes:
    if number < 24:
        return bytes([major << 5 | number])
    width = next(w for w in (1, 2, 4, 8) if number < 1 << (8 * w))
    return bytes([(major << 5) | (23 + width.bit_length())]) + number.to_bytes(width, "big")  # 24..27


# ---------------------------------------------------------------- index files


def read_index(path: Path) -> object:
    """A .pf_* file's value; refused unless writing it back gives exactly the CBOR Pagefind wrote."""
    try:
        payload = gzip.decompress(path.read_bytes())
    except (OSError, EOFError) as error:
        raise UnfamiliarIndex(f"{path.name} cannot be read as gzip ({error})") from None
    if not payload.startswith(SIGNATURE):
        raise UnfamiliarIndex(f"{path.name} does not start with Pagefind's signature")
    try:
        value = decode_cbor(payload[len(SIGNATURE):])
    except UnicodeDecodeError:
        raise UnfamiliarIndex(f"{path.name} has text that is not UTF-8") from None
    if encode_cbor(value) != payload[len(SIGNATURE):]:
        raise UnfamiliarIndex(f"{path.name} uses CBOR forms this reader does not write back the same")
    return value


# zlib's default level. Pagefind writes at 9, which took three times as long on the largest filter
# index (the excerpt text's, 2 MB, before it was written with no values) for 7 % fewer bytes.
COMPRESS_LEVEL = 6


def index_file_bytes(cbor: bytes) -> bytes:
    """Gzip with no name and a zero time, so that the bytes depend on the content alone."""
    return gzip.compress(SIGNATURE + cbor, compresslevel=COMPRESS_LEVEL, mtime=0)


def content_hash(cbor: bytes) -> str:
    """Pagefind's content hash: SHA-1 written byte by byte in hex without zero padding (Rust's `{:x?}`)."""
    return "".join(format(byte, "x") for byte in hashlib.sha1(cbor).digest())


def unused_name(language: str, digest: str, taken: set[str]) -> str:
    """`<language>_` and the shortest prefix of the hash, from 7 digits, that no other file has."""
    for length in range(SHORT_HASH, len(digest) + 1):
        name = f"{language}_{digest[:length]}"
        if name not in taken:
            return name
    raise UnfamiliarIndex(f"two filter indexes with the same content hash {digest}")


def meta_name(language: str, cbor: bytes) -> str:
    """Pagefind keeps as many hash digits for the metadata index as the language name has, plus eight."""
    return f"{language}_{content_hash(cbor)[:len(language) + SHORT_HASH + 1]}"


# ---------------------------------------------------------------- the bundle


def stabilise_bundle(bundle: Path, unfiltered: Collection[str] = ()) -> None:
    """Rewrite the filter and metadata indexes of every language in canonical order, with the names and
    the entry file to match; the filters named in `unfiltered` get an index with no values. Everything
    is read and checked before the first file changes."""
    entry_path = bundle / ENTRY_FILE
    entry_text = _read_text(entry_path)
    old_files: set[str] = set()
    new_files: dict[str, bytes] = {}
    for language, old_meta in sorted(language_hashes(entry_text).items()):
        new_meta, read, written = stable_language(bundle, language, old_meta, unfiltered)
        entry_text = _replace_once(entry_text, f'"hash":"{old_meta}"', f'"hash":"{new_meta}"')
        old_files |= read
        new_files |= written
    on_disk = {path.relative_to(bundle).as_posix() for path in bundle.glob("pagefind.*.pf_meta")}
    on_disk |= {path.relative_to(bundle).as_posix() for path in bundle.glob(f"{FILTER_FOLDER}/*.pf_filter")}
    unlisted = sorted(on_disk - old_files)
    if unlisted:
        raise UnfamiliarIndex(f"{unlisted[0]} is not listed in {ENTRY_FILE} or any metadata index")
    for name in sorted(old_files):
        (bundle / name).unlink()
    for name, data in sorted(new_files.items()):
        (bundle / name).write_bytes(data)
    entry_path.write_bytes(entry_text.encode("utf-8"))


def language_hashes(entry_text: str) -> dict[str, str]:
    """{language: metadata index hash} from pagefind-entry.json."""
    try:
        languages = json.loads(entry_text)["languages"]
        return {language: details["hash"] for language, details in languages.items()}
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise UnfamiliarIndex(f"{ENTRY_FILE} has no language hashes ({error!r})") from None


def stable_language(bundle: Path, language: str, meta_hash: str,
                    unfiltered: Collection[str] = ()) -> tuple[str, set[str], dict[str, bytes]]:
    """One language's metadata index and the filter indexes it lists, in canonical order (those of
    `unfiltered` with no values): the new metadata hash, the files read (to be replaced) and the files
    to write, by path in the bundle."""
    meta_file = f"pagefind.{meta_hash}.pf_meta"
    meta = read_index(bundle / meta_file)
    if not (_is_list(meta, META_FIELDS) and _is_list_of(meta[META_FILTERS], lambda pair: _is_list(pair, 2, str))):
        raise UnfamiliarIndex(f"{meta_file} is not a metadata index of {META_FIELDS} parts with filters")
    read, written, filters, taken = {meta_file}, {}, [], set()
    for name, old_hash in sorted(meta[META_FILTERS]):
        old_file = f"{FILTER_FOLDER}/{old_hash}.pf_filter"
        if name in unfiltered:
            if not (bundle / old_file).is_file():
                raise UnfamiliarIndex(f"{old_file}, the filter index of {name!r}, is missing")
            cbor = encode_cbor([name, []])
        else:
            cbor = encode_cbor(canonical_filter(read_index(bundle / old_file), name, old_file))
        new_hash = unused_name(language, content_hash(cbor), taken)
        taken.add(new_hash)
        read.add(old_file)
        written[f"{FILTER_FOLDER}/{new_hash}.pf_filter"] = index_file_bytes(cbor)
        filters.append([name, new_hash])
    meta_cbor = encode_cbor([*meta[:META_FILTERS], filters, *meta[META_FILTERS + 1:]])
    new_meta = meta_name(language, meta_cbor)
    written[f"pagefind.{new_meta}.pf_meta"] = index_file_bytes(meta_cbor)
    return new_meta, read, written


def canonical_filter(index: object, name: str, file: str) -> list:
    """[filter name, [[value, [page, ...]], ...]] with the values sorted (they are unique)."""
    if not (_is_list(index, 2) and index[0] == name and _is_list_of(index[1], _is_filter_value)):
        raise UnfamiliarIndex(f"{file} is not the filter index of {name!r}")
    return [name, sorted(index[1])]


def _is_filter_value(value: object) -> bool:
    """[value, [page number, ...]]"""
    return (_is_list(value, 2) and isinstance(value[0], str)
            and _is_list_of(value[1], lambda page: isinstance(page, int)))


def _is_list(value: object, length: int, item_type: type | None = None) -> bool:
    return (isinstance(value, list) and len(value) == length
            and (item_type is None or all(isinstance(item, item_type) for item in value)))


def _is_list_of(value: object, is_item) -> bool:
    return isinstance(value, list) and all(is_item(item) for item in value)


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, ValueError) as error:
        raise UnfamiliarIndex(f"{path.name} cannot be read ({error})") from None


def _replace_once(text: str, old: str, new: str) -> str:
    if text.count(old) != 1:
        raise UnfamiliarIndex(f"{ENTRY_FILE} names {old} {text.count(old)} times, not once")
    return text.replace(old, new)
