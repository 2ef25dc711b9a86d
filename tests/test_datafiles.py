"""Reading the word lists (qa/datafiles.py)."""

from qa.datafiles import DATA, data_lines


def test_comments_and_blank_lines_are_left_out_and_data_kept_as_written(tmp_path):
    path = tmp_path / "words.tsv"
    path.write_text("# a comment\n\nkhóa | Đại hội\n   \nslot\trole\tx | y \n", encoding="utf-8")
    assert data_lines(path) == ["khóa | Đại hội", "slot\trole\tx | y "]


def test_every_word_list_of_the_project_reads():
    for path in sorted(DATA.glob("*.tsv")):
        assert data_lines(path), path.name
