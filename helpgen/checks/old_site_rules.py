"""Links into the address the help center had before (`previous_site`, `site_url`): each is a link to this
site's page, by path or by Zendesk article id (content/old_site.py), and `--fix` writes it as one. An old
Zendesk article no article here has the `id:` of would break once the old domain points at helpgen."""
from __future__ import annotations

from typing import Iterator

from ..content.old_site import OldSite, zendesk_id
from ..errors import Problem
from .links import link_targets
from .rules import finding
from .source import SourceFile


def zendesk_ids(sources: dict[str, SourceFile]) -> dict[str, str]:
    """Zendesk article id -> the src of the one article that keeps it in `id:`."""
    seen: dict[str, list[str]] = {}
    for src, source in sources.items():
        number = zendesk_id(source.article) if source.article else ""
        if number:
            seen.setdefault(number, []).append(src)
    return {number: srcs[0] for number, srcs in seen.items() if len(srcs) == 1}


def old_locales(sources: list[SourceFile], old: OldSite) -> set[str]:
    """The Zendesk locales the writers' links into the old address use (`en-us`), and none (`/hc/articles/1`)."""
    found = {""}
    for source in sources:
        for _, text in source.prose_lines():
            if "/hc/" in text:
                found |= {link.zendesk[0] for _, target in link_targets(text)
                          if (link := old.link(target)) is not None and link.zendesk}
    return found


def check_old_links(sources: list[SourceFile], old: OldSite, by_id: dict[str, str]) -> Iterator[Problem]:
    for source in sources:
        for number, text in source.prose_lines():
            if "://" not in text:
                continue
            for col, target in link_targets(text):
                link = old.link(target)
                if link is None or link.zendesk is None or link.zendesk[1] in by_id:
                    continue
                yield finding("broken-link", source.at(number, col),
                              f"article {link.zendesk[1]} of the old help center is no article here: the link breaks "
                              "once its address points at this site",
                              f"give the article that replaced it `id: {link.zendesk[1]}`, or link to that article's "
                              ".md file", group="a link to an old article no article here has the id of")
