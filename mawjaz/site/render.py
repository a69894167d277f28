"""SiteModel → {relative path: page text} with Jinja2 (autoescape, StrictUndefined) and Babel filters."""
from __future__ import annotations

import traceback

from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, TemplateSyntaxError, select_autoescape

from .. import urls
from ..entry_dates import month_of, time_value, year_of
from ..errors import Problems
from ..markup import isolate_latin, plain_text, render_markdown, repeats_opening, shared_markdown
from ..model import SiteModel
from ..wording import count_of, format_hijri_date, format_month_name, format_number, format_partial_date, padded_date
from . import charts
from .network import KIND_SLUGS

KIND_LABELS = {"person": "أشخاص", "organization": "منظمات ومؤسسات", "state": "دول"}
KIND_SINGULAR = {"person": "شخصية", "organization": "منظمة", "state": "دولة"}


def make_environment(site: SiteModel) -> Environment:
    config = site.config
    # auto_reload off: a build reads each template once, where Jinja would look at its file again on every
    # page (a template edited during a build would only give a page of the old and the new one).
    env = Environment(loader=FileSystemLoader(config.paths.templates), autoescape=select_autoescape(default=True),
                      undefined=StrictUndefined, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                      auto_reload=False)
    markdown = shared_markdown()
    env.filters.update({
        "markdown": lambda text: render_markdown(markdown, text),
        "plain": lambda text: plain_text(markdown, text),
        "isolate": isolate_latin,
        "date": lambda text: format_partial_date(text, config.locale),
        "hijri": format_hijri_date,
        "month_name": lambda text: format_month_name(text, config.locale),
        "sortable_date": padded_date,
        "time_value": time_value,          # <time datetime>: an EDTF date at the bound it is filed by
        "year_of": year_of,
        "month_of": month_of,
        "years": lambda entries: list(dict.fromkeys(year_of(e.date) for e in entries if e.date)),
        "number": lambda number: format_number(number, config.locale),
        "count": lambda number, noun: count_of(number, noun, config.locale),
        "url": lambda path: config.base_path + path,
        "absolute": lambda path: config.base_url + path,
    })
    env.globals.update({
        "config": config, "site": site, "kind_labels": KIND_LABELS, "kind_singular": KIND_SINGULAR,
        "entry_path": urls.entry_path, "actor_path": urls.actor_path, "theme_path": urls.theme_path,
        "source_path": urls.source_path, "year_path": urls.year_path, "network_path": urls.network_path,
        "month_counts": charts.month_counts, "timeline_svg": charts.timeline_svg,
        "network_svg": lambda network, label: charts.network_svg(
            network, lambda actor_id: config.base_path + urls.actor_path(actor_id), label),
        "heat_level": charts.heat_level, "kind_slugs": KIND_SLUGS,
        "summary_is_new": lambda entry: not repeats_opening(entry.summary, plain_text(markdown, entry.body)),
        "listed_entry": _listed_entries(env),
    })
    return env


def _listed_entries(env: Environment):
    """_macros.html's entry_item, each entry made once per way of listing it: lists of entries (related
    entries, actors', themes', years' pages) show every entry many times over."""
    made: dict[tuple, str] = {}

    def listed_entry(entry, show_summary, heading):
        key = (entry.id, show_summary, heading)
        if key not in made:
            made[key] = env.get_template("_macros.html").module.entry_item_made(entry, show_summary, heading)
        return made[key]
    return listed_entry


def page_list(site: SiteModel) -> list[tuple[str, str, dict]]:
    """(output path, template, context) for every HTML page of the site."""
    registries = site.registries
    pages = [("index.html", "index.html", {}), ("actors/index.html", "actors.html", {}),
             ("themes/index.html", "themes.html", {}), ("sources/index.html", "sources.html", {}),
             ("archive/index.html", "archive.html", {}), ("about/index.html", "about.html", {}),
             ("404.html", "404.html", {})]
    if site.config.search_enabled:
        pages.append(("search/index.html", "search.html", {}))
    pages += [(urls.entry_path(e.id) + "index.html", "entry.html", {"entry": e}) for e in site.entries]
    pages += [(urls.actor_path(a) + "index.html", "actor.html", {"actor": registries.actor_by_id[a]})
              for a in site.by_actor]
    pages += [(urls.theme_path(t) + "index.html", "theme.html", {"theme": registries.theme_by_id[t]})
              for t in site.by_theme]
    pages += [(urls.source_path(s) + "index.html", "source.html", {"source": registries.source_by_id[s]})
              for s in site.by_source if s in registries.source_by_id]
    pages += [(urls.year_path(y) + "index.html", "year.html", {"year": y}) for y in site.by_year]
    pages += [(urls.network_path(slug) + "index.html", "network.html", {"network": network})
              for slug, network in site.networks.items()]
    return pages


def canonical_path(output_path: str) -> str:
    """The URL path of a page relative to the site root: 'entries/x/index.html' → 'entries/x/'."""
    return output_path.removesuffix("index.html")


def render_site(config, site: SiteModel, problems: Problems, reporter=None) -> dict[str, str]:
    env = make_environment(site)
    listed = page_list(site)
    pages, failed = {}, set()
    for done, (output, template, context) in enumerate(listed, start=1):
        if template in failed:
            continue                   # one message per broken template, not one per page
        text = render_page(env, template, {"path": canonical_path(output), **context}, problems)
        if text is None:
            failed.add(template)
        else:
            pages[output] = text
        if reporter is not None:
            reporter.progress("render", done, len(listed))
    return pages


def render_page(env: Environment, template: str, context: dict, problems: Problems) -> str | None:
    """The page's text, or None after reporting a template mistake with its file and line."""
    try:
        return env.get_template(template).render(**context)
    except TemplateSyntaxError as error:
        problems.error(error.filename or template, error.lineno, f"template syntax error: {error.message}",
                       "check the {% %} and {{ }} tags around this line")
    except TemplateError as error:
        path, line = template_line(error, template)
        problems.error(path, line, f"template error: {error}",
                       "a name the page does not have, or a misspelt one: compare with the other templates")
    return None


def template_line(error: Exception, template: str) -> tuple[str, int | None]:
    """Jinja rewrites tracebacks so that template frames name the template file and its line."""
    for frame in reversed(traceback.extract_tb(error.__traceback__)):
        if frame.filename.endswith(".html"):
            return frame.filename, frame.lineno
    return template, None
