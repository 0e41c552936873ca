"""support.yml: the schema in DESIGN.md loads, and every YAML trap is an error at its line with a fix."""
from __future__ import annotations

import datetime as dt

import pytest

from helpgen.errors import HelpgenError
from helpgen.hours.support import load_support, parse_day_spec, parse_support

from .conftest import REPO, SUPPORT_YML

CHANNEL = "  - {id: email, name: Email, address: a@acme.example, response: 2 hours}\n"


def config(hours: str = '  monday-friday: "09:00-17:00"\n', extra: str = "", channels: str = CHANNEL) -> str:
    return f"organization: Acme\ntimezone: Europe/Copenhagen\nhours:\n{hours}{extra}channels:\n{channels}"


def error_of(text: str) -> str:
    with pytest.raises(HelpgenError) as caught:
        parse_support(text)
    return caught.value.format_message()


def test_the_demo_config_from_the_design_loads_with_every_value():
    support = load_support(REPO / "support.yml")
    assert support.organization == "Acme Outfitters"
    assert support.timezone == "Europe/Copenhagen"
    assert [str(r) for r in support.hours.weekly[0]] == ["09:00-17:00"]
    assert [str(r) for r in support.hours.weekly[5]] == ["10:00-14:00"]
    assert support.hours.weekly[6] == ()
    eve = next(h for h in support.holidays if h.date == dt.date(2026, 12, 31))
    assert eve.name == "New Year's Eve" and [str(r) for r in eve.ranges] == ["09:00-12:00"]
    assert [c.id for c in support.channels] == ["email", "chat", "phone"]
    email, chat, phone = support.channels
    assert (email.availability, str(email.response), email.href) == ("always", "1 business day", "mailto:support@acme.example")
    assert (chat.availability, chat.href) == ("business-hours", "https://acme.example/chat")
    assert phone.availability == "custom" and [str(r) for r in phone.schedule.weekly[2]] == ["10:00-16:00"]
    assert phone.href == "tel:+4570123456"


def test_unquoted_time_is_an_error_that_explains_yaml_base_60():
    message = error_of(config(hours="  monday: 17:30\n"))
    assert message.startswith("support.yml:4:11: hours.monday: 17:30 was read as the number 1050")
    assert "quote" in message


def test_norway_as_NO_is_an_error_not_false():
    message = error_of(config().replace("organization: Acme", "organization: NO"))
    assert message.startswith("support.yml:1:15: organization: NO was read as the boolean false")
    assert 'put it in quotes: "NO"' in message


def test_on_as_a_channel_name_is_an_error():
    message = error_of(config(channels="  - {id: email, name: on, address: a@acme.example, response: 2 hours}\n"))
    assert "support.yml:6:" in message and "channels[email].name: on was read as the boolean true" in message


def test_duplicate_keys_name_both_lines():
    message = error_of("organization: A\ntimezone: UTC\norganization: B\n")
    assert message == 'support.yml:3:1: duplicate key "organization" (first at line 1) — remove one of them'


def test_unknown_key_suggests_the_closest_known_one():
    message = error_of(config().replace("organization:", "organisation:"))
    assert 'support.yml:1:1: unknown key "organisation" — did you mean "organization"?' in message


def test_invalid_time_zone_suggests_a_real_one():
    message = error_of(config().replace("Europe/Copenhagen", "Europe/Copenhagn"))
    assert 'support.yml:2:11: timezone: "Europe/Copenhagn" is not an IANA time zone — did you mean "Europe/Copenhagen"?' in message


@pytest.mark.parametrize("hours, fragment", [
    ('  monday: "9-17"\n', 'hours.monday: "9-17" is not a time range'),
    ('  monday: "09:00-17:75"\n', "has minutes above 59"),
    ('  monday: "17:00-17:00"\n', "is empty"),
    ('  mondays: "09:00-17:00"\n', '"mondays" is not a day or day range'),
])
def test_malformed_hours_are_reported_at_their_line(hours, fragment):
    message = error_of(config(hours=hours))
    assert message.startswith("support.yml:4:") and fragment in message


