"""Typing into Material's search box as a visitor does, for the browser tests."""
from __future__ import annotations


def search_for(page, query: str) -> None:
    box = page.locator("input.md-search__input")
    if not box.is_visible():
        page.locator("label.md-search__icon").first.click()
    box.click()
    box.fill("")
    page.keyboard.type(query)
    page.keyboard.press("End")  # a key event: typed CJK text arrives without one
