"""Translation tables: every word helpgen shows a visitor, per language, looked up by key.

Templates call `t(key, **params)`; the browser gets the keys it needs as JSON (`browser_strings`).
Tables live in messages/<lang>.yml; tests/test_i18n.py fails when a shipped language lacks a key.
"""
from .messages import (BROWSER_SECTIONS, SHIPPED_LANGUAGES, Messages, browser_strings, language_of, messages,
                       table)

__all__ = ["BROWSER_SECTIONS", "SHIPPED_LANGUAGES", "Messages", "browser_strings", "language_of", "messages",
           "table"]