def test_a_day_given_twice_is_an_error():
    message = error_of(config(hours='  monday-friday: "09:00-17:00"\n  friday: "10:00-12:00"\n'))
    assert "support.yml:5:3: hours: friday is already given at line 4" in message


def test_an_overnight_range_running_into_the_next_day_s_range_is_an_error_naming_both():
    message = error_of(config(hours='  tuesday: "01:30-01:00"\n  wednesday: "00:00-00:01"\n'))
    assert message.startswith('support.yml:5:3: hours: wednesday\'s "00:00-00:01" overlaps tuesday\'s "01:30-01:00" '
                              "(line 4), which runs until 01:00 on wednesday — start wednesday's range at 01:00 or later")


@pytest.mark.parametrize("hours, extra, channels, fragment", [
    # Sunday's night runs into Monday: the week wraps.
    ('  monday-friday: "09:00-17:00"\n  sunday: "22:00-10:00"\n', "", CHANNEL,
     'support.yml:4:3: hours: monday\'s "09:00-17:00" overlaps sunday\'s "22:00-10:00" (line 5)'),
    # A holiday's hours inside the night before, and a holiday's night inside the next day's hours.
    ('  monday-friday: "20:00-04:00"\n', 'holidays:\n  - {date: 2026-12-24, name: Eve, hours: "02:00-03:00"}\n', CHANNEL,
     'support.yml:6:5: holidays: the 2026-12-24 holiday\'s "02:00-03:00" overlaps wednesday\'s "20:00-04:00" (line 4)'),
    ('  monday-friday: "01:00-05:00"\n', 'holidays:\n  - {date: 2026-12-24, name: Eve, hours: "22:00-02:00"}\n', CHANNEL,
     'support.yml:4:3: hours: friday\'s "01:00-05:00" overlaps the 2026-12-24 holiday\'s "22:00-02:00" (line 6)'),
    # A channel's own hours.
    ('  monday-friday: "09:00-17:00"\n', "",
     '  - {id: phone, name: Phone, address: "+45 70 12 34 56", response: immediately,\n'
     '     availability: {thursday: "22:00-02:00", friday: "01:00-05:00"}}\n',
     'support.yml:7:46: channels[phone].availability: friday\'s "01:00-05:00" overlaps thursday\'s "22:00-02:00" (line 7)'),
])
def test_overlaps_across_midnight_are_found_in_every_schedule(hours, extra, channels, fragment):
    assert fragment in error_of(config(hours=hours, extra=extra, channels=channels))


def test_ranges_that_touch_across_midnight_are_one_evening_shift_not_an_overlap():
    support = parse_support(config(hours='  monday: "18:00-02:00"\n  tuesday: "02:00-06:00"\n'))
    assert [str(r) for r in support.hours.weekly[1]] == ["02:00-06:00"]


def test_unparseable_response_promise_has_a_hint():
    message = error_of(config(channels="  - {id: email, name: E, address: a@acme.example, response: fast}\n"))
    assert 'support.yml:6:61: channels[email].response: "fast" is not a reply promise — use e.g.' in message


def test_javascript_url_in_a_channel_is_refused():
    message = error_of(config(channels='  - {id: chat, name: Chat, url: "javascript:alert(1)", response: 2 hours}\n'))
    assert 'channels[chat].url: "javascript:alert(1)" is not a web link' in message


def test_every_problem_is_reported_together():
    text = config().replace("organization:", "organisation:").replace("Europe/Copenhagen", "Mars/Olympus")
    text = text.replace("response: 2 hours", "response: soon")
    problems = pytest.raises(HelpgenError, parse_support, text).value.problems
    lines = sorted(p.location.line for p in problems)
    assert len(problems) >= 4 and lines[0] == 1 and 6 in lines


def test_yaml_syntax_error_points_at_the_line():
    message = error_of("organization: A\n  timezone: UTC\n")
    assert message.startswith("support.yml:2:11: invalid YAML: mapping values are not allowed")


def test_tabs_get_an_indentation_hint():
    assert "indent with spaces, not tabs" in error_of("organization: A\n\ttimezone: UTC\n")


