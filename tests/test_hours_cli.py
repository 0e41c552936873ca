"""`helpgen hours`: the customer's view at an instant, from the command line."""
from __future__ import annotations

import json

from click.testing import CliRunner

from helpgen.cli import main
from helpgen.hours.status import status_payload
from helpgen.hours.support import load_support

from .conftest import REPO

SUPPORT = str(REPO / "support.yml")


def hours(*args: str):
    return CliRunner().invoke(main, ["hours", "--support", SUPPORT, *args])


def test_friday_evening_text_matches_what_the_page_shows():
    result = hours("--at", "2026-11-27T20:00")
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "Acme Outfitters at Friday 2026-11-27 20:00 (Europe/Copenhagen)"
    assert "Live chat  Closed · opens tomorrow 10:00   [promise: 5 minutes]" in result.output
    assert "Email      Write now — reply by tomorrow 14:00   [promise: 1 business day]" in result.output


def test_json_for_one_channel_with_reply_by_instant():
    result = hours("--at", "2026-12-24T11:00+01:00", "--channel", "chat", "--json")
    data = json.loads(result.output)
    assert data["at"] == "2026-12-24T11:00:00+01:00"
    [chat] = data["channels"]
    assert chat == {"id": "chat", "name": "Live chat", "state": "closed", "text": "Closed for Christmas Eve · opens Monday 09:00",
                    "next_change": "2026-12-28T09:00:00+01:00", "reply_by": "2026-12-28T09:05:00+01:00",
                    "response": "5 minutes", "notices": []}


def test_visitor_zone_shows_both_clocks():
    result = hours("--at", "2026-11-27T20:00", "--zone", "America/New_York", "--channel", "phone")
    assert "Closed · opens Monday 04:00 (10:00 Copenhagen time)" in result.output


def test_bad_inputs_exit_1_with_a_fix():
    typo = hours("--channel", "emial")
    assert typo.exit_code == 1 and 'Error: --channel: no channel "emial" in ' in typo.output
    assert typo.output.strip().endswith('/support.yml — did you mean "email"? '
                                        "(channels: email, chat, phone)")
    unknown = hours("--channel", "fax")
    assert unknown.exit_code == 1 and unknown.output.strip().endswith("— use one of: email, chat, phone")
    bad_at = hours("--at", "next tuesday")
    assert bad_at.exit_code == 1 and 'Error: --at: "next tuesday" is not an ISO-8601 date and time' in bad_at.output
    bad_zone = hours("--zone", "Europe/Copenhagn")
    assert bad_zone.exit_code == 1 and 'did you mean "Europe/Copenhagen"' in bad_zone.output


def test_page_payload_counts_business_promises_in_company_hours():
    payload = status_payload(load_support(REPO / "support.yml"))
    email = payload["channels"]["email"]
    assert email["response"] == {"kind": "business_days", "amount": 1, "text": "1 business day"}
    assert email["business"]["week"][0] == [[540, 1020]]  # always reachable, answered in business hours
    assert "business" not in payload["channels"]["chat"]
