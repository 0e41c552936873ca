"""Front matter is read by helpgen: typed, validated, and every error at the article's real line."""
from __future__ import annotations

import datetime as dt

import pytest

from helpgen.content.articles import parse_article, read_articles
from helpgen.errors import HelpgenError


def parse(text: str, src: str = "returns/how.md"):
    return parse_article(text, src)


def messages(problems) -> list[str]:
    return [str(p) for p in problems]


def test_complete_front_matter_becomes_a_typed_article():
    article, problems = parse("---\ntitle: How do I return an item?\ndescription: Free within 30 days.\n"
                              "type: faq\ntags: [returns, refunds]\nupdated: 2026-11-01\nreview_by: 2027-05-01\n"
                              "---\nBody\n")
    assert problems == []
    assert (article.title, article.type, article.category, article.tags) == (
        "How do I return an item?", "faq", "returns", ("returns", "refunds"))
    assert article.updated == dt.date(2026, 11, 1) and article.review_by == dt.date(2027, 5, 1)
    assert article.body == "Body\n" and article.body_line == 9


def test_category_defaults_to_the_folder_and_type_to_guide():
    article, _ = parse("---\ntitle: T\n---\n", "Shipping/abroad.md")
    assert (article.category, article.type) == ("shipping", "guide")


def test_missing_title_is_an_error_at_the_front_matter():
    article, problems = parse("---\ndescription: x\n---\n")
    assert article is None
    assert messages(problems) == ['returns/how.md:2:1: "title" is required — add `title: …`']


def test_no_front_matter_at_all_is_an_error():
    _, problems = parse("# Just a heading\n")
    assert messages(problems)[0].startswith("returns/how.md:1:1: the article has no front matter with a title")


def test_unclosed_front_matter_is_reported_at_line_one():
    _, problems = parse("---\ntitle: T\n\nBody text\n")
    assert messages(problems) == ["returns/how.md:1:1: front matter opened here is never closed — "
                                  "end it with a line of three dashes: ---"]


def test_yaml_error_is_reported_at_the_articles_real_line():
    _, problems = parse("---\ntitle: T\ndescription: Returns: how they work\n---\n")
    assert messages(problems)[0].startswith("returns/how.md:3:21: invalid YAML: mapping values are not allowed")


def test_bom_and_crlf_are_tolerated_and_lines_still_count_right():
    article, problems = parse("\ufeff---\r\ntitle: T\r\ntype: faq\r\n---\r\nBody\r\n")
    assert problems == [] and article.title == "T" and article.body == "Body\n" and article.body_line == 5
    _, problems = parse("\ufeff---\r\ntitle: T\r\ntype: question\r\n---\r\n")
    assert messages(problems)[0].startswith('returns/how.md:3:7: type: "question" is not a known type — use one of: faq, policy, guide')


def test_unknown_key_is_a_warning_with_did_you_mean():
    article, problems = parse("---\ntitle: T\ndescripton: x\n---\n")
    assert article is not None
    assert [(p.severity, str(p)) for p in problems] == [
        ("warning", 'returns/how.md:3:1: unknown key "descripton" — did you mean "description"?')]


@pytest.mark.parametrize("line, fragment, where", [
    ("updated: last week", 'updated: "last week" is not a date', "3:10"),
    ("tags: [returns, yes]", "tags[2]: yes was read as the boolean true", "3:17"),
    ("keywords: [send back, no]", "keywords[2]: no was read as the boolean false", "3:23"),
    ("promoted: maybe", "promoted must be true or false", "3:11"),
    ("title: 2026", "title: 2026 was read as a number", "2:8"),
    ("category: Returns & Refunds", 'category: "Returns & Refunds" is not a category id', "3:11"),
    ("updated: 2026-02-30", "updated: 2026-02-30 is not a day of the calendar", "3:10"),
])
def test_wrong_types_are_errors_with_file_and_line(line, fragment, where):
    """The line and column are the value's own (the column of its first character)."""
    text = "---\ntitle: T\n" + line + "\n---\n" if not line.startswith("title") else "---\n" + line + "\n---\n"
    _, problems = parse(text)
    errors = [str(p) for p in problems if p.severity == "error"]
    assert len(errors) == 1 and errors[0].startswith(f"returns/how.md:{where}: {fragment}")


def test_category_index_needs_no_title():
    article, problems = parse("", "shipping/index.md")
    assert problems == [] and article.title == "Shipping" and article.is_index


def test_all_errors_of_all_articles_are_reported_together(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.md").write_text("---\ndescription: x\n---\n")
    (tmp_path / "a" / "two.md").write_text("---\ntitle: T\ntype: nope\n---\n")
    (tmp_path / "a" / "ok.md").write_text("---\ntitle: Fine\n---\n")
    with pytest.raises(HelpgenError) as caught:
        read_articles(tmp_path, ["a/one.md", "a/two.md", "a/ok.md"], "content")
    assert [str(p.location) for p in caught.value.problems] == ["content/a/one.md:2:1", "content/a/two.md:3:7"]


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    (tmp_path / "bad.md").write_bytes(b"---\ntitle: caf\xe9\n---\n")
    with pytest.raises(HelpgenError, match="content/bad.md: not UTF-8 text"):
        read_articles(tmp_path, ["bad.md"], "content")


def test_an_unquoted_hash_that_cuts_a_title_is_a_warning_with_the_quoted_fix():
    article, problems = parse_article("---\ntitle: Update #2\ntags: [a, b]  # a real comment\n---\nText.\n",
                                      "a/update.md", "content/a/update.md")
    assert article.title == "Update"
    [warning] = problems
    assert (warning.severity, warning.rule, warning.location.line, warning.location.col) == \
        ("warning", "text-cut-by-comment", 2, 8)
    assert 'title: YAML reads only "Update"' in warning.message and '"Update #2"' in warning.hint
    quoted, none = parse_article('---\ntitle: "Update #2"\n---\nText.\n', "a/update.md", "content/a/update.md")
    assert quoted.title == "Update #2" and none == []
    csharp, none = parse_article("---\ntitle: Learn C# fast\n---\nText.\n", "a/c.md", "content/a/c.md")
    assert csharp.title == "Learn C# fast" and none == []


def test_a_comment_set_apart_is_a_comment():
    article, problems = parse_article("---\ntitle: Returns # the usual title\ntype: faq   #or policy\n---\nText.\n",
                                      "a/r.md", "content/a/r.md")
    assert article.title == "Returns" and problems == []
