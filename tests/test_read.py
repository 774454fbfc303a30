from datetime import date

from communique.model import Article, Reject, text_hash
from communique.read import parse_corpus_text, read_paths


def test_corpus_format_keeps_text_after_the_date_prefix():
    item = parse_corpus_text(" date 2024-11-06 Aliyev spoke.\n\nSecond paragraph.", "doc1", "doc1.txt")
    assert isinstance(item, Article)
    assert item.published == date(2024, 11, 6)
    assert item.text.startswith("Aliyev spoke.")
    assert len(item.paragraphs()) == 2


def test_missing_date_line_is_rejected_unless_a_default_is_given():
    assert isinstance(parse_corpus_text("No date here.", "d", "d.txt"), Reject)
    item = parse_corpus_text("No date here.", "d", "d.txt", default_date=date(2025, 1, 1))
    assert isinstance(item, Article) and item.published == date(2025, 1, 1)


def test_folders_jsonl_and_csv_with_line_numbers_for_bad_rows(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text(" date 2024-01-02 Text A.", encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"id": "b1", "date": "2024-01-03", "text": "Text B."}\n{broken\n{"id": "b3", "date": "2024-01-03"}\n',
        encoding="utf-8")
    (tmp_path / "c.csv").write_text("id,date,text,title\nc1,2024-01-04,Text C.,T\nc2,not-a-date,X,\n",
                                    encoding="utf-8")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "empty.txt").write_bytes(b"")
    items = list(read_paths([tmp_path]))
    articles = [i for i in items if isinstance(i, Article)]
    rejects = {str(r) for r in items if isinstance(r, Reject)}
    assert sorted(a.id for a in articles) == ["a", "b1", "c1"]
    assert any("b.jsonl:2: malformed JSON: Expecting property name enclosed in double quotes" in r
               for r in rejects)
    assert any("b.jsonl:3: missing or non-text field(s): text" in r for r in rejects)
    assert any("c.csv:3: invalid date" in r for r in rejects)
    assert any("bin.txt: binary file" in r for r in rejects)
    assert any(r.endswith("empty.txt: empty file") for r in rejects)


def test_identity_is_the_normalised_text():
    assert text_hash("Aliyev  spoke.\n") == text_hash("Aliyev spoke.")
    assert text_hash("Aliyev spoke.") != text_hash("Aliyev spoke!")
