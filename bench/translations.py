"""The synthetic help center in several languages, for the per-language benchmarks.

    python bench/generate.py DEST --articles N --languages en,da,zh [--seed S]

A multi-language helpgen project (`plugins: - helpgen: {languages: [en, da, zh]}`): the same N articles
in every language, at the same paths (`content/en/orders/x.md`, `content/da/orders/x.md`, …), so every
article has its translations and each language's search index holds N articles. English is the bench
corpus without its Chinese share; Danish is written from vocabulary_da.py (Danish support prose, so the
Danish index is stemmed on real inflections); Chinese from vocabulary.py's Chinese lists. Titles and text
are drawn per language: a translation covers its original's category and type, not its very words.
The same seed gives byte-identical files.
"""
from __future__ import annotations

import random
from pathlib import Path

import vocabulary as vocab
import vocabulary_da as da
from generate import (CORPORA, SUPPORT_YML, ArticlePlan, article_markdown, ensure_empty_destination, fill_slots,
                      front_matter, plan_articles, write_text)

LANGUAGES = ("en", "da", "zh")
# Words each language's articles use often (titles and bodies): the search benchmark's queries.
QUERIES = {"en": ("refund", "password", "warranty"), "da": ("refusion", "adgangskode", "garanti"),
           "zh": ("退款", "密码", "保修")}
HOME = {"en": ("Bench Help Center", "How can we help? Search the help center or browse a category."),
        "da": (da.HOME_TITLE, da.HOME_TEXT), "zh": ("帮助中心", "有什么可以帮您？搜索帮助中心，或选择一个类别。")}
CATEGORY_TEXT = {"en": "Browse the articles below or use the search.", "da": da.CATEGORY_TEXT,
                 "zh": "浏览下面的文章，或使用搜索。"}
ZH_CATEGORY_TITLES = {
    "orders": "订单", "shipping": "配送", "returns": "退货与换货", "refunds": "退款", "payments": "支付",
    "billing": "发票与账单", "account": "您的账户", "security": "安全与防诈骗", "products": "商品与尺码",
    "warranty": "保修与维修", "gift-cards": "礼品卡与优惠码", "subscriptions": "订阅", "loyalty": "会员计划",
    "stores": "门店与自提", "delivery-problems": "配送问题", "international": "国际订单", "business": "企业客户",
    "privacy": "隐私与数据", "app": "手机应用与网站", "contacting-support": "联系客服",
}
# ZH_TITLES of vocabulary.py by the article type each suits.
_ZH_TITLES_BY_TYPE = {"faq": (0, 1, 4), "policy": (2,), "guide": (3,)}


def mkdocs_yml(languages: tuple[str, ...]) -> str:
    return ("site_name: Bench Help Center\ndocs_dir: content\ntheme: {name: material}\nplugins:\n  - search\n"
            f"  - helpgen:\n      languages: [{', '.join(languages)}]\n")


def danish_plan(rng: random.Random, plan: ArticlePlan) -> ArticlePlan:
    """The Danish version of an article: its path, category, type, tags and date; Danish words."""
    bare, mine, yours, tag = rng.choice(da.NOUNS)
    verb, present = rng.choice(da.VERBS)
    topic = {"bare": bare, "mine": mine, "yours": yours, "Yours": yours[0].upper() + yours[1:], "verb": verb,
             "present": present, "Verb": verb[0].upper() + verb[1:],
             "qualifier": fill_slots(rng.choice(da.QUALIFIERS), rng, {}, da.SLOT_VALUES)}
    title = fill_slots(rng.choice(da.TITLES[plan.type]), rng, topic, da.SLOT_VALUES)
    description = fill_slots(rng.choice(da.DESCRIPTIONS[plan.type]), rng, topic, da.SLOT_VALUES)
    return ArticlePlan(plan.category, plan.slug, title, description, plan.type, sorted({plan.category.slug, tag}),
                       plan.updated, False, yours, verb, language="da", topic=topic)


def chinese_plan(rng: random.Random, plan: ArticlePlan) -> ArticlePlan:
    """The Chinese version of an article, at its original's path."""
    noun, noun_key = rng.choice(vocab.ZH_NOUNS)
    verb, _ = rng.choice(vocab.ZH_VERBS)
    qualifier, _ = rng.choice(vocab.ZH_QUALIFIERS)
    template, _ = vocab.ZH_TITLES[rng.choice(_ZH_TITLES_BY_TYPE[plan.type])]
    title = fill_slots(template, rng, {"noun": noun, "verb": verb, "qualifier": qualifier})
    description = fill_slots(vocab.ZH_DESCRIPTION, rng, {"noun": noun, "verb": verb})
    return ArticlePlan(plan.category, plan.slug, title, description, plan.type, sorted({plan.category.slug, noun_key}),
                       plan.updated, True, noun, verb)


TRANSLATORS = {"da": danish_plan, "zh": chinese_plan}


def category_page(code: str, category: vocab.Category, order: int) -> str:
    if code == "da":
        title, description = da.CATEGORIES[category.slug]
    elif code == "zh":
        title, description = ZH_CATEGORY_TITLES[category.slug], f"关于{ZH_CATEGORY_TITLES[category.slug]}的常见问题和指南。"
    else:
        title, description = category.title, category.description
    return front_matter({"title": title, "description": description, "order": order}) + \
        f"{description} {CATEGORY_TEXT[code]}\n"


def generate_languages(dest: Path, n_articles: int, languages: tuple[str, ...] = LANGUAGES, seed: int = 1) -> None:
    """Write the project into the empty (or new) folder `dest`; `languages` from LANGUAGES, the first the
    default (served at the site root)."""
    unknown = [code for code in languages if code not in LANGUAGES]
    if unknown or not languages:
        raise SystemExit(f"error: languages must be some of {', '.join(LANGUAGES)} (got {', '.join(languages)})")
    dest = Path(dest)
    ensure_empty_destination(dest)
    plans = plan_articles(random.Random(seed), n_articles, chinese_share=0.0)
    write_text(dest / "mkdocs.yml", mkdocs_yml(languages))
    write_text(dest / "support.yml", SUPPORT_YML)
    for code in languages:
        rng = random.Random(f"{seed}-{code}")  # str seeds are hashed with SHA-512: the same on every run
        translated = plans if code == "en" else [TRANSLATORS[code](rng, plan) for plan in plans]
        content = dest / "content" / code
        title, text = HOME[code]
        write_text(content / "index.md", front_matter({"title": title, "template": "helpgen/home.html"}) + text + "\n")
        for order, category in enumerate(vocab.CATEGORIES, 1):
            write_text(content / category.slug / "index.md", category_page(code, category, order))
        for index, plan in enumerate(translated):
            write_text(content / plan.path, article_markdown(rng, index, translated, CORPORA["bench"]))
