"""The only code that reads content/entries: load_entries, and the checks that name a file and a line.

An entry file is YAML front matter between '---' lines, then a Markdown body. A file that cannot be
read as an entry is a problem reported with its line and a fix, never a traceback, and never skipped
without a word.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

from ..arabic import normalise_for_matching
from ..decoding import decode_arabic_code_page, looks_binary
from ..entry_dates import DateFormError, read_entry_date
from ..errors import Problems
from ..model import Entry, ProposedActor, Registries
from ..schema import TEXT_LIST, Field, check_mapping, check_value, describe, suggest
from ..yamlio import LineDict, LineList, YamlError, parse_yaml
from .fields import (ENTRY_FIELDS, ENTRY_ID, EVENT_LINKS, EXTRA_FIELDS, FENCE, PROPOSAL_FIELDS, PROPOSALS,
                     PROPOSED_SOURCE_FIELDS, STATEMENT_FIELDS)
from .ingested import INGESTED_FIELDS, INGESTED_KEY

MAX_ENTRY_BYTES = 2 * 2**20   # an entry is one story; anything bigger is a mistake, not a story


def load_entries(entries_dir: Path, registries: Registries | None, problems: Problems) -> list[Entry]:
    """Read and validate every entry; problems name the file and the line of the field.

    With `registries`, every actor, theme and source id an entry names is checked too.
    """
    entries = []
    for path in sorted(entries_dir.glob("*.md"), key=lambda path: path.name) if entries_dir.is_dir() else []:
        entry = read_entry(path, problems, registries)
        if entry is not None:
            entries.append(entry)
    check_event_links(entries, problems)
    return entries


def read_entry(path: Path, problems: Problems, registries: Registries | None = None) -> Entry | None:
    text = read_entry_text(path, problems)
    return None if text is None else parse_entry(path, text, problems, registries)


def read_entry_text(path: Path, problems: Problems) -> str | None:
    """The file's text with a UTF-8 BOM and Windows line ends removed; None (and a problem) otherwise."""
    if path.is_symlink() and not path.resolve().is_relative_to(path.parent.resolve()):
        problems.error(path, None, f"the entry is a link to {os.readlink(path)}, outside the entries folder",
                       "replace the link with the entry file itself")
        return None
    try:
        size = path.stat().st_size
        raw = path.read_bytes() if size <= MAX_ENTRY_BYTES else b""
    except OSError as error:
        problems.error(path, None, f"cannot read the file: {error.strerror}", "check that it exists and is readable")
        return None
    if size > MAX_ENTRY_BYTES:
        problems.error(path, None, f"the entry is {size / 2**20:.1f} MB, more than an entry can be "
                       f"({MAX_ENTRY_BYTES // 2**20} MB)", "an entry is one story: split the file or remove it")
        return None
    return _decode(path, raw, problems)


def _decode(path: Path, raw: bytes, problems: Problems) -> str | None:
    """UTF-8 only: entries are the committed record, so a legacy encoding is named, never guessed at."""
    if not _free_of_control_bytes(raw) and looks_binary(raw):
        problems.error(path, None, "the entry holds binary data, not text",
                       "an entry is a UTF-8 text file: replace it with the text, or remove it")
        return None
    try:
        return raw.decode("utf-8-sig").replace("\r\n", "\n")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        if decode_arabic_code_page(raw) is None:
            problems.error(path, line, "the entry is not UTF-8 text", "open it in a text editor and save it as UTF-8")
        else:
            problems.error(path, line, "the entry is not UTF-8 text (it looks like Windows-1256, the legacy "
                           "Arabic encoding)", f"save it as UTF-8, e.g. iconv -f WINDOWS-1256 -t UTF-8 {path.name} > new.md")
        return None


# Control characters other than tab, line ends and form feed: what looks_binary counts, in its sample.
CONTROL_BYTES = bytes(byte for byte in range(32) if byte not in (9, 10, 12, 13))
BINARY_SAMPLE = 8192


def _free_of_control_bytes(raw: bytes) -> bool:
    """True for nearly every entry, checked in C: with no control byte, looks_binary finds none either."""
    sample = raw[:BINARY_SAMPLE]
    return len(sample.translate(None, CONTROL_BYTES)) == len(sample)


