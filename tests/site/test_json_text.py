"""The data files' JSON writer gives exactly the text json.dumps(…, ensure_ascii=False, indent=1) gives."""
import json

from hypothesis import given, strategies as st

from mawjaz.site.json_text import indented_json

scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text()
values = st.recursive(scalars, lambda inner: st.lists(inner, max_size=4) | st.tuples(inner, inner)
                      | st.dictionaries(st.text() | st.integers(), inner, max_size=4), max_leaves=30)


def reference(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1)


@given(values)
def test_any_value_is_written_as_json_dumps_writes_it(value):
    assert indented_json(value) == reference(value)


def test_an_entry_record_with_arabic_text_and_empty_lists_is_written_as_json_dumps_writes_it():
    record = [{"id": "2021-03-29-talks-00001", "title": "المنفي يلتقي \"المبعوث\" في طرابلس\n", "date": None,
               "actors": [], "themes": ["elections"], "statements": [{"speaker": "un", "quote": "<b>\u2028"}]}, {}]
    assert indented_json(record) == reference(record)


def test_an_empty_list_and_mapping_stay_on_one_line():
    assert indented_json({"a": [], "b": {}}) == '{\n "a": [],\n "b": {}\n}'
