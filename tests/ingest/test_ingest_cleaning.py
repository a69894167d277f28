"""Each cleaning rule alone, on the cases in tests/fixtures/cleaning/rules.txt; then the rules together."""
from __future__ import annotations

import pytest
from fixturefile import fixture_cases

from mawjaz.ingest import cleaning
from mawjaz.ingest.cleaning import CLEANERS, clean_lines, mark_blank_lines, read_lines

RULES = dict(CLEANERS)


@pytest.mark.parametrize("case", fixture_cases("cleaning/rules.txt"))
def test_each_cleaning_rule_marks_what_it_should(case):
    rule_name = case.title.split(":")[0]
    lines = RULES[rule_name](mark_blank_lines(read_lines(case.input)))
    assert [line.kind for line in lines] == case.expected.split("\n"), case


def test_every_rule_has_a_fixture_case():
    tested = {case.values[0].title.split(":")[0] for case in fixture_cases("cleaning/rules.txt")}
    assert tested == set(RULES) - {"blank"}


def test_rules_run_in_a_fixed_order_and_each_has_a_name():
    names = [name for name, _ in CLEANERS]
    assert len(names) == len(set(names)) and names[0] == "blank"


def test_rules_never_remark_a_line_another_rule_has_marked():
    lines = clean_lines("شددت الولايات المتحدة على أهمية التكامل الأمني.\nمقالات مشابهة\n"
                        "المصدر: وكالة الأنباء الليبية")
    assert [line.rule for line in lines] == ["", "related", "source"]


def test_lines_keep_their_numbers_and_raw_text():
    lines = clean_lines("أمس\u00a0 الثلاثاء\n\nالخارجیة")
    assert [(line.number, line.raw, line.text) for line in lines] == [
        (1, "أمس\u00a0 الثلاثاء", "أمس الثلاثاء"), (2, "", ""), (3, "الخارجیة", "الخارجية")]


def test_label_of_reads_the_rest_of_a_labelled_line():
    assert cleaning.label_of("المصدر: صحيفة المرصد الليبية", ("المصدر",)) == "صحيفة المرصد الليبية"
    assert cleaning.label_of("المصدرية في العمل", ("المصدر",)) is None


def test_a_date_field_run_into_the_text_leaves_the_text_and_stays_in_the_raw_line():
    [line] = clean_lines("date 2022-10 قال نائب المحافظ إن السعر لن يتغير.")
    assert (line.text, line.raw.startswith("date 2022-10")) == ("قال نائب المحافظ إن السعر لن يتغير.", True)