def parse_entry(path: Path, text: str, problems: Problems, registries: Registries | None = None) -> Entry | None:
    lines = text.split("\n")
    if not text.strip():
        problems.error(path, 1, "the entry file is empty", "delete it, or mark the story 'status: rejected'")
        return None
    if lines[0].strip() != FENCE:
        problems.error(path, 1, "no front matter at the top of the entry",
                       "start the file with a '---' line, the fields, and another '---' line")
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if closing is None:
        problems.error(path, 1, "the front matter opened here is never closed",
                       "add a '---' line after the last field, before the body")
        return None
    try:
        data = parse_yaml("\n".join(lines[1:closing]), first_line=2)
    except YamlError as error:
        problems.error(path, error.line, error.message, error.hint)
        return None
    before = len(problems.errors())
    proposals = data.pop(PROPOSALS, None) if isinstance(data, dict) else None
    values, extra = _check_front_matter(path, data, problems)
    if registries is not None:
        _check_references(path, data, registries, problems)
        _check_statement_actors(path, extra, registries, problems)
    proposed = _check_proposals(path, proposals, data, problems)
    if len(problems.errors()) > before:
        return None
    if values.get("status") != "rejected":
        _warn_unreviewed(path, proposed, registries, problems)
    body = "\n".join(lines[closing + 1:]).strip("\n") + "\n"
    return Entry(path=str(path), body=body, extra=tuple(sorted(extra.items())),
                 proposed_actors=tuple(actor for actor, _ in proposed), **values)


def _check_front_matter(path: Path, data, problems: Problems) -> tuple[dict, dict]:
    before = len(problems.errors())
    extra = {key: data.pop(key) for key in EXTRA_FIELDS if isinstance(data, dict) and key in data}
    ingested = data.pop(INGESTED_KEY, None) if isinstance(data, dict) else None
    if isinstance(data, dict) and type(data.get("date")) is int:   # 'date: 2018' is a year, as a maintainer means
        data["date"] = str(data["date"])
    values = check_mapping(data, ENTRY_FIELDS, path, problems, line=2)
    line_of = data.line_of if isinstance(data, LineDict) else (lambda key: 2)
    _check_id(path, values, line_of, problems)
    values["date"] = _check_date(path, values["date"], line_of, problems)
    values["seed_lines"] = _check_seed_lines(path, values.get("seed_lines"), line_of, problems)
    values["ingested"] = _check_ingested(path, ingested, line_of, problems)
    _check_extra_shapes(path, extra, line_of, problems)
    _check_proposed_source(path, extra, values, line_of, problems)
    if values.get("status") == "published" and values["date"] is None and before == len(problems.errors()):
        problems.error(path, line_of("date"), "a published entry needs a date",
                       "write the date as far as it is known (2025-09-24, 2025-09, 2025, or 2021-03/2023-08 for a span), "
                       "or set 'status: draft'")
    if values.get("status") == "draft" and values["date"] is None and not values.get("date_note") \
            and before == len(problems.errors()):   # a date_note says the date was looked for
        problems.warning(path, line_of("date"), "this draft has no date yet",
                         "find the date of the story, or the span it falls in (2025-09-24, 2025-09, 2021-03/2023-08), "
                         "or say in 'date_note' why it cannot be known")
    return values, extra


def _check_id(path: Path, values: dict, line_of, problems: Problems) -> None:
    entry_id = values.get("id")
    if not entry_id:
        return
    if not ENTRY_ID.match(entry_id):
        problems.error(path, line_of("id"), f"id '{entry_id}' may use only a-z, 0-9 and single hyphens",
                       f"ids become URLs: keep them ASCII, e.g. 'id: {_ascii_id(path.stem)}'")
    elif entry_id != path.stem and (path.parent / f"{entry_id}.md").exists():
        problems.error(path, line_of("id"), f"id '{entry_id}' is already the id of {entry_id}.md",
                       f"each entry needs its own id: set 'id: {path.stem}'")
    elif entry_id != path.stem:
        problems.error(path, line_of("id"), f"id '{entry_id}' differs from the file name '{path.stem}'",
                       f"rename the file to {entry_id}.md or set 'id: {path.stem}'")


