"""A deterministic content folder for Mawjaz: registries and N entries recombined from the seeds.

The same N gives byte-identical files, and entry i is the same whatever N is (each entry draws from
its own seeded generator), so "add one entry" is simply entry N. Run it alone to look at a corpus:

    python -m bench.corpus 1000 bench/out/corpus-1000          # content folder
    python -m bench.corpus 1000 bench/out/seeds-1000 --seeds    # raw seed stories for ingest
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from . import lexicon

ROOT = Path(__file__).resolve().parent.parent
FIRST_DAY, LAST_DAY = date(2011, 1, 1), date(2026, 10, 31)
PERSONS, ORGANIZATIONS = 190, 60
# Lines of a scraped page that are not news: the generator must not recombine them into bodies.
BOILERPLATE = re.compile(r"^(المصدر|كلمات دلالية|إقرأ أيضا|اقرأ أيضا|اقرأ المزيد|مقالات|زر الذهاب|يحتوي هذا القسم|"
                         r"نشر بتاريخ|رئيس مجلس|المزيد من|آخر الأخبار|الأخبار$|•)")
SENTENCE_END = re.compile(r"(?<=[.!؟])\s+")
# "نيويورك 24 سبتمبر 2025م(وال)- " or "ليبيا – ": a story's opening, not part of a sentence to reuse.
DATELINE = re.compile(r"^(\S+ \d{1,2} \S+ \d{4}م? ?\(وال\) ?- ?|\S+ – )")
PLAIN_YAML = re.compile(r"^[^\-?:,\[\]{}#&*!|>'\"%@`\s\d][^:#\[\]{},\"']*$")
ASCII_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass(frozen=True)
class TextPool:
    sentences: tuple[str, ...]   # whole sentences of news prose, 8 words or more
    headlines: tuple[str, ...]   # short lines without a final stop: titles and subheadings


@dataclass(frozen=True)
class Registry:
    actors: tuple[dict, ...]
    themes: tuple[dict, ...]
    sources: tuple[dict, ...]


# ---------------------------------------------------------------- text from the seeds


def read_text_pool(seeds_dir: Path) -> TextPool:
    sentences, headlines = [], []
    for path in sorted(seeds_dir.glob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            line = " ".join(line.replace("\u00a0", " ").split())
            if not is_news_line(line):
                continue
            words = len(line.split())
            if line[-1] not in ".!؟" and 4 <= words <= 16:
                headlines.append(line)
            elif words >= 8:
                sentences.extend(s for s in SENTENCE_END.split(DATELINE.sub("", line)) if len(s.split()) >= 8)
    return TextPool(tuple(dict.fromkeys(sentences)), tuple(dict.fromkeys(headlines)))


def is_news_line(line: str) -> bool:
    """Arabic prose, not a masthead, a related-headlines list or an English notice."""
    arabic = sum("\u0600" <= ch <= "\u06ff" for ch in line)
    return bool(line) and not BOILERPLATE.match(line) and arabic > len(line) / 2


# ---------------------------------------------------------------- registries


def make_registry() -> Registry:
    rng = random.Random("mawjaz-bench:registry")
    actors = [actor(name, ident, "organization") for name, ident in lexicon.INTERNATIONAL_BODIES]
    actors += [actor(name, ident, "state") for name, ident in lexicon.STATES]
    actors += make_organizations(rng)
    actors += make_persons(rng, [a["id"] for a in actors if a["kind"] == "organization"])
    themes = [{"id": ident, "name": name, "name_en": name_en, "terms": list(terms)}
              for ident, name, name_en, terms in lexicon.THEMES]
    sources = [{"id": ident, "name": name, "name_en": name_en, "signatures": [name]}
               for name, name_en, ident in lexicon.SOURCES]
    return Registry(tuple(actors), tuple(themes), tuple(sources))


def actor(name: str, ident: str, kind: str, **more) -> dict:
    return {"id": ident, "name": name, "name_en": ident.replace("-", " ").title(), "kind": kind, **more}


def make_organizations(rng: random.Random) -> list[dict]:
    pairs = [(kind, field) for kind in lexicon.ORGANIZATION_KINDS for field in lexicon.ORGANIZATION_FIELDS]
    chosen = sorted(rng.sample(range(len(pairs)), ORGANIZATIONS))
    return [actor(f"{pairs[i][0][0]} {pairs[i][1][0]}", f"{pairs[i][0][1]}-{pairs[i][1][1]}", "organization")
            for i in chosen]


def make_persons(rng: random.Random, organization_ids: list[str]) -> list[dict]:
    persons, seen, family_claimed = [], set(), set()
    while len(persons) < PERSONS:
        (first, first_id), (family, family_id) = rng.choice(lexicon.FIRST_NAMES), rng.choice(lexicon.FAMILY_NAMES)
        ident = f"{first_id}-{family_id}"
        if ident in seen:
            continue
        seen.add(ident)
        # A family name alone names one actor only: the registry refuses a name claimed twice.
        aliases = [] if family in family_claimed else [family]
        family_claimed.add(family)
        persons.append(actor(f"{first} {family}", ident, "person", aliases=aliases,
                             role=rng.choice(lexicon.PERSON_ROLES), affiliation=rng.choice(organization_ids)))
    return persons


# ---------------------------------------------------------------- entries


class EntryMaker:
    """Entry i from its own generator: popular actors and themes recur, as in real news."""

    def __init__(self, pool: TextPool, registry: Registry):
        self.pool, self.registry = pool, registry
        self.actor_weights = zipf_weights(len(registry.actors), random.Random("mawjaz-bench:actor-order"))
        self.theme_weights = zipf_weights(len(registry.themes), random.Random("mawjaz-bench:theme-order"))

    def entry(self, index: int) -> dict:
        rng = random.Random(f"mawjaz-bench:entry:{index}")
        day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
        actors = self.pick(rng, self.registry.actors, self.actor_weights, rng.randint(1, 4))
        themes = self.pick(rng, self.registry.themes, self.theme_weights, rng.randint(1, 3))
        place = rng.choice(lexicon.PLACES) if rng.random() < 0.8 else None
        lead = f"{place or 'ليبيا'} – {self.headline(rng, actors)}، {rng.choice(self.pool.sentences)}"
        body = [lead] + [self.paragraph(rng) for _ in range(rng.randint(2, 6))]
        entry_id = f"{day.isoformat()}-{actors[0]['id']}-{index:05d}"
        text = "\n\n".join(body)
        return {
            "id": entry_id, "title": self.title(rng, actors), "date": day.isoformat(), "status": "published",
            "source": rng.choice(self.registry.sources)["id"] if rng.random() < 0.9 else None, "place": place,
            "actors": [a["id"] for a in actors], "themes": [t["id"] for t in themes],
            "summary": " ".join(lead.split()[:30]), "seed": f"{index:06d}_{digest(text)[:16]}.txt",
            "seed_lines": [1, text.count("\n") + 1], "story_sha256": digest(text), "body": text,
        }

    @staticmethod
    def pick(rng: random.Random, items: tuple[dict, ...], weights: list[float], count: int) -> list[dict]:
        chosen: list[dict] = []
        while len(chosen) < count:
            item = rng.choices(items, weights)[0]
            if item not in chosen:
                chosen.append(item)
        return chosen

    def headline(self, rng: random.Random, actors: list[dict]) -> str:
        other = actors[1]["name"] if len(actors) > 1 else rng.choice(self.registry.actors)["name"]
        verb, topic = rng.choice(lexicon.HEADLINE_VERBS), rng.choice(lexicon.HEADLINE_TOPICS)
        return f"{actors[0]['name']} {verb} {other} بشأن {topic}"

    def title(self, rng: random.Random, actors: list[dict]) -> str:
        return self.headline(rng, actors) if rng.random() < 0.6 else rng.choice(self.pool.headlines)

    def paragraph(self, rng: random.Random) -> str:
        if rng.random() < 0.15:
            return "## " + rng.choice(self.pool.headlines)
        return " ".join(rng.choice(self.pool.sentences) for _ in range(rng.randint(1, 3)))


def zipf_weights(count: int, rng: random.Random) -> list[float]:
    ranks = list(range(1, count + 1))
    rng.shuffle(ranks)
    return [1 / rank ** 0.9 for rank in ranks]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# ---------------------------------------------------------------- writing files


def yaml_scalar(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        return "[" + ", ".join(yaml_scalar(v) for v in value) + "]"
    plain = PLAIN_YAML.match(value) or (ASCII_ID.match(value) and not value.isdigit())
    return value if plain else json.dumps(value, ensure_ascii=False)


def format_entry(entry: dict) -> str:
    fields = [f"{key}: {yaml_scalar(value)}" if key != "date" else f"date: {value}"
              for key, value in entry.items() if key != "body"]
    return "---\n" + "\n".join(fields) + "\n---\n" + entry["body"] + "\n"


def format_registry(items: tuple[dict, ...]) -> str:
    lines = []
    for item in items:
        for number, (key, value) in enumerate(item.items()):
            lines.append(("- " if number == 0 else "  ") + f"{key}: {yaml_scalar(value)}")
    return "\n".join(lines) + "\n"


def write_registries(content_dir: Path, registry: Registry) -> None:
    content_dir.mkdir(parents=True, exist_ok=True)
    for name, items in (("actors", registry.actors), ("themes", registry.themes), ("sources", registry.sources)):
        (content_dir / f"{name}.yaml").write_text(format_registry(items), encoding="utf-8")


def write_entry(entries_dir: Path, entry: dict) -> Path:
    path = entries_dir / f"{entry['id']}.md"
    path.write_text(format_entry(entry), encoding="utf-8")
    return path


def write_corpus(content_dir: Path, count: int, seeds_dir: Path = ROOT / "seeds") -> EntryMaker:
    """Registries and entries 0..count-1 under content_dir; returns the maker for further entries."""
    maker = EntryMaker(read_text_pool(seeds_dir), make_registry())
    write_registries(content_dir, maker.registry)
    entries_dir = content_dir / "entries"
    entries_dir.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        write_entry(entries_dir, maker.entry(index))
    return maker


# ---------------------------------------------------------------- raw seed stories


def seed_story(maker: EntryMaker, index: int) -> str:
    """One story as a scraper leaves it: masthead, title, dateline, paragraphs, source, related list."""
    rng = random.Random(f"mawjaz-bench:seed:{index}")
    entry = maker.entry(index)
    day = date.fromisoformat(entry["date"])
    source = next((s for s in maker.registry.sources if s["id"] == entry["source"]), maker.registry.sources[0])
    dateline = f"{entry['place'] or 'طرابلس'} {day.day} {lexicon.MONTHS_AR[day.month - 1]} {day.year}م (وال)- "
    paragraphs = [p for p in entry["body"].split("\n\n") if not p.startswith("## ")]
    lead = DATELINE.sub("", paragraphs[0])
    lines = rng.sample(lexicon.MASTHEADS, rng.randint(0, 2)) + [entry["title"], dateline + lead]
    lines += paragraphs[1:] + [f"المصدر: {source['name']}", rng.choice(lexicon.RELATED_HEADERS)]
    lines += ["  • " + headline for headline in rng.sample(maker.pool.headlines, rng.randint(2, 6))]
    return "\n\n".join(lines) + "\n"


def write_seed_stories(seeds_out: Path, count: int, seeds_dir: Path = ROOT / "seeds") -> None:
    maker = EntryMaker(read_text_pool(seeds_dir), make_registry())
    seeds_out.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        text = seed_story(maker, index)
        (seeds_out / f"{index:04d}_{digest(text)[:16]}.txt").write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.corpus", description=__doc__.split("\n")[0])
    parser.add_argument("count", type=int, help="number of entries (or seed stories)")
    parser.add_argument("target", type=Path, help="folder to write (a content folder, or a seeds folder)")
    parser.add_argument("--seeds", action="store_true", help="write raw seed stories instead of a content folder")
    args = parser.parse_args(argv)
    (write_seed_stories if args.seeds else write_corpus)(args.target, args.count)


if __name__ == "__main__":
    main()
