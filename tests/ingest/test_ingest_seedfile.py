"""Reading seeds: every encoding problem and unsafe file is refused or repaired with an exact message."""
from __future__ import annotations

import os

from mawjaz.errors import Problems
from mawjaz.ingest.seedfile import MAX_SEED_BYTES, read_seed

ARABIC = "التقت وزيرة الخارجية نجلاء المنقوش سفيرة المملكة المتحدة\nفي طرابلس"


def read(tmp_path, name: str, data: bytes):
    seeds = tmp_path / "seeds"
    seeds.mkdir(exist_ok=True)
    path = seeds / name
    path.write_bytes(data)
    problems = Problems(root=tmp_path)
    return read_seed(path, problems), [str(p) for p in problems.sorted()]


def test_utf8_seed_loses_its_byte_order_mark_and_windows_line_ends(tmp_path):
    text, messages = read(tmp_path, "a.txt", b"\xef\xbb\xbf" + ARABIC.replace("\n", "\r\n").encode("utf-8"))
    assert text == ARABIC and messages == []


def test_utf16_seed_with_its_byte_order_mark_is_read_with_a_warning_to_resave_it(tmp_path):
    for encoding in ("utf-16", "utf-16-be"):
        raw = ("\ufeff" + ARABIC).encode(encoding) if encoding.endswith("be") else ARABIC.encode(encoding)
        text, messages = read(tmp_path, "a.txt", raw)
        assert text == ARABIC
        assert messages == ["seeds/a.txt: warning: seed is in UTF-16 (saved as 'Unicode'), not UTF-8; it was read "
                            "as UTF-16 — open it in a text editor and save it as UTF-8, so every tool reads it the same way"]


def test_windows_1256_seed_is_read_with_a_warning_to_resave_it(tmp_path):
    text, messages = read(tmp_path, "a.txt", ARABIC.encode("cp1256"))
    assert text == ARABIC
    assert messages == ["seeds/a.txt: warning: seed is in the Windows-1256 (Arabic) encoding, not UTF-8; it was "
                        "read as Windows-1256 — open it in a text editor and save it as UTF-8, so every tool "
                        "reads it the same way"]


def test_seed_in_another_encoding_is_refused_with_the_line_of_the_first_bad_byte(tmp_path):
    text, messages = read(tmp_path, "a.txt", "first line\nsecond line: café crème brûlée".encode("latin-1"))
    assert text is None
    assert messages == ["seeds/a.txt:2: seed is not UTF-8 text (and not Windows-1256 Arabic either) — open it "
                        "in a text editor and save it as UTF-8"]


def test_binary_file_is_refused_as_not_a_text_file(tmp_path):
    text, messages = read(tmp_path, "image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert text is None
    assert messages == ["seeds/image.txt: not a text file — seeds are scraped articles saved as UTF-8 text; "
                        "remove this file from the seeds folder"]


def test_seed_over_the_size_limit_is_refused_with_the_limit(tmp_path):
    text, messages = read(tmp_path, "big.txt", ("ليبيا " * (MAX_SEED_BYTES // 10 + 10)).encode("utf-8"))
    assert text is None
    assert len(messages) == 1 and "over the 5 MB limit for one seed" in messages[0]
    assert messages[0].startswith("seeds/big.txt: seed is ")


def test_symlink_to_a_file_outside_the_seeds_folder_is_refused(tmp_path):
    outside = tmp_path / "secret.txt"
    outside.write_text(ARABIC, encoding="utf-8")
    (tmp_path / "seeds").mkdir()
    link = tmp_path / "seeds" / "link.txt"
    os.symlink(outside, link)
    problems = Problems(root=tmp_path)
    assert read_seed(link, problems) is None
    assert [str(p) for p in problems.sorted()] == [
        "seeds/link.txt: seed is a link to a file outside the seeds folder — copy the file into the seeds "
        "folder instead of linking to it"]


def test_symlink_inside_the_seeds_folder_is_read(tmp_path):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "real.txt").write_text(ARABIC, encoding="utf-8")
    os.symlink(seeds / "real.txt", seeds / "link.txt")
    problems = Problems(root=tmp_path)
    assert read_seed(seeds / "link.txt", problems) == ARABIC and problems.items == []


def test_a_seed_that_is_only_page_furniture_is_a_named_warning_not_a_silence(tmp_path):
    from ingest_helpers import ingest
    (tmp_path / "menu.txt").write_text("الرئيسية\nشارك\nجميع الحقوق محفوظة © 2024\n", encoding="utf-8")
    result, problems = ingest(tmp_path, root=tmp_path)
    assert result.new_entries == ()
    assert [str(p) for p in problems.sorted()] == [
        "menu.txt: warning: no story found: the page holds only its furniture (menus, share bars, related links) "
        "or headlines without text — check that the seed holds the article's text; remove the file if it does not"]
