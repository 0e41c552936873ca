"""The architecture the folders promise: the engine never imports MkDocs or Material, only the adapter does.

Read from the source with `ast`, so an import inside a function or behind a condition counts too.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "helpgen"
ADAPTER = PACKAGE / "mkdocs"
SITE_ENGINE = ("mkdocs", "material")
MAX_TOP_LEVEL_MODULES = 8
MAX_MODULE_LINES = 400
THEME_SCRIPTS = PACKAGE.parent / "themes" / "helpcenter" / "assets" / "javascripts"
# The browser's hours engine, a file per module of helpgen/hours/ it mirrors (helpgen-hours.js gathers them).
HOURS_MIRRORS = {"helpgen-schedule.js": ("schedule.py",), "helpgen-notice-effects.js": ("notice_effects.py", "instants.py"),
                 "helpgen-promises.js": ("promises.py",), "helpgen-hours-today.js": ("notices.py",)}


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def _theme_scripts() -> list[Path]:
    """The browser scripts the theme ships, in sub-folders too (a site's joined search worker is written at
    build time, not kept here)."""
    return sorted(THEME_SCRIPTS.rglob("*.js"))


def _imported_roots(path: Path) -> set[str]:
    """Top-level package names a module imports; relative imports name helpgen's own modules."""
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def _relative_targets(path: Path) -> set[Path]:
    """The helpgen folders a module's relative imports reach into."""
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = path.parent
            for _ in range(node.level - 1):
                base = base.parent
            targets.add(base.joinpath(*(node.module or "").split(".")) if node.module else base)
    return targets


def test_only_the_adapter_imports_mkdocs_or_material():
    offenders = [f"{path.relative_to(PACKAGE.parent)} imports {sorted(_imported_roots(path) & set(SITE_ENGINE))}"
                 for path in _modules()
                 if ADAPTER not in path.parents and _imported_roots(path) & set(SITE_ENGINE)]
    assert offenders == []


def test_the_adapter_does_import_mkdocs_so_the_check_above_reads_real_imports():
    assert "mkdocs" in _imported_roots(ADAPTER / "plugin.py")
    assert "material" in _imported_roots(ADAPTER / "templates.py")


def test_no_engine_module_imports_the_adapter():
    offenders = [str(path.relative_to(PACKAGE.parent)) for path in _modules()
                 if ADAPTER not in path.parents and path.name != "cli.py"
                 and any(t == ADAPTER or ADAPTER in t.parents for t in _relative_targets(path))]
    assert offenders == []


def test_the_package_top_holds_at_most_eight_modules():
    top = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(top) <= MAX_TOP_LEVEL_MODULES, top


def test_no_module_is_over_400_lines():
    long = {str(p.relative_to(PACKAGE.parent)): n for p in _modules()
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_every_module_says_what_it_is_for():
    missing = [str(p.relative_to(PACKAGE.parent)) for p in _modules()
               if p.stat().st_size and not ast.get_docstring(ast.parse(p.read_text(encoding="utf-8")))]
    assert missing == []


def test_no_theme_script_is_over_400_lines():
    """The browser's code is held to the Python rule: split by responsibility when a file grows."""
    scripts = _theme_scripts()
    assert {"helpgen-hours.js", "helpgen-schedule.js", "helpgen-status.js", "worker.js"} <= {p.name for p in scripts}
    long = {str(p.relative_to(THEME_SCRIPTS)): n for p in scripts
            if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES}
    assert long == {}


def test_every_theme_script_says_what_it_is_for():
    missing = [str(p.relative_to(THEME_SCRIPTS)) for p in _theme_scripts()
               if not p.read_text(encoding="utf-8").startswith(("/*", "//"))]
    assert missing == []


@pytest.mark.parametrize("script, modules", sorted(HOURS_MIRRORS.items()))
def test_each_part_of_the_hours_engine_names_the_python_module_it_mirrors(script, modules):
    header = (THEME_SCRIPTS / script).read_text(encoding="utf-8").split("*/")[0]
    for module in modules:
        assert (PACKAGE / "hours" / module).is_file() and module in header


# The engine's layers, bottom up: content (articles, redirects, languages) <- checks <- migrate (`--fix`, imports).
LAYERS = ("content", "checks", "migrate")


@pytest.mark.parametrize("lower, upper", [(low, up) for i, low in enumerate(LAYERS) for up in LAYERS[i + 1:]])
def test_no_layer_imports_one_above_it(lower, upper):
    offenders = [str(path.relative_to(PACKAGE.parent)) for path in sorted((PACKAGE / lower).rglob("*.py"))
                 if any(t == PACKAGE / upper or (PACKAGE / upper) in t.parents for t in _relative_targets(path))]
    assert offenders == []
