"""`helpgen check`'s rules on a fixture project with one planted instance of every rule, and a clean one.

tests/fixtures/check_project plants each rule once. Two files are written at test time instead: the
case-only twin `orders/Track.md` (a repository holding both spellings cannot be checked out on macOS or
Windows) and the Latin-1 `returns/latin1.md` (so the repository itself stays all UTF-8).
tests/fixtures/check_clean is full of near misses that must stay quiet.
"""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from helpgen.checks.limits import Limits
from helpgen.checks import RULES, ContentProject, check_content, check_languages, check_project
from helpgen.content.languages import single_language
from helpgen.checks.project import list_sources
from helpgen.hours.support import load_support

from .conftest import REPO

FIXTURES = REPO / "tests" / "fixtures"
TODAY = dt.date(2026, 11, 22)

# (file below content/, line, rule): every finding the planted project must give, and nothing else.
PLANTED = [
    ("orders/contact-facts.md", 6, "promise-email-mismatch"),
    ("orders/contact-facts.md", 8, "promise-email-hardcoded"),
    ("orders/contact-facts.md", 10, "promise-phone-mismatch"),
    ("orders/contact-facts.md", 12, "promise-phone-hardcoded"),
    ("orders/contact-facts.md", 14, "promise-url-mismatch"),
    ("orders/contact-facts.md", 16, "promise-url-hardcoded"),
    ("orders/contact-facts.md", 18, "promise-hours-mismatch"),
    ("orders/contact-facts.md", 20, "promise-hours-hardcoded"),
    ("orders/contact-facts.md", 22, "promise-response-mismatch"),
    ("orders/contact-facts.md", 24, "promise-response-hardcoded"),
    ("orders/track.md", 1, "duplicate-output-path"),
    ("orders/unfinished-draft.md", 3, "draft-empty-description"),  # as `helpgen new` writes it
    ("orders/unfinished-draft.md", 9, "draft-placeholder"),
    ("policies/undated-policy.md", 3, "policy-missing-updated"),
    ("returns/archive/index.md", 1, "unreachable-article"),
    ("orders/many-parts.md", 5, "article-too-large"),
    ("orders/deep-quotes.md", 7, "article-too-complex"),
    ("returns/bad-front-matter.md", 3, "front-matter-invalid"),
    ("returns/bad-front-matter.md", 4, "front-matter-unknown-key"),
    ("returns/front-matter-variable.md", 3, "variable-in-front-matter"),
    ("returns/latin1.md", 1, "unreadable-file"),
    ("returns/links.md", 10, "broken-link"),
    ("returns/links.md", 12, "broken-anchor"),
    ("returns/links.md", 17, "unknown-variable"),
    ("returns/links.md", 19, "ignore-unknown-rule"),
    ("returns/stale.md", 5, "review-overdue"),
    ("returns/images/evil.svg", 1, "active-file"),
    ("returns/images/labels.json", 1, "file-type"),
    ("orders/not-found.md", 1, "reserved-path"),
    ("returns/draft-article.md", 3, "draft"),
    ("returns/old-returns.md", 3, "redirect-conflict"),
    ("returns/old-returns.md", 8, "template-tag"),
    ("moved/chain.md", 2, "redirect-chain"),
    ("moved/loop-a.md", 3, "redirect-cycle"),
    ("moved/loop-b.md", 2, "redirect-cycle"),
    ("moved/nowhere.md", 2, "redirect-missing-target"),
    ("returns/unsafe.md", 6, "raw-script"),
    ("returns/unsafe.md", 8, "inline-event-handler"),
    ("returns/unsafe.md", 10, "javascript-link"),
    ("returns/unsafe.md", 18, "removed-html"),
    ("returns/unsafe.md", 20, "reserved-id"),
    ("shipping/gift-cards.md", 1, "duplicate-slug"),
    ("shipping/typo-category.md", 4, "unknown-category"),
    ("shipping/related.md", 3, "related-unknown"),
]


def planted_project(tmp_path: Path) -> Path:
    root = tmp_path / "planted"
    shutil.copytree(FIXTURES / "check_project", root)
    (root / "content/orders/Track.md").write_text(
        "---\ntitle: Track (capitalised)\ntype: faq\n---\n\nSame page as track.md on a case-insensitive disk.\n",
        encoding="utf-8")
    (root / "content/returns/latin1.md").write_bytes(b"---\ntitle: Caf\xe9 opening\n---\n\nThis file is Latin-1.\n")
    return root


def check(root: Path, today: dt.date = TODAY):
    return check_project(root, today=today)


def located(findings, root_prefix: str = ""):
    return sorted((p.location.file.removeprefix(root_prefix), p.location.line, p.rule) for p in findings)


