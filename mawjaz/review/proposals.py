"""`build.py proposals`: list the actors ingest proposed, and accept or reject them.

    python build.py proposals                                    every proposal, with the entries that carry it
    python build.py proposals accept NAME --name-en "English"   [--id slug] [--kind K] [--role TEXT]
    python build.py proposals reject NAME

Accepting appends the actor to content/actors.yaml (as text, so the file's comments and layout stay)
and, in every entry that proposes the name, puts the new id in `actors:` and removes the proposal.
Rejecting lists the name in content/not_actors.yaml and removes the proposal from the entries.
The registries and entries as they would be are checked before anything is written, and each file is
written whole or not at all.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..arabic import normalise_for_matching
from ..entries import (load_entries, parse_entry, read_entry_text, replace_entry_file, replace_file_text,
                       resolve_proposal)
from ..errors import Problems
from ..model import ACTOR_KINDS, Entry, Registries
from ..registries import REGISTRY_ID, load_registries
from ..yamlio import format_scalar

LIST, ACCEPT, REJECT = "list", "accept", "reject"
REGISTRY_FILES = ("actors.yaml", "themes.yaml", "sources.yaml", "places.yaml", "not_actors.yaml")
ACTIONS = (LIST, ACCEPT, REJECT)


@dataclass(frozen=True)
class Proposed:
    """One name proposed across entries: as first written, with the entries that carry it."""
    name: str
    kind: str
    role: str | None
    entries: tuple[Entry, ...]

    @property
    def entry_ids(self) -> tuple[str, ...]:
        return tuple(entry.id for entry in self.entries)


def collect_proposals(entries: list[Entry]) -> dict[str, Proposed]:
    """Normalised name → the proposal, for entries not rejected; entries in id order."""
    found: dict[str, Proposed] = {}
    for entry in sorted(entries, key=lambda e: e.id):
        if entry.status == "rejected":
            continue
        for proposal in entry.proposed_actors:
            key = normalise_for_matching(proposal.name)
            known = found.get(key) or Proposed(proposal.name, proposal.kind, proposal.role, ())
            if entry not in known.entries:
                known = Proposed(known.name, known.kind, known.role, (*known.entries, entry))
            found[key] = known
    return found


def format_list(proposals: dict[str, Proposed]) -> str:
    if not proposals:
        return "No proposed actors: every entry's actors are in content/actors.yaml."
    rows = sorted(proposals.values(), key=lambda p: (-len(p.entry_ids), normalise_for_matching(p.name)))
    lines = [f"{len(rows)} proposed actor(s), most proposed first (name · kind · role · entries: ids):"]
    lines += [f"  {p.name} · {p.kind} · {p.role or '—'} · {len(p.entry_ids)}: {', '.join(p.entry_ids)}" for p in rows]
    lines.append('Review each: python build.py proposals accept NAME --name-en "English name" [--id slug], '
                 "or python build.py proposals reject NAME")
    return "\n".join(lines)


def slug(text: str) -> str:
    """'Nikos Dendias' → 'nikos-dendias' (ASCII only; Arabic is never turned into an id)."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))


# ---------------------------------------------------------------- the command


def review(content: Path, action: str, name: str | None, options: dict, problems: Problems) -> str | None:
    """Run one action; returns what to print, or None when `problems` says why nothing was done."""
    registries = load_registries(content, problems)
    loading = Problems(problems.root)        # the entries' warnings are about proposals: the point here
    entries = load_entries(content / "entries", None if problems.errors() else registries, loading)
    for problem in loading.errors():
        problems.add(problem)
    if problems.errors():
        return None
    proposals = collect_proposals(entries)
    if action == LIST:
        return format_list(proposals)
    proposal = proposals.get(normalise_for_matching(name))
    if proposal is None:
        problems.error(content / "entries", None, f"no entry proposes an actor named '{name}'",
                       "python build.py proposals lists the names proposed (write the name as listed)")
        return None
    if action == ACCEPT:
        return accept(content, registries, proposal, options, problems)
    return reject(content, registries, proposal, problems)


