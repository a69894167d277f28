"""Pagefind's own binary (from the pagefind[bin] wheel) run over documents held in memory, in its service
mode, so that pages are numbered in the order they are sent.

Pagefind's command line numbers pages in the order the file system lists its folders: ext4 lists a large
folder by a hash seeded per disk, tmpfs by creation, so the same documents gave a different index on
another machine, or in another temporary folder. The service numbers them in the order it receives them
(it handles one message at a time), which is the entries' order on every machine. It also spares writing
thousands of documents to disk only for Pagefind to read them back.

The protocol is the one Pagefind's Python API speaks: each message is JSON, base64-encoded, followed by a
comma, and every request gets a reply with the same message id. That API waits 0.1 s before reading each
reply, which would make 10,000 entries take minutes, so this sends every message at once from a thread
and reads the replies as they come.

The bundle comes back in the last reply (GetFiles) and is written here. The service's own WriteFiles
replies before its writes have reached the files, and the service stops as soon as its input ends, so
a bundle it wrote could be cut short.
"""
from __future__ import annotations

import base64
import json
import subprocess
import tempfile
import threading
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path, PurePosixPath

from pagefind.service import get_executable

FIRST_INDEX = 0          # the id a fresh service gives the first index it makes
REPLY_END = b","


def run_pagefind(documents: Iterable[tuple[str, str]], bundle: Path, language: str | None = None,
                 leave_out: Collection[str] = ()) -> str:
    """Index (url, HTML) pairs, page numbers in their order, and write the bundle to `bundle`, except the
    files named in `leave_out`. `language` replaces the one Pagefind would detect. Returns what went
    wrong, or "" on success. The documents may be made as they are sent: Pagefind indexes each while
    the next is made."""
    executable = get_executable()
    if executable is None:
        return "Pagefind's binary was not found"
    sent = _Sent()
    with tempfile.TemporaryFile() as errors:
        try:
            service = subprocess.Popen([str(executable), "--service"], stdin=subprocess.PIPE,
                                       stdout=subprocess.PIPE, stderr=errors)
        except OSError as error:
            return f"Pagefind could not be started ({executable}): {error.strerror or error}"
        sender = threading.Thread(target=_send, args=(service, _requests(documents, language, sent), sent),
                                  daemon=True)
        sender.start()
        reply, stopped_early = None, True   # early: neither the bundle nor the service's end was read
        try:
            reply = _read_replies(service, sent)
            stopped_early = reply is not None and not sent.bundle_arrived
        finally:
            if stopped_early:
                # the service may be blocked writing replies no one reads, and the sender blocked
                # writing to it: closing its input would wait for ever
                service.kill()
            _to_service(service.stdin.close)    # end of input: the service stops
            sender.join()
            service.wait()
        if sent.failure:
            return sent.failure
        if reply is None:               # the service stopped before it sent the bundle
            errors.seek(0)
            said = errors.read().decode("utf-8", "replace").strip()[-500:]
            return said or f"Pagefind stopped with code {service.returncode}"
    problem, files = reply
    return problem or write_bundle(files, bundle, leave_out)


class _Sent:
    """What the sender has sent so far: document i's url at i - 1 (its message id is i), and, once every
    document is sent, the id of the last message, which asks for the bundle."""

    def __init__(self):
        self.urls: list[str] = []
        self.last_id: int | None = None
        self.bundle_arrived = False     # the reply to the last message came
        self.failure = ""               # why a document could not be made, if one could not


def write_bundle(files: list[dict], bundle: Path, leave_out: Collection[str]) -> str:
    """The files of a GetFiles reply, under `bundle`; "" or what is wrong with them."""
    contents: dict[str, bytes] = {}
    for file in files:
        path = PurePosixPath(str(file.get("path", "")))
        if path.is_absolute() or not path.parts or ".." in path.parts:
            return f"Pagefind sent a file outside its bundle: {str(path)[:200]!r}"
        contents[path.as_posix()] = base64.b64decode(file.get("content", ""))
    if "pagefind.js" not in contents:
        return "Pagefind wrote no pagefind.js"
    if not indexed_pages(contents.get("pagefind-entry.json", b"")):   # the command line refuses this
        return "Pagefind was not able to build an index: no document had a word to index"
    for name, data in contents.items():
        if name not in leave_out:
            target = bundle / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    return ""


