"""One declared list feeds validation and docs: every key, variable and command is documented."""
from __future__ import annotations

from helpgen.content.articles import FRONT_MATTER_KEYS
from helpgen.cli import main
from helpgen.hours.support import CHANNEL_KEYS, HOLIDAY_KEYS, TOP_LEVEL_KEYS
from helpgen.content.variables import CHANNEL_FIELDS

from .conftest import REPO


def doc(name: str) -> str:
    return (REPO / "docs" / name).read_text(encoding="utf-8")


def test_every_support_yml_key_is_documented():
    text = doc("support-yml.md")
    for key in [*TOP_LEVEL_KEYS, *HOLIDAY_KEYS, *CHANNEL_KEYS]:
        assert f"| `{key}` |" in text, key


def test_every_front_matter_key_is_documented():
    text = doc("front-matter.md")
    for key in FRONT_MATTER_KEYS:
        assert f"| `{key}` |" in text, key


def test_every_variable_is_documented():
    text = doc("variables.md")
    for field in CHANNEL_FIELDS:
        assert f"`support.channels.ID.{field}`" in text, field
    for name in ("organization", "timezone", "hours_table", "holidays_table", "next_holiday", "hours.monday"):
        assert f"`support.{name}`" in text, name


def test_every_cli_command_is_in_the_readme():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"helpgen {name}" in readme, name
