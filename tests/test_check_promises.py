"""Promise consistency in English, Danish and Chinese: what a sentence states by hand vs support.yml.

The support.yml used (tests/fixtures/check_project/support.yml): business hours Monday–Friday
09:00–17:00 and Saturday 10:00–14:00; email support@acme.example, always available, replies in
1 business day; live chat https://acme.example/chat in business hours, 5 minutes; phone
+45 70 12 34 56, Monday–Friday 10:00–16:00, answered immediately.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from helpgen.checks import ContentProject, check_content
from helpgen.checks.phrases import find_hours_claims, find_reply_times
from helpgen.hours.support import load_support

from .conftest import REPO

SUPPORT = REPO / "tests/fixtures/check_project/support.yml"


def promise_findings(tmp_path: Path, body: str) -> list[str]:
    content = tmp_path / "content"
    (content / "help").mkdir(parents=True)
    (content / "help/article.md").write_text(f"---\ntitle: An article\ntype: faq\n---\n\n{body}\n", encoding="utf-8")
    project = ContentProject(content, ("help/article.md",), support=load_support(SUPPORT), support_path=SUPPORT)
    findings = check_content(project, dt.date(2026, 11, 22)).findings
    return sorted(p.rule for p in findings if p.rule.startswith("promise-"))


CASES = {
    # English
    "We reply to emails within 24 hours.": ["promise-response-mismatch"],
    "Email us and we reply within 1 business day.": ["promise-response-hardcoded"],
    "We answer emails within one working day.": ["promise-response-hardcoded"],
    "We will get back to you in 2 business days.": ["promise-response-mismatch"],
    "Our chat team replies the same day.": ["promise-response-mismatch"],
    "Our phone team answers immediately.": ["promise-response-hardcoded"],
    "Our team is available 9am–5pm, Monday to Friday.": ["promise-hours-hardcoded"],
    "Our team is available Mon-Fri 9am-6pm.": ["promise-hours-mismatch"],
    "Phone support is open Monday to Friday 10:00–16:00.": ["promise-hours-hardcoded"],
    "Phone support is open Monday to Friday 09:00–17:00.": ["promise-hours-mismatch"],
    "Our live chat is available 24/7.": ["promise-hours-mismatch"],
    "We are open on Sundays.": ["promise-hours-mismatch"],
    "Our team is closed on Sundays.": ["promise-hours-hardcoded"],
    "Our team is closed on Fridays.": ["promise-hours-mismatch"],
    "Kundeservice holder lukket søndag.": ["promise-hours-hardcoded"],
    "Write to support@acme.exmaple with your order number.": ["promise-email-mismatch"],
    "Write to suport@acme.example with your order number.": ["promise-email-mismatch"],
    "Call us on 70 12 34 56.": ["promise-phone-hardcoded"],
    "[Call the hotline](tel:+4570123499)": ["promise-phone-mismatch"],
    "Start a chat at https://www.acme.example/chat/ any time.": ["promise-url-hardcoded"],
    "Our contact form is at https://acme.example/contact.": ["promise-url-mismatch"],
    # Danish
    "Skriv til os, så svarer vi inden for 24 timer.": ["promise-response-mismatch"],
    "Vi svarer på e-mails inden for 1 hverdag.": ["promise-response-hardcoded"],
    "Vi svarer inden for en arbejdsdag.": ["promise-response-hardcoded"],
    "Vi svarer på mails samme dag.": ["promise-response-mismatch"],
    "Kundeservice har åbent mandag-fredag kl. 9-17.": ["promise-hours-hardcoded"],
    "Kundeservice har åbent alle hverdage kl. 8-16.": ["promise-hours-mismatch"],
    "Telefonen er åben lørdag.": ["promise-hours-mismatch"],
    "Ring til os på +45 70 12 34 56.": ["promise-phone-hardcoded"],
    # Chinese
    "我们会在24小时内回复您的邮件。": ["promise-response-mismatch"],
    "我们会在1个工作日内回复您的邮件。": ["promise-response-hardcoded"],
    "在线客服当天回复。": ["promise-response-mismatch"],
    "客服工作时间：周一至周五 9:00-17:00，周六 10:00-14:00。": ["promise-hours-hardcoded"] * 2,
    "客服工作时间：周一至周五 8:00-16:00。": ["promise-hours-mismatch"],
    "客服工作时间：工作日上午9点至下午5点。": ["promise-hours-hardcoded"],
    "电话客服周六也在线。": ["promise-hours-mismatch"],
}

QUIET = [
    "We ship within 24 hours.",
    "Refunds arrive in 5 business days.",
    "Click the link within 24 hours.",
    "Our store in Copenhagen is open 10:00–18:00 on Saturdays.",
    "Orders placed before 14:00 on a business day are dispatched the same day.",
    "Privacy questions go to privacy@acme.example.",
    "If the carrier lost it, call PostNord on 70 70 70 30.",
    "Your order number looks like AO-2026-104857.",
    "Your orders are at https://acme.example/account/orders.",
    "The reservation is released within 1–2 days.",
    "Vi sender din vare inden for 24 timer.",
    "MobilePay refunderer normalt inden for 1 hverdag.",
    "Vores butik har åbent mandag-fredag kl. 10-18.",
    "5个工作日内处理退款。",
    "通常情况下，电子邮箱会在2个工作日内处理完毕。",
    "Kundeservice behandler sagen inden for 2 hverdage.",
    "工作日丹麦时间14:00之前下的订单当天发货。",
    "Write to {{ support.channels.email.link }}; we reply within {{ support.channels.email.response }}.",
    "Our team is available {{ support.channels.chat.availability }}.",
    "`support@acme.example` in a code span is an example, not a promise.",
]


@pytest.mark.parametrize("sentence, expected", CASES.items())
def test_a_promise_typed_by_hand_is_compared_with_support_yml(tmp_path, sentence, expected):
    assert promise_findings(tmp_path, sentence) == sorted(expected)


@pytest.mark.parametrize("sentence", QUIET)
def test_sentences_about_other_things_stay_quiet(tmp_path, sentence):
    assert promise_findings(tmp_path, sentence) == []


def test_a_promise_in_a_fenced_code_block_is_not_read(tmp_path):
    assert promise_findings(tmp_path, "```\nWe reply within 24 hours.\n```") == []


def test_the_description_is_checked_too(tmp_path):
    content = tmp_path / "content"
    (content / "help").mkdir(parents=True)
    (content / "help/a.md").write_text("---\ntitle: A\ndescription: We reply within 2 hours.\n---\nText.\n",
                                       encoding="utf-8")
    project = ContentProject(content, ("help/a.md",), support=load_support(SUPPORT), support_path=SUPPORT)
    [finding] = check_content(project, dt.date(2026, 11, 22)).findings
    assert (finding.rule, finding.location.line) == ("promise-response-mismatch", 3)


@pytest.mark.parametrize("text, kind, amount", [
    ("within 24 hours", "calendar", 1440), ("within a day", "calendar", 1440),
    ("in 2 business days", "business_days", 2), ("within 4 business hours", "business_hours", 240),
    ("the same day", "same_day", 0), ("by the next working day", "business_days", 1),
    ("inden for 24 timer", "calendar", 1440), ("inden for et døgn", "calendar", 1440),
    ("inden for 2 hverdage", "business_days", 2), ("samme dag", "same_day", 0),
    ("24小时内", "calendar", 1440), ("二十四小时内", "calendar", 1440), ("1个工作日内", "business_days", 1),
    ("30分钟内", "calendar", 30), ("当天", "same_day", 0),
])
def test_reply_time_phrasings(text, kind, amount):
    [reply] = find_reply_times(text)
    assert (reply.kind, reply.amount) == (kind, amount)


@pytest.mark.parametrize("text, days, hours", [
    ("Monday to Friday 09:00-17:00", (0, 1, 2, 3, 4), "09:00-17:00"),
    ("Mon–Fri 9am–5pm", (0, 1, 2, 3, 4), "09:00-17:00"),
    ("9–5pm on weekdays", (0, 1, 2, 3, 4), "09:00-17:00"),
    ("Saturdays and Sundays from 10 am to 2 pm", (5, 6), "10:00-14:00"),
    ("mandag-fredag kl. 9-17", (0, 1, 2, 3, 4), "09:00-17:00"),
    ("lørdag 10.00–14.00", (5,), "10:00-14:00"),
    ("周一至周五 9:00-17:00", (0, 1, 2, 3, 4), "09:00-17:00"),
    ("工作日上午9点至下午5点", (0, 1, 2, 3, 4), "09:00-17:00"),
    ("星期六 10:00-14:00", (5,), "10:00-14:00"),
])
def test_opening_hours_phrasings(text, days, hours):
    [claim] = find_hours_claims(text)
    assert (claim.days, str(claim.time_range)) == (days, hours)


def test_counts_prices_and_dates_are_not_clock_times():
    assert find_hours_claims("3–7 days, 1-2 weeks, sizes 38-42, 9.95–19.95 kr, 12.50-17.50 kr") == []


def test_a_number_given_as_ours_when_support_yml_has_no_phone_channel(tmp_path):
    from .conftest import SUPPORT_YML  # email and chat only

    support = tmp_path / "support.yml"
    support.write_text(SUPPORT_YML, encoding="utf-8")
    content = tmp_path / "content"
    (content / "help").mkdir(parents=True)
    (content / "help/a.md").write_text("---\ntitle: A\n---\n\nCall us on +45 70 12 34 56.\n", encoding="utf-8")
    project = ContentProject(content, ("help/a.md",), support=load_support(support), support_path=support)
    [finding] = check_content(project, dt.date(2026, 11, 22)).findings
    assert finding.rule == "promise-phone-mismatch" and "no phone channel" in finding.message
    assert str(finding.related) == "support.yml:8:1"  # the `channels:` key


# Sentences from real help centers that promise nothing about support (issue #15): each once raised a
# build-failing error. The time in them is not tied to us answering, opening or being reachable.
FALSE_ALARMS = [
    "Every day, millions of people choose DuckDuckGo to search and browse online.",
    "DuckDuckGo blocks trackers daily, and it is available on every device.",
    "Saved chats, including the AI's responses, are deleted at most within 30 days.",
    "Identity theft restoration is available 24/7 through our partner.",
    "Our partner's support team is available 24/7.",
    "Hver dag vælger millioner af mennesker at søge online hos os.",
    "Dine gemte chats og svar slettes senest inden for 30 dage.",
    "聊天记录和回复会在30天内删除。",
    "我们的合作伙伴提供全天候服务。",
]


@pytest.mark.parametrize("sentence", FALSE_ALARMS)
def test_times_not_tied_to_us_answering_or_opening_stay_quiet(tmp_path, sentence):
    assert promise_findings(tmp_path, sentence) == []


def test_precision_on_the_promise_fixtures(tmp_path):
    """Every finding over the planted promises, the quiet sentences and the real false alarms is one that
    was planted: precision 1.0 (and recall 1.0 on CASES)."""
    found = expected = correct = 0
    for index, sentence in enumerate(list(CASES) + QUIET + FALSE_ALARMS):
        rules = promise_findings(tmp_path / str(index), sentence)
        wanted = sorted(CASES.get(sentence, []))
        found += len(rules)
        expected += len(wanted)
        correct += sum(min(rules.count(r), wanted.count(r)) for r in set(wanted))
    assert (correct / found, correct / expected) == (1.0, 1.0)
