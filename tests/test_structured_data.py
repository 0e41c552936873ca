"""schema.org ContactPoint JSON-LD on every page, from the same config as the contact block."""
from __future__ import annotations

import datetime as dt
import json

from helpgen.hours.structured_data import organization_jsonld
from helpgen.security import script_json
from helpgen.hours.support import load_support, parse_support

from .conftest import REPO, SUPPORT_YML, soup


def test_contact_points_carry_weekly_hours_and_upcoming_holidays():
    data = organization_jsonld(load_support(REPO / "support.yml"), dt.date(2026, 12, 25))
    assert data["@type"] == "Organization" and data["name"] == "Acme Outfitters"
    email, chat, phone = data["contactPoint"]
    assert email["email"] == "support@acme.example" and phone["telephone"] == "+45 70 12 34 56"
    assert chat["url"] == "https://acme.example/chat"
    weekly = [s for s in chat["hoursAvailable"] if "dayOfWeek" in s]
    assert [(s["dayOfWeek"][-1].rsplit("/", 1)[1], s["opens"], s["closes"]) for s in weekly] == [
        ("Friday", "09:00:00", "17:00:00"), ("Saturday", "10:00:00", "14:00:00")]
    holidays = {s["name"]: (s["opens"], s["closes"]) for s in chat["hoursAvailable"] if "validFrom" in s}
    assert "Christmas Eve" not in holidays  # already past on the 25th
    assert holidays["Christmas Day"] == ("00:00:00", "00:00:00")
    assert holidays["New Year's Eve"] == ("09:00:00", "12:00:00")


def test_overnight_range_keeps_closes_before_opens():
    support = parse_support(SUPPORT_YML.replace('saturday: "10:00-14:00"', 'saturday: "22:00-02:00"'))
    specs = organization_jsonld(support, dt.date(2026, 1, 1))["contactPoint"][1]["hoursAvailable"]
    assert {"opens": "22:00:00", "closes": "02:00:00"}.items() <= specs[1].items()


def test_script_text_cannot_close_the_script_element():
    text = script_json({"name": "</script><script>alert(1)</script>\u2028"})
    assert "</script" not in text and "<" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script>\u2028"


def test_every_built_page_has_valid_jsonld_with_escaped_values(project, tmp_path):
    support = project.root / "support.yml"
    support.write_text(support.read_text().replace("organization: Acme Outfitters",
                                                   'organization: "Acme </script><b>x</b>"'))
    project.article("orders/cancel.md", "Can I cancel </script><b>x</b>?", "Yes </script> & <b>no</b>.", type="faq")
    site = project.build(tmp_path / "site").site_dir
    for page in site.rglob("*.html"):
        scripts = soup(page).select('script[type="application/ld+json"]')
        faq = page.parent.name in ("cancel", "track", "return")  # the project's FAQ articles
        assert len(scripts) == (2 if faq else 1), page
        if page.parent.name == "cancel":
            question = json.loads(scripts[1].string)["mainEntity"][0]
            assert question["name"] == "Can I cancel </script><b>x</b>?"
            assert question["acceptedAnswer"]["text"] == "Yes & no."  # tags in the Markdown are markup, not words
        data = json.loads(scripts[0].string)
        assert data["name"] == "Acme </script><b>x</b>"
        assert [c["contactType"] for c in data["contactPoint"]] == ["Email", "Live chat"]


# --- FAQPage on FAQ articles, read by a JSON-LD processor ------------------------------------------------

SCHEMA = "https://schema.org/"


def _schema_org_loader(url, options=None):
    """schema.org's context, offline: every term is a schema.org IRI (what its published context says)."""
    if url.rstrip("/") not in ("https://schema.org", "http://schema.org"):
        raise ValueError(f"the test loads no other context: {url}")
    return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
            "document": {"@context": {"@vocab": SCHEMA}}}


def _expanded_blocks(page) -> list[dict]:
    from pyld import jsonld

    blocks = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    return [node for block in blocks
            for node in jsonld.expand(block, {"documentLoader": _schema_org_loader})]


def _one(node: dict, prop: str):
    [value] = node[SCHEMA + prop]
    return value


def test_faq_articles_carry_a_faq_page_whose_answer_is_the_article_text(demo_build):
    page = soup(demo_build / "site/returns/how-do-i-return-an-item/index.html")
    nodes = _expanded_blocks(page)
    assert sorted(t for n in nodes for t in n["@type"]) == [SCHEMA + "FAQPage", SCHEMA + "Organization"]
    faq = next(n for n in nodes if SCHEMA + "FAQPage" in n["@type"])
    question = _one(faq, "mainEntity")
    assert question["@type"] == [SCHEMA + "Question"]
    assert _one(question, "name")["@value"] == "How do I return an item?"
    answer = _one(question, "acceptedAnswer")
    assert answer["@type"] == [SCHEMA + "Answer"]
    text = _one(answer, "text")["@value"]
    assert text.startswith("You can return most items within 30 days of delivery for a full refund")
    assert "¶" not in text and "<" not in text and "{{" not in text
    assert "Still need help" not in text and "Was this helpful" not in text  # the answer, not the page
    assert _one(faq, "url")["@id" if "@id" in _one(faq, "url") else "@value"] == (
        "https://help.acme.example/returns/how-do-i-return-an-item/")


def test_guides_and_policies_carry_no_faq_page(demo_build):
    for path in ("policies/returns-and-refunds-policy/index.html", "guides/how-to-choose-a-hiking-backpack/index.html",
                 "index.html", "contact/index.html"):
        types = [t for n in _expanded_blocks(soup(demo_build / "site" / path)) for t in n["@type"]]
        assert types == [SCHEMA + "Organization"], path
