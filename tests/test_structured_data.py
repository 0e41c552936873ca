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
    site = project.build(tmp_path / "site").site_dir
    for page in site.rglob("*.html"):
        scripts = soup(page).select('script[type="application/ld+json"]')
        assert len(scripts) == 1, page
        data = json.loads(scripts[0].string)
        assert data["name"] == "Acme </script><b>x</b>"
        assert [c["contactType"] for c in data["contactPoint"]] == ["Email", "Live chat"]
