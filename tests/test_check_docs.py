"""docs/checks.md documents every rule the checker declares, and `helpgen init` ships CI and pre-commit."""
from __future__ import annotations

import re

import pytest
import yaml

from helpgen.checks import RULES

from .conftest import REPO

DOC = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")


def sections() -> dict[str, str]:
    parts = re.split(r"^### `([a-z-]+)`\n", DOC, flags=re.MULTILINE)
    return {rule_id: body.strip().split("\n## ")[0] for rule_id, body in zip(parts[1::2], parts[2::2])}


def test_every_rule_id_is_documented_and_nothing_else():
    assert set(sections()) == {rule.id for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_each_rule_says_what_why_how_to_fix_and_how_to_silence(rule):
    text = sections()[rule.id]
    assert text.startswith(f"Severity: {rule.severity}."), rule.id
    for part in ("**Catches:**", "**Why:**", "**Fix:**", "**Silence:**"):
        assert part in text, (rule.id, part)
    assert ("Cannot be silenced" in text.split("\n")[0]) is not rule.silenceable, rule.id
    if rule.silenceable:
        assert f"helpgen: ignore {rule.id}" in text, rule.id


def test_the_project_template_ships_a_workflow_and_a_pre_commit_hook():
    template = REPO / "helpgen" / "project_template"
    workflow = yaml.safe_load((template / ".github/workflows/helpgen.yml").read_text(encoding="utf-8"))
    steps = workflow["jobs"]["check-and-build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    build = "helpgen build --cache-dir ~/.cache/helpgen/build"
    assert "helpgen check --format github" in runs and build in runs
    [cache] = [step for step in steps if step.get("uses", "").startswith("actions/cache@")]
    # The folder the build keeps its work in, with the key that signs it (cache_key.py): outside the checkout.
    assert cache["with"]["path"] == "~/.cache/helpgen"
    assert runs.index(build) > steps.index(cache)
    hooks = yaml.safe_load((template / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    [hook] = hooks["repos"][0]["hooks"]
    assert hook["entry"] == "helpgen check" and hook["pass_filenames"] is False
    assert re.search(hook["files"], "content/returns/how-do-i-return-an-item.md")
    assert re.search(hook["files"], "support.yml")
    assert "helpgen check --format github" in DOC and "entry: helpgen check" in DOC