def accept(content: Path, registries: Registries, proposal: Proposed, options: dict, problems: Problems) -> str | None:
    actors_file = content / "actors.yaml"
    actor_id = options.get("id") or slug(options["name_en"])
    kind = options.get("kind") or proposal.kind
    role = options.get("role") or proposal.role
    if not REGISTRY_ID.match(actor_id):
        problems.error(actors_file, None, f"id '{actor_id}' may use only a-z, 0-9 and single hyphens",
                       "give one with --id, e.g. --id nikos-dendias")
    elif actor_id in registries.actor_by_id:
        problems.error(actors_file, None, f"id '{actor_id}' is taken by '{registries.actor_by_id[actor_id].name}'",
                       "choose another with --id")
    if kind not in ACTOR_KINDS:
        problems.error(actors_file, None, f"kind '{kind}' is not allowed", "expected one of: " + ", ".join(ACTOR_KINDS))
    if problems.errors():
        return None
    fields = {"id": actor_id, "name": proposal.name, "name_en": options["name_en"], "kind": kind, "role": role}
    item = "- " + "\n  ".join(f"{key}: {format_scalar(value)}" for key, value in fields.items() if value)
    if not _apply(content, actors_file, item, proposal, actor_id, problems):
        return None
    return (f"Added actor '{actor_id}' ({proposal.name}) to {actors_file}; "
            f"{len(proposal.entry_ids)} entr{'y names' if len(proposal.entry_ids) == 1 else 'ies name'} it now: "
            + ", ".join(proposal.entry_ids))


def reject(content: Path, registries: Registries, proposal: Proposed, problems: Problems) -> str | None:
    names_file = content / "not_actors.yaml"
    known = {normalise_for_matching(n) for n in registries.not_actors}
    item = None if normalise_for_matching(proposal.name) in known else f"- {format_scalar(proposal.name)}"
    if not _apply(content, names_file, item, proposal, None, problems):
        return None
    return (f"Listed '{proposal.name}' in {names_file} and removed the proposal from "
            f"{len(proposal.entry_ids)} entr{'y' if len(proposal.entry_ids) == 1 else 'ies'}: "
            + ", ".join(proposal.entry_ids))


def _apply(content: Path, registry_file: Path, item: str | None, proposal: Proposed, actor_id: str | None,
           problems: Problems) -> bool:
    """Append `item` to the registry file and edit the entries, once the registries and entries as they
    would be are checked (in a temporary folder); False, with the problems, when they do not load."""
    new_registry = registry_file.read_text(encoding="utf-8") if registry_file.exists() else ""
    new_registry = append_item(new_registry, item) if item else new_registry
    texts = {}
    for entry in proposal.entries:
        old = read_entry_text(Path(entry.path), problems)
        new = resolve_proposal(old, entry, proposal.name, actor_id) if old is not None else None
        if new is not None:
            texts[Path(entry.path)] = (old, new)
    check = Problems(problems.root)
    with tempfile.TemporaryDirectory() as folder:
        for name in REGISTRY_FILES:
            if (content / name).exists():
                shutil.copyfile(content / name, Path(folder) / name)
        (Path(folder) / registry_file.name).write_text(new_registry, encoding="utf-8")
        registries = load_registries(Path(folder), check)
    for path, (_, text) in texts.items():
        parse_entry(path, text, check, registries)
    for problem in check.errors():
        problems.add(problem)
    if problems.errors():
        return False
    replace_file_text(registry_file, new_registry)
    for path, (old, new) in texts.items():
        if not replace_entry_file(path, old, new):
            problems.error(path, None, "the entry changed while the proposal was reviewed, and was left as it is",
                           f"run the same command again to review the proposal in {path.name}")
    return not problems.errors()


def append_item(text: str, item: str) -> str:
    """The registry's text with one more item at the end; an empty list written '[]' becomes the item."""
    lines = text.split("\n")
    if "[]" in (line.strip() for line in lines):
        return "\n".join(item if line.strip() == "[]" else line for line in lines)
    if not text.strip():
        return item + "\n"
    text = text if text.endswith("\n") else text + "\n"
    blank = "\n" if "\n\n- " in text else ""   # actors.yaml keeps a blank line between items
    return text + blank + item + "\n"
