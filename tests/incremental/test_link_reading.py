"""Which pages a build reads for broken links once its site is complete, and what they keep from the last build.

Pages are checked as they are made (mawjaz.site.LinkProof); the tests here write pages whose links are
broken but that the rules say need no reading, so a page read when it should not be shows in the result.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from mawjaz.config import load_config
from mawjaz.errors import Problems
from mawjaz.incremental.manifest import Manifest
from mawjaz.incremental.outputs import Made
from mawjaz.incremental.publish import find_site_broken_links
from mawjaz.site import LinkProof

ROOT = Path(__file__).resolve().parents[2]
CONFIG = replace(load_config(ROOT / "config.yaml", Problems()), base_url="https://example.org/", base_path="/")
BROKEN = '<a href="/entries/gone/">x</a>\n'
FINE = '<a href="/entries/a/">x</a>\n'


def site(tmp_path: Path, pages: dict[str, str]) -> Path:
    for relative, text in pages.items():
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(text, encoding="utf-8")
    return tmp_path


def manifest(outputs, broken=None) -> Manifest:
    return Manifest(inputs="", outputs={path: ("digest", 1) for path in outputs}, broken_links=broken or {})


def test_a_made_page_shown_fine_is_not_read_and_one_not_shown_fine_is(tmp_path):
    folder = site(tmp_path, {"entries/a/index.html": BROKEN, "entries/b/index.html": BROKEN})
    made = Made({"entries/a/index.html": 1, "entries/b/index.html": 1}, (), unproven=("entries/b/index.html",))
    broken = find_site_broken_links(CONFIG, folder, made, set(), None, {"entries/a/index.html", "entries/b/index.html"})
    assert list(broken) == ["entries/b/index.html"]


def test_with_no_output_gone_a_kept_page_is_read_only_if_it_had_broken_links(tmp_path):
    pages = {"entries/a/index.html": BROKEN, "entries/b/index.html": BROKEN}
    folder = site(tmp_path, pages)
    previous = manifest(pages, {"entries/b/index.html": [[1, "/entries/gone/", "no file in the site answers it"]]})
    broken = find_site_broken_links(CONFIG, folder, Made({}, ()), set(pages), previous, {*pages, "entries/new/index.html"})
    assert list(broken) == ["entries/b/index.html"]


def test_a_kept_page_is_read_again_once_an_output_is_gone(tmp_path):
    pages = {"entries/a/index.html": FINE, "entries/b/index.html": FINE}
    folder = site(tmp_path, {"entries/b/index.html": FINE})     # entries/a/ was removed by this build
    broken = find_site_broken_links(CONFIG, folder, Made({}, ()), {"entries/b/index.html"}, manifest(pages),
                                    {"entries/b/index.html"})
    assert broken == {"entries/b/index.html": [[1, "/entries/a/", "no file in the site answers it"]]}


def test_the_proof_takes_only_pages_whose_every_link_lands_on_a_known_file():
    proof = LinkProof({"entries/a/index.html", "static/style.css"}, "https://example.org/", "/")
    assert proof.all_fine("entries/b/index.html", b'<a href="../a/">x</a> <link href="/static/style.css">')
    assert not proof.all_fine("entries/b/index.html", BROKEN.encode())
    assert not proof.all_fine("index.html", b'<a href="\r/entries/gone/">x</a>')      # read as text: still seen
