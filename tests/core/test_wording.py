"""Arabic wording: every counted noun on the site, dates in Gregorian and Hijri, Latin runs isolated."""
from __future__ import annotations

import pytest
from markdown_it.ruler import Ruler

from mawjaz.markup import isolate_latin, make_markdown, render_markdown
from mawjaz.wording import NOUNS, count_of, format_hijri_date, format_partial_date, padded_date

COUNTS = (0, 1, 2, 3, 10, 11, 99, 100, 101, 102)

# One row per noun, one column per count in COUNTS: what a careful Arabic editor would write.
PLURAL_TABLE = {
    "entry": ("لا مقالات", "مقال واحد", "مقالان", "3 مقالات", "10 مقالات", "11 مقالاً", "99 مقالاً",
              "100 مقال", "101 مقال", "102 مقال"),
    "actor": ("لا فاعلين", "فاعل واحد", "فاعلان", "3 فاعلين", "10 فاعلين", "11 فاعلاً", "99 فاعلاً",
              "100 فاعل", "101 فاعل", "102 فاعل"),
    "theme": ("لا موضوعات", "موضوع واحد", "موضوعان", "3 موضوعات", "10 موضوعات", "11 موضوعاً", "99 موضوعاً",
              "100 موضوع", "101 موضوع", "102 موضوع"),
    "source": ("لا مصادر", "مصدر واحد", "مصدران", "3 مصادر", "10 مصادر", "11 مصدراً", "99 مصدراً",
               "100 مصدر", "101 مصدر", "102 مصدر"),
    "year": ("لا سنوات", "سنة واحدة", "سنتان", "3 سنوات", "10 سنوات", "11 سنةً", "99 سنةً",
             "100 سنة", "101 سنة", "102 سنة"),
    "month": ("لا أشهر", "شهر واحد", "شهران", "3 أشهر", "10 أشهر", "11 شهراً", "99 شهراً",
              "100 شهر", "101 شهر", "102 شهر"),
    "time": ("ولا مرة", "مرة واحدة", "مرتان", "3 مرات", "10 مرات", "11 مرةً", "99 مرةً",
             "100 مرة", "101 مرة", "102 مرة"),
}


def test_every_counted_noun_on_the_site_has_a_row_in_the_table():
    assert set(PLURAL_TABLE) == set(NOUNS)


@pytest.mark.parametrize("noun", sorted(PLURAL_TABLE))
@pytest.mark.parametrize("column, number", list(enumerate(COUNTS)))
def test_counted_noun_takes_the_form_of_its_cldr_category(noun, column, number):
    assert count_of(number, noun, "ar") == PLURAL_TABLE[noun][column]


def test_large_counts_are_grouped_and_follow_the_last_two_digits():
    assert count_of(1011, "entry", "ar") == "1,011 مقالاً"
    assert count_of(103, "entry", "ar") == "103 مقالات"


@pytest.mark.parametrize("date, shown", [("2025-09-23", "23 سبتمبر 2025"), ("2025-09", "سبتمبر 2025"),
                                         ("2025", "2025"), ("2021-12-24", "24 ديسمبر 2021"), (None, "")])
def test_partial_dates_are_shown_as_partial(date, shown):
    assert format_partial_date(date, "ar") == shown


def test_hijri_date_only_for_day_precision_and_within_umm_al_qura():
    assert format_hijri_date("2025-09-23") == "1 ربيع الثاني 1447 هـ"
    assert format_hijri_date("2025-09") == "" and format_hijri_date("2025") == ""
    assert format_hijri_date("1900-01-01") == ""


def test_padded_dates_sort_partial_dates_at_the_start_of_their_period():
    assert [padded_date(d) for d in ("2025-09-23", "2025-09", "2025")] == ["2025-09-23", "2025-09-01", "2025-01-01"]


@pytest.mark.parametrize("text, html", [
    ("قالت هانا تيتيه (Hanna Tetteh) إن", "قالت هانا تيتيه <bdi>(Hanna Tetteh)</bdi> إن"),
    ("البعثة (UNSMIL).", "البعثة <bdi>(UNSMIL)</bdi>."),
    ("كوفيد-19.", "كوفيد-<bdi>19</bdi>."),
    ("في 2025، قال", "في <bdi>2025</bdi>، قال"),
    ("<script>alert(1)</script>", "<bdi>&lt;script&gt;alert(1)&lt;/script&gt;</bdi>"),
    ("نص عربي فقط", "نص عربي فقط"),
])
def test_latin_runs_are_isolated_and_escaped(text, html):
    assert str(isolate_latin(text)) == html


def test_markdown_keeps_raw_html_as_text_and_refuses_javascript_links():
    html = str(render_markdown(make_markdown(), "<b>x</b> [a](javascript:alert(1)) [b](https://example.com/)"))
    assert "<b>" not in html and "&lt;" in html and 'href="javascript' not in html
    assert '<a href="https://example.com/"><bdi>b</bdi></a>' in html


def test_a_summary_that_opens_the_body_is_recognised():
    from mawjaz.markup import repeats_opening
    body = "ليبيا – لبنان ينتقد موقف العيساوي، كما تشاور الجانبان حول مجمل التطورات. وعقد اللقاء."
    assert repeats_opening("ليبيا – لبنان ينتقد موقف العيساوي، كما تشاور الجانبان", body)
    assert repeats_opening("ليبيا – لبنان ينتقد موقف العيساوي، كما تشاور الجانبان حول مجمل التطورات.", body)
    assert not repeats_opening("تشاور الجانبان حول التطورات", body)
    assert repeats_opening("", body)


def test_templates_count_only_nouns_the_table_knows():
    import re

    from conftest import ROOT
    used = {noun for path in (ROOT / "templates").glob("*.html")
            for noun in re.findall(r"(?:count\(|counted_links\([^)]*, )'(\w+)'\)", path.read_text(encoding="utf-8"))}
    used |= {"entry"}       # the default noun of the counted_links macro
    assert "time" in used and used <= set(NOUNS), used - set(NOUNS)


def test_the_markdown_parser_needs_no_compiling_once_made_so_threads_can_share_it(monkeypatch):
    """A rule list compiled by one thread while another reads it made builds fail at random."""
    markdown = make_markdown()
    def compiling_now(ruler):
        raise AssertionError("a rule list was compiled after the parser was made")
    monkeypatch.setattr(Ruler, "__compile__", compiling_now)
    html = str(render_markdown(markdown, "فقرة **قوية** و`رمز` [رابط](https://example.org/)\n\n> اقتباس\n\n- أ\n- ب\n"))
    assert "<strong>قوية</strong>" in html and "<blockquote>" in html and "<li>" in html