def test_holiday_with_special_hours_and_closed_holiday():
    support = parse_support(config(extra='holidays:\n  - {date: 2026-12-24, name: Eve}\n'
                                         '  - {date: "2026-12-31", name: NYE, hours: "09:00-12:00"}\n'))
    assert [(h.date.isoformat(), h.ranges != ()) for h in support.holidays] == [("2026-12-24", False), ("2026-12-31", True)]


def test_missing_file_says_how_to_create_one(tmp_path):
    with pytest.raises(HelpgenError, match="support config not found — create it"):
        load_support(tmp_path / "support.yml")


def test_the_shared_fixture_config_is_valid():
    assert parse_support(SUPPORT_YML).channel("chat").name == "Live chat"


@pytest.mark.parametrize("spec, days", [
    ("monday-friday", [0, 1, 2, 3, 4]), ("saturday, sunday", [5, 6]), ("fri-mon", [4, 5, 6, 0]),
    ("weekdays", [0, 1, 2, 3, 4]), ("Sunday", [6]), ("someday", None),
])
def test_day_specs(spec, days):
    assert parse_day_spec(spec) == days


# --- time zones both Python and browsers know ---------------------------------------------------------------

@pytest.mark.parametrize("zone, hint", [
    ("posix/Europe/Copenhagen", 'write "Europe/Copenhagen"'),
    ("right/America/New_York", 'write "America/New_York"'),
    ("localtime", "write the zone by name"),
    ("posixrules", "write the zone by name"),
    ("Europe/Copenhagn", 'did you mean "Europe/Copenhagen"?'),
    ("../../etc/passwd", ""),
    ("A" * 300, ""),
])
def test_zones_browsers_do_not_know_are_refused_with_the_name_to_write(zone, hint):
    text = SUPPORT_YML.replace("timezone: Europe/Copenhagen", f'timezone: "{zone}"')
    with pytest.raises(HelpgenError) as caught:
        parse_support(text)
    [problem] = caught.value.problems
    assert problem.location.line == 2 and problem.message.startswith("timezone:")
    assert hint in problem.hint


@pytest.mark.parametrize("zone, words, suggestion", [
    ("EST", "legacy abbreviation", "America/New_York"),
    ("CET", "legacy abbreviation", "Europe/Paris"),
    ("Etc/GMT+2", "UTC\u22122 (Etc/ names invert the sign: Etc/GMT+2 is 2 hours behind UTC)", "America/Noronha"),
    ("Etc/GMT-9", "UTC+9 (Etc/ names invert the sign: Etc/GMT-9 is 9 hours ahead of UTC)", "Asia/"),
])
def test_fixed_offset_zones_are_warned_about_with_a_city_zone(zone, words, suggestion):
    support = parse_support(SUPPORT_YML.replace("timezone: Europe/Copenhagen", f"timezone: {zone}"))
    [warning] = support.warnings
    assert warning.severity == "warning" and warning.rule == "fixed-offset-zone" and warning.location.line == 2
    assert words in warning.message and suggestion in warning.hint


def test_utc_is_a_choice_not_a_mistake():
    assert parse_support(SUPPORT_YML.replace("timezone: Europe/Copenhagen", "timezone: UTC")).warnings == ()
def test_positions_count_from_one_when_a_channel_has_no_usable_id():
    message = error_of(config(channels="  - {name: E, address: a@acme.example, response: fast}\n"))
    assert 'channels[1].response: "fast" is not a reply promise' in message
    assert '"channels[1].id" is required' in message


def test_feedback_endpoint_is_optional_and_must_be_https():
    from helpgen.hours.support import parse_support

    assert parse_support(config()).feedback_endpoint is None
    with_endpoint = config() + "feedback: {endpoint: https://votes.acme.example/help}\n"
    assert parse_support(with_endpoint).feedback_endpoint == "https://votes.acme.example/help"
    message = error_of(config() + "feedback:\n  endpoint: http://votes.acme.example/\n")
    assert 'feedback.endpoint: "http://votes.acme.example/" is not an https:// URL' in message
    assert 'unknown key "feedback.endpiont"' in error_of(config() + "feedback: {endpiont: https://x.example/}\n")
