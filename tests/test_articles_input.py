"""What users drop in the articles folder: the manifest and the article bytes (transforms.articles)."""
from __future__ import annotations

from datetime import date

import pytest

from transforms.articles import ManifestError, UnreadableArticle, decode_article, is_inside_folder, parse_manifest


def test_good_manifest():
    content = ("article_id,file,published,note\n"
               "a1,one.txt,2021-05-20,first\n"
               "a2,sub/two.txt,2022-11-24,\n")
    rows = parse_manifest(content)
    assert [(r.line, r.article_id, r.file, r.published, r.note, r.problem, r.usable) for r in rows] == [
        (2, "a1", "one.txt", date(2021, 5, 20), "first", None, True),
        (3, "a2", "sub/two.txt", date(2022, 11, 24), None, None, True)]


def test_manifest_without_note_column_and_with_bom():
    rows = parse_manifest("\ufeffarticle_id,file,published\nx,x.txt,2020-01-02\n")
    assert [(r.article_id, r.published) for r in rows] == [("x", date(2020, 1, 2))]


def test_not_a_csv_names_file_and_line():
    with pytest.raises(ManifestError, match=r"articles\.csv line 1: .*missing column"):
        parse_manifest("Dear editor, here are the stories you asked for.\n", "articles.csv")


def test_wrong_field_count_names_the_line():
    with pytest.raises(ManifestError, match=r"manifest\.csv line 3"):
        parse_manifest("article_id,file,published\na,a.txt,2020-01-01\nb\n")


def test_binary_manifest_raises():
    with pytest.raises(ManifestError, match="line 1"):
        parse_manifest("article_id\x00file")


@pytest.mark.parametrize("path", ["../../etc/passwd", "/etc/passwd", "..\\..\\secret.txt", "C:\\x.txt"])
def test_path_leaving_the_folder_is_an_unusable_row(path):
    (row,) = parse_manifest(f'article_id,file,published\nbad,"{path}",2020-01-01\n')
    assert row.usable is False
    assert "leaves the articles folder" in row.problem and path in row.problem


def test_is_inside_folder():
    assert is_inside_folder("2024/story.txt")
    assert not is_inside_folder("../story.txt")
    assert not is_inside_folder("  ")


def test_bad_date_keeps_the_row_with_a_problem():
    (row,) = parse_manifest("article_id,file,published\nd1,d1.txt,24/11/2022\n")
    assert (row.usable, row.published) == (True, None)
    assert "24/11/2022" in row.problem


def test_duplicate_article_id_is_unusable():
    rows = parse_manifest("article_id,file,published\nz,a.txt,2020-01-01\nz,b.txt,2020-01-02\n")
    assert [r.usable for r in rows] == [True, False]
    assert "duplicate" in rows[1].problem


def test_blank_lines_are_skipped():
    rows = parse_manifest("article_id,file,published\n\na,a.txt,2020-01-01\n\n")
    assert [r.article_id for r in rows] == ["a"]


@pytest.mark.parametrize("data", [b"", b"   \n\t\n"])
def test_empty_article_is_unreadable(data):
    with pytest.raises(UnreadableArticle, match="empty"):
        decode_article(data)


def test_nul_bytes_are_unreadable():
    with pytest.raises(UnreadableArticle, match="NUL"):
        decode_article(b"Net migration\x00\x00\x01 was")


def test_utf8_article_has_no_warning():
    decoded = decode_article("Net migration was 300,000 – a fall.".encode("utf-8"))
    assert (decoded.encoding, decoded.warning) == ("utf-8", None)
    assert "–" in decoded.text


def test_cp1252_article_is_read_with_a_warning():
    decoded = decode_article("Emigration \u2013 the \u201cleavers\u201d \u2013 cost \u00a35m.".encode("cp1252"))
    assert decoded.encoding == "cp1252"
    assert decoded.text == "Emigration \u2013 the \u201cleavers\u201d \u2013 cost \u00a35m."
    assert "Windows-1252" in decoded.warning


def test_control_character_soup_is_unreadable():
    with pytest.raises(UnreadableArticle, match="control characters"):
        decode_article(bytes(range(1, 9)) * 50)
