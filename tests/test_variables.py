"""{{ support.… }} variables: known names only, code untouched, config text escaped."""
from __future__ import annotations

import datetime as dt

import pytest

from helpgen.errors import HelpgenError
from helpgen.hours.support import parse_support
from helpgen.content.variables import find_variables, substitute, support_variables

from .conftest import SUPPORT_YML

TODAY = dt.date(2026, 11, 22)


@pytest.fixture
def variables():
    return support_variables(parse_support(SUPPORT_YML), TODAY)


def test_channel_values_are_substituted(variables):
    text = "Email {{ support.channels.email.address }} for a reply within {{support.channels.email.response}}."
    assert substitute(text, variables, "a.md") == "Email support@acme.example for a reply within 1 business day."


def test_links_and_hours_table(variables):
    assert variables["support.channels.email.link"] == "[support@acme.example](mailto:support@acme.example)"
    assert variables["support.channels.chat.link"] == "[Live chat](https://acme.example/chat)"
    table = variables["support.hours_table"]
    assert "| Monday–Friday | 09:00–17:00 |" in table and "| Sunday | closed |" in table
    assert variables["support.channels.chat.availability"] == "Monday–Friday 09:00–17:00; Saturday 10:00–14:00"
    assert variables["support.next_holiday"] == "Christmas Eve, 24 December 2026: closed"


def test_past_holidays_are_not_next(variables):
    later = support_variables(parse_support(SUPPORT_YML), dt.date(2027, 1, 1))
    assert later["support.next_holiday"] == "no holidays planned"


def test_fenced_code_and_code_spans_are_untouched(variables):
    text = ("Use `{{ support.organization }}` in articles.\n"
            "```yaml\n{{ support.nope }}\n```\n"
            "~~~~\n{{ support.nope }}\n```\nstill code {{ support.nope }}\n~~~~\n"
            "Done: {{ support.organization }}")
    result = substitute(text, variables, "a.md")
    assert result.splitlines()[0] == "Use `{{ support.organization }}` in articles."
    assert result.count("{{ support.nope }}") == 3
    assert result.endswith("Done: Acme Outfitters")


def test_unknown_variable_is_an_error_at_file_line_col_with_did_you_mean(variables):
    with pytest.raises(HelpgenError) as caught:
        substitute("line one\nWrite to {{ support.channels.emial.address }}", variables, "content/a.md", first_line=5)
    assert str(caught.value.problems[0]) == (
        'content/a.md:6:10: unknown variable "support.channels.emial.address" — did you mean '
        '"support.channels.email.address"? (to show braces literally, put them in `backticks`)')


def test_every_unknown_variable_is_reported(variables):
    with pytest.raises(HelpgenError) as caught:
        substitute("{{ support.a }}\n{{ support.b }}", variables, "a.md")
    assert [p.location.line for p in caught.value.problems] == [1, 2]


def test_config_text_is_escaped_for_html():
    hostile = SUPPORT_YML.replace("organization: Acme Outfitters", 'organization: "<script>alert(1)</script> & Co"')
    values = support_variables(parse_support(hostile), TODAY)
    assert values["support.organization"] == "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"


def test_find_variables_skips_code():
    found = find_variables("a {{ support.x }}\n```\n{{ support.y }}\n```\n`{{ support.z }}` {{ support.w }}")
    assert found == [(0, 3, "support.x"), (4, 19, "support.w")]


def test_plain_double_braces_in_prose_that_are_not_names_stay(variables):
    assert substitute("Set {{ 1 + 2 }} aside", variables, "a.md") == "Set {{ 1 + 2 }} aside"
