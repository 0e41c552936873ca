"""Input that would hang or swamp a build is refused at once, with its file, line and the way out."""
from __future__ import annotations

import time

import pytest
from click.testing import CliRunner

from helpgen.cli import main
from helpgen.errors import HelpgenError
from helpgen.yamlsource import MAX_VALUES, parse_yaml

from .conftest import article

LAUGHS = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n' + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 9)}]\n" for a, b in zip("abcdefgh", "bcdefghi"))


def test_an_alias_bomb_is_refused_with_its_line():
    with pytest.raises(HelpgenError) as caught:
        parse_yaml(LAUGHS, "support.yml")
    problem = caught.value.problems[0]
    assert problem.location.file == "support.yml" and problem.location.line == 1
    assert f"more than {MAX_VALUES:,} values through aliases" in problem.message


def test_aliases_within_reason_still_work():
    node = parse_yaml('base: &h "09:00-17:00"\nhours: {monday: *h, tuesday: *h}\n', "support.yml")
    assert node.plain() == {"base": "09:00-17:00", "hours": {"monday": "09:00-17:00", "tuesday": "09:00-17:00"}}


@pytest.mark.parametrize("where", ["front matter", "support.yml"])
def test_check_answers_the_bomb_at_once(project, monkeypatch, where):
    """(A sanity bound, not a benchmark: before, `helpgen check` ran past 120 s and 5 GB.)"""
    if where == "support.yml":
        project.write("support.yml", project.root.joinpath("support.yml").read_text() + LAUGHS.replace("a:", "zz:", 1))
    else:
        project.write("content/orders/bomb.md", "---\ntitle: Bomb\n" + LAUGHS + "---\nText.\n")
    monkeypatch.chdir(project.root)
    started = time.monotonic()
    result = CliRunner().invoke(main, ["check"])
    assert time.monotonic() - started < 10
    assert result.exit_code == 1
    assert "values through aliases" in result.output and "Traceback" not in result.output


def test_an_oversized_article_is_refused_naming_the_limit_and_how_to_raise_it(project):
    project.article("orders/huge.md", "Huge", ("word " * 100 + "\n\n") * 3_000)
    with pytest.raises(HelpgenError) as caught:
        project.build()
    [problem] = caught.value.problems
    assert problem.location.file == "content/orders/huge.md" and problem.location.line == 1
    assert "more than max_article_kb (1,024 KB)" in problem.message
    assert "max_article_kb" in problem.hint and "mkdocs.yml" in problem.hint
    project.write("mkdocs.yml", project.config.read_text().replace("  - helpgen\n",
                                                                    "  - helpgen:\n      max_article_kb: 4096\n"))
    assert project.build().pages > 0


def test_too_many_headings_are_refused_at_the_first_body_line(project, monkeypatch):
    project.write("content/orders/toc.md", article("Headings", "".join(f"\n## Part {i}\n\nText.\n" for i in range(1001))))
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(main, ["check"])
    assert result.exit_code == 1
    assert "content/orders/toc.md" in result.output and "1,001 headings, more than max_headings (1,000)" in result.output
    project.write("mkdocs.yml", project.config.read_text().replace("  - helpgen\n",
                                                                    "  - helpgen:\n      max_headings: 2000\n"))
    assert CliRunner().invoke(main, ["check"]).exit_code == 0