def _ascii_id(stem: str) -> str:
    cleaned = "-".join(re.findall(r"[a-z0-9]+", stem.lower()))
    return cleaned or "2025-09-24-united-states"


def _check_date(path: Path, value, line_of, problems: Problems) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    try:
        read_entry_date(text)
    except DateFormError as error:
        problems.error(path, line_of("date"), str(error), error.hint)
        return None
    return text


def _check_seed_lines(path: Path, value, line_of, problems: Problems):
    if value is None:
        return None
    if len(value) != 2 or not 0 < value[0] <= value[1]:
        problems.error(path, line_of("seed_lines"), "'seed_lines' should be two line numbers, e.g. [7, 31]",
                       "write the first and last line of the story in its seed")
        return None
    return (int(value[0]), int(value[1]))


def _check_ingested(path: Path, value, line_of, problems: Problems) -> tuple[tuple[str, str], ...]:
    """The generated digests: {field: hex text} for known fields, or an error naming the line."""
    if value is None:
        return ()
    if not isinstance(value, dict) or not all(key in INGESTED_FIELDS and isinstance(text, str)
                                              and re.fullmatch(r"[0-9a-f]{6,64}", text)
                                              for key, text in value.items()):
        problems.error(path, line_of(INGESTED_KEY), "the 'ingested' line is not as ingest writes it",
                       "it is generated: delete the line (and its comment) and run 'build.py refresh'; "
                       "the entry's fields are then kept unless you pass --take FIELD")
        return ()
    return tuple((key, value[key]) for key in INGESTED_FIELDS if key in value)


def _check_references(path: Path, data, registries: Registries, problems: Problems) -> None:
    """Every actor, theme and source id an entry names must exist; each problem on its item's line."""
    if not isinstance(data, LineDict):
        return
    for field_name, known, registry in (("actors", registries.actor_by_id, "actors"),
                                        ("themes", registries.theme_by_id, "themes"),
                                        ("source", registries.source_by_id, "sources")):
        for item, line in _ids_with_lines(data, field_name):
            if item not in known:
                problems.error(path, line, f"unknown {field_name.rstrip('s')} id '{item}'",
                               f"{suggest(item, known)} (or add it to content/{registry}.yaml)")


def _ids_with_lines(data: LineDict, field_name: str) -> list[tuple[str, int]]:
    value = data.get(field_name)
    if isinstance(value, str) and value.strip():
        return [(value.strip(), data.line_of(field_name))]
    if isinstance(value, LineList):
        return [(item.strip(), value.line_of(i)) for i, item in enumerate(value) if isinstance(item, str)]
    return []


def _check_extra_shapes(path: Path, extra: dict, line_of, problems: Problems) -> None:
    """statements: a list of {actor, text, kind}; same_event and not_same_event: lists of entry ids."""
    statements = extra.get("statements")
    if statements is not None:
        if not isinstance(statements, list):
            problems.error(path, line_of("statements"), f"'statements' should be a list, found {describe(statements)}",
                           "write one '- actor: …' block per statement, with text and kind")
        else:
            for index, item in enumerate(statements):
                line = statements.line_of(index) if isinstance(statements, LineList) else line_of("statements")
                check_mapping(item, STATEMENT_FIELDS, path, problems, where=f"statements[{index + 1}]", line=line)
    for key in EVENT_LINKS:
        if key in extra and extra[key] is not None:
            check_value(extra[key], Field(TEXT_LIST), path, problems, key, line_of(key))


def _check_proposed_source(path: Path, extra: dict, values: dict, line_of, problems: Problems) -> None:
    """proposed_source: {name: …}, and only while `source` is null."""
    proposed = extra.get("proposed_source")
    if proposed is None:
        return
    check_mapping(proposed, PROPOSED_SOURCE_FIELDS, path, problems, where="proposed_source",
                  line=line_of("proposed_source"))
    if values.get("source") is not None:
        problems.error(path, line_of("proposed_source"),
                       f"'proposed_source' is written beside 'source: {values['source']}'",
                       "a proposal stands in for a source the registry lacks: delete it once 'source' is set")


