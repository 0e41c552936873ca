"""support.yml `feedback:` (hours/feedback.py): which events the pages send and where, every mistake at
its line with the fix; and what the built pages carry: the settings as <script>-safe JSON and
helpgen-events.js, only when something is sent."""
from __future__ import annotations

import json

import pytest

from helpgen.errors import HelpgenError
from helpgen.hours.feedback import EVENT_KINDS, FEEDBACK_KEYS, MATOMO_KEYS
from helpgen.hours.support import parse_support

from ..conftest import REPO, SUPPORT_YML, soup

ARTICLE = "returns/return/index.html"


def support(feedback: str):
    return parse_support(SUPPORT_YML + feedback)


def error_of(feedback: str) -> str:
    with pytest.raises(HelpgenError) as caught:
        support(feedback)
    return caught.value.format_message()


def test_votes_alone_as_before_unless_events_say_more():
    assert support("feedback: {endpoint: https://insights.acme.example/events}\n").feedback.events == ("votes",)
    every = support("feedback:\n  endpoint: https://i.acme.example/events\n  events: [votes, searches, contacts]\n")
    assert every.feedback.events == EVENT_KINDS and every.feedback_endpoint == "https://i.acme.example/events"
    assert support("").feedback is None


def test_plain_http_only_for_this_machine():
    assert support("feedback: {endpoint: 'http://localhost:8787/events'}\n").feedback.endpoint
    assert support("feedback: {endpoint: 'http://127.0.0.1:8787/events'}\n").feedback.endpoint
    message = error_of("feedback:\n  endpoint: http://insights.acme.example/events\n")
    line = SUPPORT_YML.count("\n") + 2
    assert f'support.yml:{line}:13: feedback.endpoint: "http://insights.acme.example/events" is not an https:// URL' \
        in message
    assert "http://localhost is fine while you try the collector" in message


def test_unknown_events_keys_and_settings_are_errors_with_a_fix():
    assert 'feedback.events: "serches" is not an event helpgen sends — did you mean "searches"?' in \
        error_of("feedback: {endpoint: https://x.example/e, events: [votes, serches]}\n")
    assert 'unknown key "feedback.endpiont"' in error_of("feedback: {endpiont: https://x.example/}\n")
    assert "feedback.matomo.site_id must be a positive whole number, not \"three\"" in \
        error_of("feedback: {matomo: {url: https://m.example/, site_id: three}}\n")
    assert 'feedback.matomo.url: "http://m.example/" is not an https:// URL' in \
        error_of("feedback: {matomo: {url: 'http://m.example/', site_id: 3}}\n")
    assert "both endpoint and matomo are set" in \
        error_of("feedback: {endpoint: https://x.example/e, matomo: {url: https://m.example/, site_id: 3}}\n")


def test_matomo_is_told_its_tracker():
    matomo = support("feedback: {matomo: {url: https://matomo.acme.example/, site_id: '3'}, "
                     "events: [searches]}\n").feedback.matomo
    assert (matomo.url, matomo.site_id) == ("https://matomo.acme.example/matomo.php", 3)
    own = support("feedback: {matomo: {url: https://a.example/js/tracker.php, site_id: 1}}\n").feedback.matomo
    assert own.url == "https://a.example/js/tracker.php"


def test_events_with_nowhere_to_go_are_a_warning():
    config = support("feedback: {events: [searches]}\n")
    [warning] = config.warnings
    assert warning.rule == "feedback-nowhere" and "searches would be sent nowhere" in warning.message


def test_every_feedback_key_is_documented():
    text = (REPO / "docs" / "support-yml.md").read_text(encoding="utf-8")
    for key in [*FEEDBACK_KEYS, *MATOMO_KEYS]:
        assert f"| `{key}` |" in text, key


def test_pages_carry_the_settings_only_when_something_is_sent(project):
    project.build()
    page = soup(project.root / "site" / ARTICLE)
    assert page.select_one("#helpgen-events") is None
    assert not [s for s in page.find_all("script", src=True) if "helpgen-events" in s["src"]]

    project.write("support.yml", SUPPORT_YML + "feedback:\n  endpoint: https://i.acme.example/events?site=a&x=1\n"
                                               "  events: [votes, searches, contacts]\n")
    project.build()
    page = soup(project.root / "site" / ARTICLE)
    settings = page.select_one("script#helpgen-events")
    assert json.loads(settings.string) == {"endpoint": "https://i.acme.example/events?site=a&x=1",
                                           "events": ["votes", "searches", "contacts"], "matomo": None}
    assert "&" not in settings.string  # <script>-safe JSON: & < > as \\u escapes
    scripts = [s["src"] for s in page.find_all("script", src=True)]
    assert scripts.index(next(s for s in scripts if "helpgen-events" in s)) < \
        scripts.index(next(s for s in scripts if "helpgen-feedback" in s))
    home = soup(project.root / "site" / "index.html")
    assert home.select_one("script#helpgen-events") is not None  # searches and contacts happen on every page
