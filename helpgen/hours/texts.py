"""support.yml text for people: one string for every language, or one per language.

    name: Email                                  # every language
    name: {en: Email, da: E-mail, zh: 电子邮件}    # per language; a language left out gets the first

A `LocalText` is the first (default) text as a plain `str`, so everything that reads support.yml as one
language keeps working unchanged; `.get(code)` gives a language's own text. Whether every site language
is present is for `helpgen check` to say (rule support-text-untranslated), since support.yml does not
know the site's languages.
"""
from __future__ import annotations

import re

from ..errors import Location, Problem
from ..yamlsource import Node, expect_text

_CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


class LocalText(str):
    """A text with its translations: the str value is the default (the mapping's first entry)."""

    translations: tuple[tuple[str, str], ...]
    location: Location | None

    def __new__(cls, default: str, translations: tuple[tuple[str, str], ...] = (),
                location: Location | None = None) -> "LocalText":
        text = super().__new__(cls, default)
        text.translations = translations
        text.location = location
        return text

    def get(self, code: str) -> str:
        """The text in language `code`: its own, else its base language's ("zh-TW" -> "zh" only when no
        "zh-TW" is given), else the default."""
        own = dict(self.translations)
        for candidate in (code, code.split("-")[0]):
            if candidate in own:
                return own[candidate]
        return str(self)

    def has(self, code: str) -> bool:
        """Whether the writer gave this very language (a "zh-TW" page falling back to "zh" text does not count)."""
        return not self.translations or any(c == code for c, _ in self.translations)

    # Equal to its default text, as a str; two LocalTexts only with the same translations too (caches
    # compare support.yml's values: a changed Danish name must count as a change).
    def __eq__(self, other: object) -> bool:
        if isinstance(other, LocalText):
            return str.__eq__(self, other) and self.translations == other.translations
        return str.__eq__(self, other)

    def __ne__(self, other: object) -> bool:
        return not self.__eq__(other)

    __hash__ = str.__hash__

    def __repr__(self) -> str:
        return f"LocalText({str(self)!r}, {self.translations!r})" if self.translations else str.__repr__(self)

    def __reduce__(self):
        return (LocalText, (str(self), self.translations, self.location))


def text_in(value: str | None, code: str) -> str:
    """Any support.yml text in a language (plain strings are the same in every language)."""
    if value is None:
        return ""
    return value.get(code) if isinstance(value, LocalText) and code else str(value)


def read_local_text(node: Node | None, name: str, problems: list[Problem]) -> str | None:
    """A text, or a mapping of language codes to texts (returned as a LocalText)."""
    if node is None or node.value is None:
        return None
    if not node.is_mapping:
        return expect_text(node, name, problems)
    pairs = []
    for code, value in node.value.items():
        if not isinstance(code, str) or not _CODE.fullmatch(code):
            problems.append(Problem(value.key_loc or value.loc, f'{name}: "{code}" is not a language code',
                                    "write one text, or one per language: {en: Email, da: E-mail}"))
            continue
        text = expect_text(value, f"{name}.{code}", problems)
        if text is not None:
            pairs.append((code, text))
    if not pairs:
        if not node.value:
            problems.append(Problem(node.loc, f"{name} is empty", "write e.g. {en: Email, da: E-mail}"))
        return None
    return LocalText(pairs[0][1], tuple(pairs), node.loc)
