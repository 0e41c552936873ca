"""The declared list of `helpgen check` rules: one entry drives severity, messages, docs and tests.

A rule's id is part of the public interface: writers put it in ignore comments and CI logs quote it,
so ids never change meaning. docs/checks.md documents every id (tests/test_check_docs.py enforces it).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import Location, Problem

ERROR = "error"
WARNING = "warning"
INFO = "info"  # listed by `--format json`, never a failure, not raised by --strict


@dataclass(frozen=True)
class Rule:
    id: str
    severity: str
    family: str
    summary: str  # what it catches, one line
    fix: str  # the usual fix, one line
    silenceable: bool = True  # False: the build cannot go on with it, so an ignore comment is refused


RULES: tuple[Rule, ...] = (
    # Front matter and files
    Rule("front-matter-invalid", ERROR, "front matter",
         "Front matter that is not valid YAML, lacks a title, or has a value of the wrong type.",
         "Correct the value at the reported line; the hint names the expected form.", silenceable=False),
    Rule("front-matter-unknown-key", WARNING, "front matter",
         "A front matter key helpgen does not know (usually a typo).",
         "Rename it to the suggested key, or remove it."),
    Rule("text-cut-by-comment", WARNING, "front matter",
         "An unquoted value with \" #\" in it (`title: Update #2`): YAML ends the text there and reads the "
         "rest as a comment, so the page says \"Update\".",
         "Put the value in quotes: `title: \"Update #2\"`."),
    Rule("unreadable-file", ERROR, "front matter",
         "A Markdown file that is not UTF-8 text, or a link to a file outside the content folder.",
         "Save the file as UTF-8; copy linked files into the content folder.", silenceable=False),
    Rule("article-too-large", ERROR, "front matter",
         "An article larger than `max_article_kb` or with more headings than `max_headings` (mkdocs.yml).",
         "Split it into several articles, or raise the limit under the helpgen plugin.", silenceable=False),
    Rule("article-too-complex", ERROR, "front matter",
         "An article Markdown would take minutes (or its whole stack) to render: quotes, lists or HTML nested far "
         "too deep, a paragraph of more than 64 KB in one piece, thousands of unclosed `[`, `](` or `<tags`, "
         "more than 2,000 code blocks, or any article whose rendering takes longer than 5 s of CPU time.",
         "Split the article and its long paragraphs; nest less deeply.", silenceable=False),
    Rule("review-overdue", WARNING, "freshness",
         "An article whose `review_by` date has passed.",
         "Re-read the article, update it, then move `review_by` forward."),
    Rule("policy-missing-updated", WARNING, "freshness",
         "A `type: policy` article without an `updated` date.",
         "Add `updated: YYYY-MM-DD` with the date the policy last changed."),
    Rule("draft-empty-description", WARNING, "drafts",
         "An article whose `description:` is there but empty, as `helpgen new` leaves it.",
         "Write one sentence that answers the question."),
    Rule("draft-placeholder", WARNING, "drafts",
         "An article that still contains the placeholder text `helpgen new` writes.",
         "Replace the placeholder with the answer."),
    Rule("unknown-variable", ERROR, "variables",
         "A `{{ support.… }}` variable that support.yml does not define.",
         "Use the suggested name, or put literal braces in `backticks`.", silenceable=False),
    Rule("variable-in-front-matter", ERROR, "variables",
         "A `{{ … }}` variable in front matter, where nothing replaces it.",
         "Write the text itself (the promise checks keep it in step with support.yml), or move it into "
         "the article's text."),
    Rule("support-invalid", ERROR, "variables",
         "support.yml has an error, so variables and promises cannot be checked.",
         "Fix support.yml at the reported line.", silenceable=False),
    Rule("fixed-offset-zone", WARNING, "variables",
         "A support.yml `timezone` that is a fixed offset or legacy abbreviation (EST, Etc/GMT+2): it never "
         "changes for summer time, and Etc/ names invert the sign.",
         "Write the city zone customers live in, e.g. America/New_York.", silenceable=False),
    # Links and structure
    Rule("broken-link", ERROR, "links",
         "A relative link to a page or file that does not exist.",
         "Point the link at an existing .md file (path relative to this file)."),
    Rule("broken-anchor", ERROR, "links",
         "A `#anchor` that matches no heading or id on the target page.",
         "Use the heading's anchor as the built site spells it, or give the heading an id: `## Title {#id}`."),
    Rule("duplicate-output-path", ERROR, "structure",
         "Two sources that become the same page in the built site, including names that differ only "
         "in upper/lower case.",
         "Rename or merge one of the files."),
    Rule("duplicate-slug", WARNING, "structure",
         "Two articles in different folders with the same file name (slug).",
         "Give one of them a more specific file name."),
    Rule("unreachable-article", WARNING, "structure",
         "A page that no category page or the home page lists, so visitors only find it by chance.",
         "Move it into a category folder, or give it articles (for an empty category's index.md)."),
    Rule("related-unknown", ERROR, "structure",
         "A `related:` entry that names no article (by slug or path).",
         "Use the article's file name (slug) or its path from the content folder."),
    Rule("unknown-category", WARNING, "structure",
         "A `category:` that no folder has and no other article uses, close to an existing category.",
         "Use the suggested category id."),
    Rule("draft", WARNING, "structure",
         "An article with `draft: true`: `helpgen build` leaves it out unless --drafts.",
         "Remove `draft: true` when it is ready to publish."),
    # Redirects
    Rule("redirect-missing-target", ERROR, "redirects",
         "A redirect (`redirect:` stub or `redirect_from:`) to a page this site does not have.",
         "Point it at an article's .md file or its URL."),
    Rule("redirect-chain", ERROR, "redirects",
         "A redirect to a URL that itself redirects: visitors and search engines take two hops.",
         "Redirect straight to the final page."),
    Rule("redirect-cycle", ERROR, "redirects",
         "Redirects that lead back to where they started, so the page never loads.",
         "Point one of them at the page itself."),
    Rule("redirect-conflict", ERROR, "redirects",
         "A redirect from a URL a page still has, or two redirects from one URL to different places.",
         "Keep one: remove the redirect, or move the page."),
    Rule("url-vanished", ERROR, "redirects",
         "A URL the previous build published (`helpgen build --previous`) that is neither a page nor a "
         "redirect any more: links and bookmarks to it break.",
         "Add the suggested `redirect_from:` line to the article that replaced it (`--fix` adds it).",
         silenceable=False),
    # Source left from another generator
    Rule("template-tag", ERROR, "migration",
         "A Liquid (`{% include %}`, `{{ site.… }}`) or Hugo (`{{< shortcode >}}`) tag, which helpgen does not "
         "run and would show as raw text.",
         "Write the text itself, or delete the tag."),
    # Safety
    Rule("raw-script", ERROR, "safety",
         "A raw `<script>` element in an article.",
         "Remove it; interactive features belong in the theme, not in articles."),
    Rule("inline-event-handler", ERROR, "safety",
         "An HTML or attribute-list `on…=` event handler (onclick, onerror, …).",
         "Remove the attribute."),
    Rule("javascript-link", ERROR, "safety",
         "A link whose target runs code: `javascript:`, `vbscript:` or `data:text/html`.",
         "Link to a page instead."),
    Rule("active-file", ERROR, "safety",
         "An HTML file, or an SVG image with scripts, event handlers or links, in the content folder: "
         "it would be published as it is and run on the help center's origin.",
         "Write pages in Markdown; export SVG images without scripts (or as PNG).", silenceable=False),
    Rule("file-type", ERROR, "safety",
         "A file the content folder may not publish as it is: a type a browser could run (script, style sheet, "
         "XML), a web host's configuration (_headers, _redirects, CNAME), a file that is not what its name says "
         "(a .png holding markup), or a name that is not a plain URL (control characters, not UTF-8).",
         "Remove or rename it; site owners name scripts, styles and host files in mkdocs.yml.", silenceable=False),
    Rule("strings-invalid", ERROR, "configuration",
         "A `strings.yml` (the site's own wording of helpgen's texts) that the build cannot use.",
         "Correct the entry at the reported line; keys are helpgen's text ids (docs/languages.md).",
         silenceable=False),
    Rule("reserved-path", ERROR, "safety",
         "A content file, page, permalink or redirect that would be written over a file of the theme or one the "
         "build generates (scripts, style sheets, the search index, the sitemap, the 404 page, _redirects).",
         "Choose another file name, permalink or redirect.", silenceable=False),
    Rule("reserved-id", ERROR, "safety",
         "An id (or name) in an article that the page's own scripts look elements up by: Material's `__config`, "
         "`__search`, …, helpgen's `helpgen-…` and `hg-…`, whether written in HTML, an attribute list or made "
         "from a heading's text.",
         "Choose another id; a heading can be given one: `## Title {#my-id}`.", silenceable=False),
    Rule("removed-html", WARNING, "safety",
         "HTML the build removes from an article because it is not on the allow-list (forms, frames from "
         "sites not in `embed_domains`, `style`, `data:` images, …).",
         "Write it in Markdown, or use what docs/security.md lists; embeds need `embed_domains`."),
    # Promise consistency: text that restates support.yml by hand
    Rule("promise-email-mismatch", ERROR, "promises",
         "An email address written in an article that differs from the support channel in support.yml.",
         "Use `{{ support.channels.ID.link }}` instead of typing the address."),
    Rule("promise-email-hardcoded", WARNING, "promises",
         "An email address typed by hand that matches support.yml today but will not follow it.",
         "Replace it with the suggested variable."),
    Rule("promise-phone-mismatch", ERROR, "promises",
         "A phone number given as ours that differs from the phone channel in support.yml.",
         "Use `{{ support.channels.ID.link }}` instead of typing the number."),
    Rule("promise-phone-hardcoded", WARNING, "promises",
         "A phone number typed by hand that matches support.yml.",
         "Replace it with the suggested variable."),
    Rule("promise-url-mismatch", ERROR, "promises",
         "A contact link (chat, contact form) on our site that differs from the channel url in support.yml.",
         "Use `{{ support.channels.ID.url }}` or `.link`."),
    Rule("promise-url-hardcoded", WARNING, "promises",
         "A channel url typed by hand that matches support.yml.",
         "Replace it with the suggested variable."),
    Rule("promise-hours-mismatch", ERROR, "promises",
         "Opening hours or days stated in an article that differ from support.yml.",
         "Use `{{ support.hours_table }}`, `{{ support.hours.monday }}` or a channel's `.availability`."),
    Rule("promise-hours-hardcoded", WARNING, "promises",
         "Opening hours typed by hand that match support.yml.",
         "Replace them with the suggested variable."),
    Rule("promise-response-mismatch", ERROR, "promises",
         "A reply time (\"within 24 hours\") that differs from the channel's `response` in support.yml.",
         "Use `{{ support.channels.ID.response }}`."),
    Rule("promise-response-hardcoded", WARNING, "promises",
         "A reply time typed by hand that matches support.yml.",
         "Replace it with the suggested variable."),
    # Languages (plugin option `languages`, docs/languages.md)
    Rule("outside-language-folder", ERROR, "languages",
         "A Markdown file directly in the content folder of a multi-language project, in no language's folder.",
         "Move it into the folder of its language, e.g. content/en/returns/….", silenceable=False),
    Rule("translation-outdated", WARNING, "languages",
         "A translation older than its original: the original's `updated:` date (or, without dates, its last "
         "Git commit) is later than the translation's.",
         "Bring the translation up to date, then set its `updated:` to today.", silenceable=False),
    Rule("translation-missing", INFO, "languages",
         "An article that a language has no version of yet (readers switching language are sent to the "
         "category page, marked as not translated).",
         "Write the translation at the same path in the language's folder.", silenceable=False),
    Rule("translation-source-unknown", WARNING, "languages",
         "A `translation_of:` naming no file in the default language's folder, or a second file claiming to "
         "translate the same article.",
         "Give the original's path in the default language's folder, e.g. `translation_of: returns/return-an-item`.", silenceable=False),
    Rule("support-text-untranslated", WARNING, "languages",
         "A support.yml text given per language (`{en: Email, da: E-mail}`) without one of the site's languages: "
         "that language shows the default's text.",
         "Add the language to the mapping.", silenceable=False),
    # Insights (issue #23): support.yml's feedback, and `check --insights` over what visitors did
    Rule("feedback-nowhere", WARNING, "insights",
         "support.yml `feedback.events` lists events but gives no `endpoint` or `matomo` to send them to.",
         "Add `endpoint: https://…` (helpgen insights serve) or `matomo: {url, site_id}`.", silenceable=False),
    Rule("insights-unanswered", WARNING, "insights",
         "`check --insights`: a search that found nothing for visitors still finds nothing in this build.",
         "Write an article that answers it, or add a synonym (`helpgen insights suggest`).", silenceable=False),
    Rule("insights-answered", INFO, "insights",
         "`check --insights`: a search that found nothing for visitors finds an article in this build.",
         "Nothing to do: the change answers it.", silenceable=False),
    Rule("insights-unhelpful", WARNING, "insights",
         "`check --insights`: an article that the votes show, with 95 % confidence, helps fewer readers than "
         "`--min-helpful`.",
         "Rewrite the answer for what readers came with (the report's searches and contact clicks).",
         silenceable=False),
    # Notices (support.yml `notices:`, support-status.json; docs/notices.md)
    Rule("notice-ended", WARNING, "notices",
         "A notice whose `until` has passed (before today): it no longer shows, and only clutters the file.",
         "Remove it (`helpgen notice clear --ended` for the live file).", silenceable=False),
    Rule("notice-window-reversed", WARNING, "notices",
         "A notice whose `until` is not after its `from`: it never shows.",
         "Swap or correct the times.", silenceable=False),
    Rule("notice-unknown-channel", WARNING, "notices",
         "A notice naming a channel id support.yml does not have: it changes nothing for that id.",
         "Use the suggested id, or one of the channel ids in support.yml.", silenceable=False),
    Rule("notice-untranslated", WARNING, "notices",
         "A notice without text in one of the site's languages (one text for every language, in a multi-language "
         "site, counts as one language): those pages show another language's text.",
         "Give the text per language: {en: …, da: …}, or `helpgen notice add … --lang da …`.", silenceable=False),
    Rule("notice-response-worse", WARNING, "notices",
         "A reply time written in an article that a notice's `response` is slower than while it is in effect: "
         "the article then promises what the team has said it cannot keep.",
         "Word the article so it holds then too (e.g. point to the contact page for current reply times)."),
    Rule("status-invalid", ERROR, "notices",
         "A support-status.json (`helpgen check --status FILE`) that is not valid: the notices it concerns are left "
         "out by every visitor's browser.",
         "Correct the value at the reported line; `helpgen notice` writes the file for you.", silenceable=False),
    Rule("status-unknown-field", WARNING, "notices",
         "A field in support-status.json that helpgen does not know (usually a typo): pages ignore it.",
         "Rename it to the suggested field, or remove it.", silenceable=False),
    # Search
    Rule("synonyms-invalid", ERROR, "search",
         "A line of synonyms.yml that search cannot use: not `a, b` or `a => b`, a term missing or only of "
         "words search ignores, a Chinese term with spaces, or a language the site does not have.",
         "Correct the line at the reported place; docs/search.md shows the format.", silenceable=False),
    Rule("synonym-dead", WARNING, "search",
         "A line of synonyms.yml whose targets no article of the language has: searching its words finds "
         "nothing more than without it.",
         "Use the words the articles use on the right of `=>` (or in the list), or remove the line.",
         silenceable=False),
    # The checker itself
    Rule("ignore-unknown-rule", WARNING, "meta",
         "A `helpgen: ignore` comment naming a rule id that does not exist.",
         "Correct the id (see the list in docs/checks.md).", silenceable=False),
)

RULE_BY_ID = {rule.id: rule for rule in RULES}


class BySeverity:
    """`errors` and `warnings` of a result's `findings` (notes, severity info, are neither)."""

    findings: tuple[Problem, ...] | list[Problem]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.findings if p.severity == ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.findings if p.severity == WARNING]


def finding(rule_id: str, location: Location, message: str, hint: str = "",
            related: Location | None = None, group: str = "") -> Problem:
    """A Problem for a declared rule; the severity comes from the declaration, never from the caller."""
    rule = RULE_BY_ID[rule_id]
    return Problem(location, message, hint or rule.fix, severity=rule.severity, rule=rule.id, related=related,
                   group=group)