def _check_statement_actors(path: Path, extra: dict, registries: Registries, problems: Problems) -> None:
    for statement in written_statements(extra.get("statements")):
        actor = statement.get("actor")
        if isinstance(actor, str) and actor not in registries.actor_by_id:
            line = statement.line_of("actor") if isinstance(statement, LineDict) else None
            problems.error(path, line, f"unknown actor id '{actor}' in a statement",
                           f"{suggest(actor, registries.actor_by_id)} "
                           "(or write 'actor: null' when the speaker is unknown)")


def check_event_links(entries: list[Entry], problems: Problems) -> None:
    """same_event / not_same_event name other entries that exist, and never both for one pair."""
    known = {entry.id for entry in entries}
    for entry in entries:
        extra = dict(entry.extra)
        for key in EVENT_LINKS:
            value = extra.get(key) or []
            for index, linked in enumerate(value):
                line = value.line_of(index) if isinstance(value, LineList) else None
                if linked == entry.id:
                    problems.error(entry.path, line, f"'{key}' names the entry itself", f"remove '{linked}' from it")
                elif linked not in known:
                    problems.error(entry.path, line, f"'{key}' names '{linked}', which is not an entry",
                                   suggest(linked, known))
        split = extra.get("not_same_event") or []
        both = set(extra.get("same_event") or []) & set(split)
        for linked in sorted(both):
            problems.error(entry.path, getattr(split, "line", None),
                           f"'{linked}' is in both same_event and not_same_event", "keep it in one of the two lists")


def _check_proposals(path: Path, value, data, problems: Problems) -> list[tuple[ProposedActor, int]]:
    """proposed_actors: a list of {name, kind, role}; each problem on its item's line."""
    if value is None:
        return []
    line = data.line_of(PROPOSALS) if isinstance(data, LineDict) else 2
    if not isinstance(value, list):
        problems.error(path, line, f"'{PROPOSALS}' should be a list, found {describe(value)}",
                       "write one '- {name: …, kind: person, role: …}' line per proposed actor")
        return []
    proposed = []
    for index, item in enumerate(value):
        item_line = value.line_of(index) if isinstance(value, LineList) else line
        before = len(problems.errors())
        fields = check_mapping(item, PROPOSAL_FIELDS, path, problems, where=f"{PROPOSALS}[{index + 1}]",
                               line=item_line)
        if len(problems.errors()) == before:
            proposed.append((ProposedActor(fields["name"], fields["kind"], fields["role"]), item_line))
    return proposed


def _warn_unreviewed(path: Path, proposed: list, registries: Registries | None, problems: Problems) -> None:
    """One warning per proposal: it waits for review, or the registry already has the name."""
    if not proposed:
        return                  # most entries: no need to fold every name of the registry
    registry_names = {normalise_for_matching(name): actor.id for actor in (registries.actors if registries else ())
                      for name in (actor.name, *actor.aliases)}
    rejected = {normalise_for_matching(name) for name in (registries.not_actors if registries else ())}
    for proposal, line in proposed:
        key = normalise_for_matching(proposal.name)
        if key in registry_names:
            problems.warning(path, line, f"proposed actor '{proposal.name}' is already actor '{registry_names[key]}' "
                             "in content/actors.yaml", f"put '{registry_names[key]}' in 'actors:' and remove the proposal")
        elif key in rejected:
            problems.warning(path, line, f"proposed actor '{proposal.name}' is listed in content/not_actors.yaml",
                             "remove the proposal from the entry")
        else:
            report_proposal(problems, path, line, proposal)


def written_statements(value) -> list:
    """The mappings of a 'statements' list as written in the front matter ([] for anything else)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []

def report_proposal(problems: Problems, path, line: int | None, proposal: ProposedActor) -> None:
    """The one warning about an actor proposed and not yet reviewed (ingest and check use it alike)."""
    what = f"{proposal.kind}, {proposal.role}" if proposal.role else proposal.kind
    problems.warning(path, line, f"proposed actor '{proposal.name}' ({what}) is not reviewed: no actor in "
                     "content/actors.yaml has the name",
                     f"run 'python build.py proposals accept \"{proposal.name}\" --name-en \"…\"' to add it to "
                     f"the registry, or 'python build.py proposals reject \"{proposal.name}\"' if it is not an actor")
