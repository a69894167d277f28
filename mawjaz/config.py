"""Load and validate config.yaml: a small typed schema, unknown keys refused with "did you mean"."""
from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from .errors import Problems
from .schema import FLAG, NUMBER, SECTION, TEXT, Field, check_mapping
from .yamlio import YamlError, parse_yaml

STATUSES = ("published", "draft", "rejected")

TOP_FIELDS = {
    "title": Field(TEXT, required=True),
    "description": Field(TEXT, required=True),
    "base_url": Field(TEXT, required=True),
    "locale": Field(TEXT, default="ar"),
    "paths": Field(SECTION, default=None),
    "ingest": Field(SECTION, default=None),
    "feeds": Field(SECTION, default=None),
    "home": Field(SECTION, default=None),
    "search": Field(SECTION, default=None),
}
PATH_FIELDS = {name: Field(TEXT, default=name) for name in ("seeds", "content", "templates", "static")}
PATH_FIELDS["out"] = Field(TEXT, default="site")
INGEST_FIELDS = {"default_status": Field(TEXT, default="published", choices=STATUSES)}
FEED_FIELDS = {"entries": Field(NUMBER, default=20, minimum=1)}
HOME_FIELDS = {"latest": Field(NUMBER, default=12, minimum=1), "months": Field(NUMBER, default=12, minimum=1)}
SEARCH_FIELDS = {"enabled": Field(FLAG, default=True), "results_per_page": Field(NUMBER, default=10, minimum=1),
                 "shard_entries": Field(NUMBER, default=500, minimum=1)}


@dataclass(frozen=True)
class Paths:
    seeds: Path
    content: Path
    templates: Path
    static: Path
    out: Path


@dataclass(frozen=True)
class Config:
    path: Path
    title: str
    description: str
    base_url: str          # always ends with "/"
    base_path: str         # the URL path part, e.g. "/mawjaz/"
    locale: str
    paths: Paths
    ingest_status: str
    feed_entries: int
    home_latest: int
    home_months: int
    search_enabled: bool
    search_results_per_page: int
    search_shard_entries: int

    def with_overrides(self, seeds=None, content=None, out=None, base_url=None) -> "Config":
        paths = replace(self.paths, **{k: Path(v).resolve() for k, v in
                                       (("seeds", seeds), ("content", content), ("out", out)) if v})
        config = replace(self, paths=paths)
        if base_url:
            url, base_path = normalise_base_url(base_url)
            config = replace(config, base_url=url, base_path=base_path)
        return config


def normalise_base_url(url: str) -> tuple[str, str]:
    url = url if url.endswith("/") else url + "/"
    return url, urlsplit(url).path or "/"


def load_config(path: Path, problems: Problems) -> Config | None:
    """Read config.yaml; every problem goes to `problems`; None when it cannot be used."""
    if not path.is_file():
        problems.error(path, None, "config file not found", "run from the project folder or pass --config FILE")
        return None
    try:
        data = parse_yaml(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError:
        problems.error(path, None, "config file is not UTF-8 text", "save it as UTF-8")
        return None
    except YamlError as error:
        problems.error(path, error.line, error.message, error.hint)
        return None
    before = len(problems.errors())
    top = check_mapping(data, TOP_FIELDS, path, problems)
    sections = {name: check_mapping(top[name] or {}, fields, path, problems, where=name,
                                    line=getattr(data, "lines", {}).get(name, 1))
                for name, fields in (("paths", PATH_FIELDS), ("ingest", INGEST_FIELDS), ("feeds", FEED_FIELDS),
                                     ("home", HOME_FIELDS), ("search", SEARCH_FIELDS))}
    base_url = top["base_url"] or "/"
    if not _is_usable_base_url(base_url):
        problems.error(path, data.line_of("base_url") if hasattr(data, "line_of") else None,
                       f"'base_url' is '{base_url}', which is not an http(s) address or a path starting with '/'",
                       "write e.g. https://example.org/mawjaz/ or /mawjaz/")
    if len(problems.errors()) > before:
        return None
    root = path.resolve().parent
    url, base_path = normalise_base_url(base_url)
    return Config(
        path=path.resolve(), title=top["title"], description=top["description"], base_url=url,
        base_path=base_path, locale=top["locale"],
        paths=Paths(**{name: (root / value).resolve() for name, value in sections["paths"].items()}),
        ingest_status=sections["ingest"]["default_status"], feed_entries=sections["feeds"]["entries"],
        home_latest=sections["home"]["latest"], home_months=sections["home"]["months"],
        search_enabled=sections["search"]["enabled"],
        search_results_per_page=sections["search"]["results_per_page"],
        search_shard_entries=sections["search"]["shard_entries"],
    )


def _is_usable_base_url(url: str) -> bool:
    parts = urlsplit(url)
    if parts.scheme in ("http", "https"):
        return bool(parts.netloc)
    return not parts.scheme and not parts.netloc and url.startswith("/")


def check_public_address(config: Config, problems: Problems) -> None:
    """A path alone is enough for the links between pages, but not for what is read away from the site:
    Atom feeds, the sitemap and canonical links must hold full addresses."""
    if not urlsplit(config.base_url).scheme:
        problems.warning(config.path, None,
                         f"'base_url' is only a path ('{config.base_url}'), so the Atom feeds, the sitemap and the "
                         "pages' canonical links hold paths where feed readers and search engines need addresses",
                         "write the site's public address in config.yaml (e.g. https://example.org/mawjaz/) or "
                         "pass it with --base-url when you build")


def check_templates_folder(config: Config, problems: Problems) -> None:
    """Rendering needs the templates: say so once, instead of failing on the first page."""
    if not config.paths.templates.is_dir():
        problems.error(config.path, None, f"templates folder '{config.paths.templates}' not found",
                       "set 'paths.templates' to the folder that holds base.html, or restore templates/")