def test_every_planted_rule_is_found_at_its_exact_line(tmp_path, monkeypatch):
    root = planted_project(tmp_path)
    monkeypatch.chdir(root)
    findings = check(root)
    assert located(findings, "content/") == sorted(PLANTED)


# The rules between languages need a multi-language project: tests/test_languages_check.py plants them.
LANGUAGE_RULES = {"outside-language-folder", "translation-outdated", "translation-missing",
                  "translation-source-unknown", "support-text-untranslated"}
# Notices need notices in support.yml or a support-status.json: tests/test_notice_checks.py plants them.
NOTICE_RULES = {"notice-ended", "notice-window-reversed", "notice-unknown-channel", "notice-untranslated",
                "notice-response-worse", "status-invalid", "status-unknown-field"}
# The rules on synonyms.yml: tests/test_search_synonyms.py plants them.
SEARCH_RULES = {"synonyms-invalid", "synonym-dead"}


def test_the_planted_project_covers_every_rule_but_support_invalid():
    """(and fixed-offset-zone, a finding on support.yml: tests/test_check_cli.py plants it there;
    text-cut-by-comment: tests/test_articles.py)"""
    planted = {rule for _, _, rule in PLANTED}
    # url-vanished needs a previous build's manifest: tests/test_redirects.py plants it; strings-invalid
    # stops the build before content is read: tests/test_check_cli.py plants it.
    # The insights rules need support.yml's feedback, or a built site and visitors' events: tests/insights/.
    insights = {"feedback-nowhere", "insights-unanswered", "insights-answered", "insights-unhelpful"}
    assert planted | {"support-invalid", "url-vanished", "fixed-offset-zone", "text-cut-by-comment",
                      "strings-invalid"} | LANGUAGE_RULES | NOTICE_RULES | SEARCH_RULES | insights == \
        {rule.id for rule in RULES}


def test_findings_carry_the_declared_severity_a_column_and_a_hint(tmp_path, monkeypatch):
    root = planted_project(tmp_path)
    monkeypatch.chdir(root)
    declared = {rule.id: rule.severity for rule in RULES}
    # Whole-file findings sit at line 1 with no column; every other finding points at a column in its line.
    whole_file = {"duplicate-slug", "unreachable-article", "unreadable-file", "duplicate-output-path", "active-file",
                  "article-too-large", "file-type", "reserved-path", "article-too-complex"}
    for problem in check(root):
        assert problem.severity == declared[problem.rule]
        assert problem.hint, problem
        assert problem.message, problem
        assert problem.location.line >= 1, problem
        if problem.rule not in whole_file:
            lines = Path(problem.location.file).read_text(encoding="utf-8", errors="replace").split("\n")
            assert 1 <= problem.location.col <= len(lines[problem.location.line - 1]) + 1, problem


def test_columns_point_at_the_offending_text(tmp_path, monkeypatch):
    root = planted_project(tmp_path)
    monkeypatch.chdir(root)
    by_rule = {p.rule: p for p in check(root)}
    lines = {src: (root / "content" / src).read_text(encoding="utf-8", errors="replace").split("\n")
             for src in ("returns/links.md", "returns/unsafe.md", "orders/contact-facts.md")}

    def text_at(rule: str, src: str) -> str:
        where = by_rule[rule].location
        return lines[src][where.line - 1][where.col - 1:]

    assert text_at("broken-link", "returns/links.md").startswith("no-such-page.md")
    assert text_at("broken-anchor", "returns/links.md").startswith("stale.md#no-such-heading")
    assert text_at("unknown-variable", "returns/links.md").startswith("{{ support.channels.emial")
    assert text_at("inline-event-handler", "returns/unsafe.md").startswith("onerror=")
    assert text_at("javascript-link", "returns/unsafe.md").startswith("javascript:alert(1)")
    assert text_at("promise-email-mismatch", "orders/contact-facts.md").startswith("help@acme.example")
    assert text_at("promise-phone-mismatch", "orders/contact-facts.md").startswith("+45 70 12 34 99")
    assert text_at("promise-hours-mismatch", "orders/contact-facts.md").startswith("Monday to Friday 08:00")
    assert text_at("promise-response-mismatch", "orders/contact-facts.md").startswith("within 24 hours")


def test_a_contradiction_names_the_support_yml_line_too(tmp_path, monkeypatch):
    root = planted_project(tmp_path)
    monkeypatch.chdir(root)
    by_rule = {p.rule: p for p in check(root)}
    response = by_rule["promise-response-mismatch"]
    assert str(response.related) == "support.yml:11:15"  # `response: 1 business day` of the email channel
    assert "support.yml:11:15" in response.message and "1 business day" in response.message
    assert str(by_rule["promise-hours-mismatch"].related) == "support.yml:4:3"  # the monday-friday line
    assert str(by_rule["promise-email-mismatch"].related) == "support.yml:9:14"
    assert "{{ support.channels.email.response }}" in by_rule["promise-response-hardcoded"].hint or \
        "{{ support.channels.chat.response }}" in by_rule["promise-response-hardcoded"].hint