def indexed_pages(entry_json: bytes) -> int:
    """How many pages a bundle's languages hold, from its pagefind-entry.json."""
    try:
        entry = json.loads(entry_json)
        return sum(language.get("page_count", 0) for language in entry.get("languages", {}).values())
    except (ValueError, AttributeError):
        return 0


def _requests(documents: Iterable[tuple[str, str]], language: str | None, sent: _Sent) -> Iterator[bytes]:
    """The messages, made as they are sent (the service reads one at a time, so they need not be held
    all at once): a new index (0), each document (1 to n), then the bundle asked for (n + 1)."""
    yield _message(0, {"type": "NewIndex", "config": {"force_language": language} if language else {}})
    for url, html in documents:
        sent.urls.append(url)           # before its message goes: its reply can only come after
        yield _message(len(sent.urls), {"type": "AddFile", "index_id": FIRST_INDEX, "url": url, "file_path": None,
                                        "file_contents": html})
    sent.last_id = len(sent.urls) + 1
    yield _message(sent.last_id, {"type": "GetFiles", "index_id": FIRST_INDEX})


def _message(message_id: int, payload: dict) -> bytes:
    return base64.b64encode(json.dumps({"message_id": message_id, "payload": payload}).encode("utf-8")) + REPLY_END


def _send(service: subprocess.Popen, requests: Iterator[bytes], sent: _Sent) -> None:
    """Write every message. A document that cannot be made ends the input there: the service stops, so
    the reader is not left waiting for a bundle that will never be asked for."""
    try:
        for request in requests:
            if not _to_service(service.stdin.write, request):
                return                  # the service stopped; its replies (or their absence) say why
    except Exception as error:          # the documents are made here, as they are sent
        sent.failure = f"a search record could not be made: {type(error).__name__}: {error}"
        _to_service(service.stdin.close)
        return
    _to_service(service.stdin.flush)


def _to_service(operation, *arguments) -> bool:
    """An operation on the service's input; False if the service had stopped reading or the input
    was closed already."""
    try:
        operation(*arguments)
        return True
    except (BrokenPipeError, ValueError):
        return False


def _decoded(encoded: bytes) -> dict | None:
    try:
        reply = json.loads(base64.b64decode(encoded, validate=True))
    except ValueError:                  # not base64, or not JSON
        return None
    return reply if isinstance(reply, dict) and isinstance(reply.get("payload", {}), dict) else None


def _read_replies(service: subprocess.Popen, sent: _Sent) -> tuple[str, list[dict]] | None:
    """Read replies until the bundle arrives: the first error ("" if none) and the bundle's files, or
    None if the service stopped first."""
    pending: list[bytes] = []           # the reply being read (the bundle's is megabytes long)
    first_error = ""
    while chunk := service.stdout.read1(1 << 20):
        if REPLY_END not in chunk:
            pending.append(chunk)
            continue
        *replies, rest = b"".join((*pending, chunk)).split(REPLY_END)
        pending = [rest]
        for encoded in replies:
            reply = _decoded(encoded)
            if reply is None:
                return f"Pagefind sent a reply this build cannot read: {encoded[:80]!r}", []
            message_id, payload = reply.get("message_id"), reply.get("payload") or {}
            if payload.get("type") == "Error" and not first_error:
                urls = sent.urls
                document = urls[message_id - 1] if isinstance(message_id, int) and 0 < message_id <= len(urls) else ""
                first_error = f"{document}: {payload.get('message')}" if document else str(payload.get("message"))
            elif payload.get("type") == "NewIndex" and payload.get("index_id") != FIRST_INDEX:
                return f"Pagefind made index {payload.get('index_id')} where {FIRST_INDEX} was expected", []
            if sent.last_id is not None and message_id == sent.last_id:
                sent.bundle_arrived = True
                return first_error, payload.get("files") or []
    return None
