"""Built pages carry the notices in effect at build time (what a page without JavaScript shows), the data
the browser needs to redo that at view time, and the live file beside them."""
from __future__ import annotations

import datetime as dt
import json
import logging

import pytest

from .conftest import MKDOCS_YML, SUPPORT_YML, Project, soup

NOTICES = """\
notices:
  - id: rush
    from: 2026-12-14 00:00
    until: 2026-12-22 24:00
    text: "Christmas rush: email replies take up to 3 business days."
    channels: [email]
    response: 3 business days
  - id: meeting
    from: 2026-12-15 10:00
    until: 2026-12-15 12:00
    text: "We are in a staff meeting until 12:00. <img src=x onerror=alert(1)>"
    closed: true
"""


def epoch(*args) -> str:
    from zoneinfo import ZoneInfo

    return str(int(dt.datetime(*args, tzinfo=ZoneInfo("Europe/Copenhagen")).timestamp()))


@pytest.fixture
def noticed(project, monkeypatch):
    project.write("support.yml", SUPPORT_YML + NOTICES)
    return project


def page(project: Project, path: str = "orders/track/index.html"):
    return soup(project.root / "site" / path)


def test_a_page_built_inside_a_window_shows_the_notice_without_javascript(noticed, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2026, 12, 15, 11, 0))
    noticed.build()
    html = page(noticed)
    banner = html.select_one("[data-hg-notices]")
    assert banner["role"] == "status" and banner["aria-label"] == "Notices"
    assert banner["data-hg-live"] == "../../support-status.json"  # the site root, from this page
    assert [(n["data-hg-notice"], n.get_text(strip=True)) for n in banner.select(".hg-notice")] == [
        ("rush", "Christmas rush: email replies take up to 3 business days."),
        ("meeting", "We are in a staff meeting until 12:00. <img src=x onerror=alert(1)>")]
    assert not html.select("img[onerror]")  # the text stays text
    contact = html.select_one("[data-hg-contact]")
    assert [li.get_text() for li in contact.select("[data-hg-notice-list] li")] == [
        "We are in a staff meeting until 12:00. <img src=x onerror=alert(1)>"]  # about every channel: once
    email = contact.select_one("[data-hg-channel=email]")
    assert email.select_one("[data-hg-channel-notice]").get_text() == "Christmas rush: email replies take up to 3 business days."
    assert email.select_one("[data-hg-reply]").get_text() == "Replies within 3 business days"
    assert contact.select_one("[data-hg-channel=chat] [data-hg-channel-notice]").has_attr("hidden")


def test_a_page_built_outside_every_window_shows_none_but_carries_them_for_the_browser(noticed, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2026, 12, 1, 11, 0))
    noticed.build()
    html = page(noticed)
    assert html.select("[data-hg-notices] .hg-notice") == []
    assert html.select_one("[data-hg-notice-list]").has_attr("hidden")
    assert html.select_one("[data-hg-contact] [data-hg-channel=email] [data-hg-reply]").get_text() == \
        "Replies within 1 business day"
    raw = (noticed.root / "site" / "orders/track/index.html").read_text(encoding="utf-8")
    data = json.loads(html.select_one("#helpgen-hours-data").string)
    assert [n["id"] for n in data["notices"]] == ["rush", "meeting"]
    assert data["notices"][0] == {"id": "rush", "from": "2026-12-14T00:00", "until": "2026-12-22T24:00",
                                  "text": "Christmas rush: email replies take up to 3 business days.",
                                  "channels": ["email"], "closed": False,
                                  "response": {"kind": "business_days", "amount": 3, "text": "3 business days"}}
    assert data["limits"]["notices"] == 20 and data["language"] == "en"
    assert "\\u003cimg src=x" in raw and "<img src=x" not in raw.split('id="helpgen-hours-data"')[1].split("</script>")[0]


def test_each_language_gets_its_own_text(tmp_path, monkeypatch):
    project = Project(tmp_path / "help")
    project.write("mkdocs.yml", MKDOCS_YML.replace("  - helpgen\n", "  - helpgen:\n      languages: [en, da]\n"))
    project.write("support.yml", SUPPORT_YML + 'notices:\n  - {id: closed, text: {en: "Closed today", da: "Lukket i dag"}}\n')
    project.write("content/en/orders/a.md", "---\ntitle: A\n---\nText.\n")
    project.write("content/da/orders/a.md", "---\ntitle: A\n---\nTekst.\n")
    project.build()
    da = soup(project.root / "site/da/orders/a/index.html")
    assert da.select_one("[data-hg-notices] .hg-notice__text").get_text() == "Lukket i dag"
    assert da.select_one("[data-hg-notices]")["aria-label"] == "Meddelelser"
    assert da.select_one("[data-hg-notices]")["data-hg-dismiss-label"] == "Luk meddelelsen"
    assert json.loads(da.select_one("#helpgen-hours-data").string)["language"] == "da"
    assert soup(project.root / "site/orders/a/index.html").select_one(".hg-notice__text").get_text() == "Closed today"


def test_the_build_writes_an_empty_live_file_and_keeps_the_one_the_team_edited(project):
    project.build()
    live = project.root / "site" / "support-status.json"
    assert live.read_text(encoding="utf-8") == '{"notices": []}\n'
    edited = '{"notices": [{"id": "down", "text": "Phone down", "channels": ["phone"], "closed": true}]}\n'
    live.write_text(edited, encoding="utf-8")
    project.article("orders/new.md", "A new article")
    project.build()  # an article changed: the live notices must not go back to none
    assert live.read_text(encoding="utf-8") == edited


def test_a_broken_live_file_is_kept_with_a_warning(project, caplog):
    project.build()
    live = project.root / "site" / "support-status.json"
    live.write_text('{"notices": [{"id": "x"}]}', encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="mkdocs"):
        project.build()
    assert live.read_text(encoding="utf-8") == '{"notices": [{"id": "x"}]}'
    assert any(r.getMessage().startswith('support-status.json:1:14: "notices[1].text" is required')
               and r.getMessage().endswith("(the live file is kept as it is) [status-invalid]") for r in caplog.records)


@pytest.mark.parametrize("setting, live_attribute", [
    ("live_status: https://status.acme.example/support-status.json\n", "https://status.acme.example/support-status.json"),
    ("live_status: false\n", None),
])
def test_with_the_live_file_elsewhere_or_off_the_site_has_none(project, setting, live_attribute):
    project.write("support.yml", SUPPORT_YML + setting)
    project.build()
    assert not (project.root / "site" / "support-status.json").exists()
    assert page(project).select_one("[data-hg-notices]").get("data-hg-live") == live_attribute


def test_the_preview_redraws_its_pages_when_a_notice_starts_between_two_builds(noticed, monkeypatch):
    from .test_incremental import Preview

    preview = Preview(noticed.root, noticed.root / "preview")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2026, 12, 15, 9, 30))
    preview.build()
    assert [n["data-hg-notice"] for n in soup(noticed.root / "preview/orders/track/index.html").select(
        "[data-hg-notices] .hg-notice")] == ["rush"]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch(2026, 12, 15, 10, 30))  # the same files and day, an hour later
    preview.build()
    shown = soup(noticed.root / "preview/orders/track/index.html").select("[data-hg-notices] .hg-notice")
    assert [n["data-hg-notice"] for n in shown] == ["rush", "meeting"]