def test_the_clean_project_has_no_findings(monkeypatch):
    monkeypatch.chdir(FIXTURES / "check_clean")
    assert check(FIXTURES / "check_clean") == []


def test_the_demo_help_center_and_the_init_template_have_no_errors(monkeypatch):
    monkeypatch.chdir(REPO)
    assert [p for p in check_project(REPO) if p.severity == "error"] == []
    template = REPO / "helpgen" / "project_template"
    assert check_project(template, today=TODAY) == []


def test_an_ignore_comment_silences_the_next_line_only(tmp_path, monkeypatch):
    root = planted_project(tmp_path)
    monkeypatch.chdir(root)
    links = root / "content/returns/links.md"
    text = links.read_text(encoding="utf-8")
    assert "silenced-on-purpose.md" in text  # planted behind `<!-- helpgen: ignore broken-link -->`
    assert not any("silenced-on-purpose" in p.message for p in check(root))
    links.write_text(text.replace("<!-- helpgen: ignore broken-link -->\n", "<!-- helpgen: ignore broken-link -->\n\n"),
                     encoding="utf-8")
    assert any("silenced-on-purpose" in p.message for p in check(root))


def test_an_ignore_comment_in_front_matter_covers_whole_file_findings(tmp_path, monkeypatch):
    root = planted_project(tmp_path)
    monkeypatch.chdir(root)
    archive = root / "content/returns/archive/index.md"
    archive.write_text(archive.read_text().replace("---\ntitle:", "---\n# helpgen: ignore unreachable-article\ntitle:"))
    assert "unreachable-article" not in {p.rule for p in check(root)}


def test_rules_that_cannot_be_silenced_ignore_the_comment(tmp_path, monkeypatch):
    root = planted_project(tmp_path)
    monkeypatch.chdir(root)
    bad = root / "content/returns/bad-front-matter.md"
    bad.write_text(bad.read_text().replace("type: question", "# helpgen: ignore front-matter-invalid\ntype: question"))
    assert "front-matter-invalid" in {p.rule for p in check(root)}


def test_an_invalid_support_yml_is_reported_and_the_other_rules_still_run(tmp_path, monkeypatch):
    root = planted_project(tmp_path)
    monkeypatch.chdir(root)
    support = root / "support.yml"
    support.write_text(support.read_text().replace("Europe/Copenhagen", "Europe/Copenhagn"), encoding="utf-8")
    findings = check(root)
    invalid = [p for p in findings if p.rule == "support-invalid"]
    assert [(p.location.file, p.location.line) for p in invalid] == [("support.yml", 2)]
    assert "Europe/Copenhagen" in invalid[0].hint
    assert {"broken-link", "raw-script", "front-matter-invalid"} <= {p.rule for p in findings}
    assert not any(p.rule.startswith("promise-") or p.rule == "unknown-variable" for p in findings)


def test_paths_are_shown_relative_to_the_working_directory(tmp_path, monkeypatch):
    root = planted_project(tmp_path)
    monkeypatch.chdir(tmp_path)
    files = {p.location.file for p in check(root)}
    assert "planted/content/returns/links.md" in files


def test_check_content_takes_a_project_from_any_site_engine(tmp_path):
    """The adapter's entry point: no mkdocs.yml is read, the engine gets what the site engine knows."""
    root = planted_project(tmp_path)
    project = ContentProject(docs_dir=root / "content", files=tuple(list_sources(root / "content")),
                             display_root="content", support=load_support(root / "support.yml"),
                             support_path=root / "support.yml", markdown_extensions=("toc", "attr_list"),
                             limits=Limits(max_headings=5))  # as the fixture's mkdocs.yml says
    checked = check_languages(project, single_language(None), TODAY)
    assert located(checked.findings, "content/") == sorted(PLANTED)
    result = checked.results["en"]
    assert {a.src for a in result.articles.articles} >= {"returns/links.md", "orders/contact-facts.md"}
    assert "returns/bad-front-matter.md" not in {a.src for a in result.articles.articles}


@pytest.mark.parametrize("today, expected", [(dt.date(2019, 12, 31), False), (dt.date(2020, 1, 2), True)])
def test_review_by_warns_only_once_the_date_has_passed(tmp_path, monkeypatch, today, expected):
    root = planted_project(tmp_path)
    monkeypatch.chdir(root)
    assert ("review-overdue" in {p.rule for p in check(root, today)}) is expected
