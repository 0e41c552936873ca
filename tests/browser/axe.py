"""axe-core in a real page: inject npm's axe-core (installed by `make test` into tests/node_modules) and
run it with the WCAG 2.2 A/AA rule tags. Shared by the accessibility test and tools that report on it."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

AXE_JS = Path(__file__).resolve().parents[1] / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

# Elements helpgen renders: everything inside an element of its own (class hg-*, data-hg-* markers).
OWN_ELEMENTS = "[class^='hg-'], [class*=' hg-'], [data-hg-contact], [data-hg-channel], [data-hg-search-fallback]"
RUN_JS = """async ([tags, own]) => {
  // Colours are judged as they end up: a fade still running (search results fade in) mixes them, and on
  // a busy machine axe can look in the middle of one.
  await Promise.all(document.getAnimations()
    .filter(a => a.effect && a.effect.getComputedTiming().endTime !== Infinity)  // a spinner never ends
    .map(a => a.finished.catch(() => null)));
  const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return result.violations.flatMap(v => v.nodes.map(node => {
    const el = node.target.length === 1 ? document.querySelector(node.target[0]) : null;
    return {rule: v.id, impact: node.impact || v.impact || 'minor', target: node.target.join(' '),
            html: node.html, summary: (node.failureSummary || '').replace(/\\n/g, ' '),
            own: !!(el && el.closest(own))};
  }));
}"""


@dataclass(frozen=True)
class Violation:
    rule: str
    impact: str  # minor | moderate | serious | critical
    target: str  # CSS selector axe gives for the node
    html: str
    summary: str
    in_helpgen: bool  # the node is, or is inside, an element helpgen renders

    def __str__(self) -> str:
        return f"[{self.impact}] {self.rule} at {self.target}: {self.summary} -- {self.html[:160]}"


def axe_available() -> bool:
    return AXE_JS.exists()


def run_axe(page) -> list[Violation]:
    """Every node that fails an axe rule on the page as it is now."""
    if not page.evaluate("typeof window.axe === 'object'"):
        page.add_script_tag(content=AXE_JS.read_text(encoding="utf-8"))
    found = page.evaluate(RUN_JS, [TAGS, OWN_ELEMENTS])
    return [Violation(v["rule"], v["impact"], v["target"], v["html"], v["summary"], v["own"]) for v in found]
