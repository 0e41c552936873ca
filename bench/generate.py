"""Deterministic synthetic help centers for benchmarks.

    python bench/generate.py DEST --articles N [--seed S] [--plain PLAIN_DEST] [--hugo HUGO_DEST]
    python bench/generate.py DEST --articles N --languages en,da,zh   (N articles in each language)

`generate()` writes a helpgen project (mkdocs.yml, support.yml, content/); the same seed always gives
byte-identical files. `write_plain_variant()` turns such a project into a plain MkDocs + Material site
with the same Markdown, for comparison.
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import vocabulary as vocab  # noqa: E402

CHINESE_SHARE = 0.10
VARIABLES_SHARE = 0.25
# "bench": the help-center word lists of vocabulary.py (a few thousand distinct words).
# "wide": the same plus a long tail of rare words in every sentence (about 40,000 distinct Latin words
# and as many Chinese ones over 10,000 articles) and a quarter of the articles in Chinese, three times
# as long: the search index and the checks then work on a vocabulary like a large real help center's.
CORPORA = {
    "bench": {"chinese_share": CHINESE_SHARE, "chinese_length": 1, "rare_words": 0},
    "wide": {"chinese_share": 0.25, "chinese_length": 3, "rare_words": 3},
}
_SYLLABLES = ("ba be bi bo bu da de di do du fa fe fi fo ga ge gi go ka ke ki ko ku la le li lo lu ma me "
              "mi mo mu na ne ni no nu pa pe pi po ra re ri ro ru sa se si so ta te ti to tu va ve vi "
              "vo za ze zi zo").split()
_HAN_POOL = ("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能"
             "下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量"
             "都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重"
             "新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已")


def _rare_rank(rng: random.Random) -> int:
    """Log-uniform over 1..60,000: a word's frequency falls with its rank, as Zipf's law says."""
    return int(60_000 ** rng.random())


def rare_latin_word(rng: random.Random) -> str:
    """A made-up word from a long tail: a few are common, most appear once or twice."""
    rank = _rare_rank(rng)
    local = random.Random(rank)
    return "".join(local.choice(_SYLLABLES) for _ in range(2 + rank % 3))


def rare_han_word(rng: random.Random) -> str:
    rank = _rare_rank(rng)
    local = random.Random(rank)
    return "".join(local.choice(_HAN_POOL) for _ in range(2 + rank % 2))
TYPE_WEIGHTS = {"faq": 5, "guide": 3, "policy": 2}

HELPGEN_MKDOCS_YML = """\
site_name: Bench Help Center
docs_dir: content
theme: {name: material}
plugins: [search, helpgen]
"""

PLAIN_MKDOCS_YML = """\
site_name: Bench Help Center
docs_dir: content
theme: material
plugins: [search]
"""

SUPPORT_YML = """\
organization: Bench Outfitters
timezone: Europe/Copenhagen
hours:
  monday-friday: "09:00-17:00"
channels:
  - id: email
    name: Email
    address: support@bench.example
    availability: always
    response: 1 business day
"""

# What the plain variant prints instead of each helpgen variable (the values of SUPPORT_YML).
VARIABLE_VALUES = {
    "support.channels.email.address": "support@bench.example",
    "support.channels.email.response": "1 business day",
}
_VARIABLE = re.compile(r"\{\{\s*([\w.]+)\s*\}\}")
_SLOT = re.compile(r"\{(\w+)\}")
_CJK = re.compile(r"[\u4e00-\u9fff]")


@dataclass
class ArticlePlan:
    category: vocab.Category
    slug: str
    title: str
    description: str
    type: str
    tags: list[str]
    updated: str
    chinese: bool
    noun: str  # the topic, reused when writing the body
    verb: str
    language: str = ""  # "da": a Danish translation (bench/translations.py); "" English or Chinese by `chinese`
    topic: dict[str, str] = field(default_factory=dict)  # more slots of the topic (Danish forms)

    @property
    def path(self) -> str:
        """Path below content/, with forward slashes."""
        return f"{self.category.slug}/{self.slug}.md"


def fill_slots(template: str, rng: random.Random, topic: dict[str, str],
               slots: dict[str, tuple[str, ...]] | None = None) -> str:
    """Replace each {slot}: topic words first (noun, verb...), otherwise a random shared value (from
    `slots`, default the English ones)."""
    def pick(match: re.Match) -> str:
        name = match.group(1)
        if name in topic:
            return topic[name]
        return rng.choice((slots or vocab.SLOT_VALUES)[name])
    return _SLOT.sub(pick, template)


def slugify(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def unique_slug(slug: str, taken: set[str]) -> str:
    candidate, counter = slug, 2
    while candidate in taken:
        candidate = f"{slug}-{counter}"
        counter += 1
    taken.add(candidate)
    return candidate


def plan_english_article(rng: random.Random, category: vocab.Category, titles_taken: set[str]) -> dict:
    article_type = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
    for _attempt in range(50):  # titles repeat rarely; after 50 draws we accept a repeat
        noun, tag = rng.choice(category.nouns)
        verb = rng.choice(category.verbs)
        topic = {"noun": noun, "Noun": noun[0].upper() + noun[1:], "verb": verb,
                 "qualifier": fill_slots(rng.choice(vocab.QUALIFIERS), rng, {})}
        title = fill_slots(rng.choice(vocab.TITLES[article_type]), rng, topic)
        if title not in titles_taken:
            break
    titles_taken.add(title)
    description = fill_slots(rng.choice(vocab.DESCRIPTIONS[article_type]), rng, topic)
    return dict(title=title, slug=slugify(title), description=description, type=article_type,
                tags=sorted({category.slug, tag}), noun=noun, verb=verb)


def plan_chinese_article(rng: random.Random, category: vocab.Category, titles_taken: set[str]) -> dict:
    for _attempt in range(50):
        noun, noun_key = rng.choice(vocab.ZH_NOUNS)
        verb, verb_key = rng.choice(vocab.ZH_VERBS)
        qualifier, qualifier_key = rng.choice(vocab.ZH_QUALIFIERS)
        title_template, slug_template = rng.choice(vocab.ZH_TITLES)
        title = fill_slots(title_template, rng, {"noun": noun, "verb": verb, "qualifier": qualifier})
        if title not in titles_taken:
            break
    titles_taken.add(title)
    slug = "zh-" + fill_slots(slug_template, rng, {"noun": noun_key, "verb": verb_key})
    slug += f"-{qualifier_key}" if qualifier_key else ""
    article_type = "policy" if "policy" in slug_template else "guide" if "guide" in slug_template else "faq"
    description = fill_slots(vocab.ZH_DESCRIPTION, rng, {"noun": noun, "verb": verb})
    return dict(title=title, slug=slug, description=description, type=article_type,
                tags=sorted({category.slug, noun_key}), noun=noun, verb=verb)


def plan_articles(rng: random.Random, n_articles: int, chinese_share: float = CHINESE_SHARE) -> list[ArticlePlan]:
    """Decide every article's metadata first, so bodies can link to articles written later."""
    titles_taken: set[str] = set()
    slugs_taken: dict[str, set[str]] = {c.slug: set() for c in vocab.CATEGORIES}
    plans = []
    for index in range(n_articles):
        category = vocab.CATEGORIES[index % len(vocab.CATEGORIES)]
        chinese = rng.random() < chinese_share
        planner = plan_chinese_article if chinese else plan_english_article
        fields = planner(rng, category, titles_taken)
        fields["slug"] = unique_slug(fields["slug"], slugs_taken[category.slug])
        updated = f"2026-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        plans.append(ArticlePlan(category=category, updated=updated, chinese=chinese, **fields))
    return plans


def count_words(text: str) -> int:
    """English words by whitespace; Chinese as about two characters per word."""
    cjk = len(_CJK.findall(text))
    return len(_CJK.sub(" ", text).split()) + cjk // 2


def write_section_text(rng: random.Random, sentences: tuple[str, ...], topic: dict[str, str],
                       words_wanted: int, chinese: bool, rare_words: int = 0,
                       slots: dict[str, tuple[str, ...]] | None = None) -> list[str]:
    """Paragraphs of 2-5 sentences, stopping at the sentence that reaches `words_wanted` words."""
    paragraphs, words = [], 0
    joiner = "" if chinese else " "
    while words < words_wanted:
        paragraph = []
        for _ in range(rng.randint(2, 5)):
            sentence = fill_slots(rng.choice(sentences), rng, topic, slots)
            if rare_words:
                tail = [rare_han_word(rng) if chinese else rare_latin_word(rng) for _ in range(rare_words)]
                sentence += ("（" + "、".join(tail) + "）") if chinese else " (" + ", ".join(tail) + ")"
            paragraph.append(sentence)
            words += count_words(sentence)
            if words >= words_wanted:
                break
        paragraphs.append(joiner.join(paragraph))
    return paragraphs


def write_steps(rng: random.Random, steps: tuple[str, ...], topic: dict[str, str],
                slots: dict[str, tuple[str, ...]] | None = None) -> str:
    chosen = rng.sample(steps, rng.randint(3, min(6, len(steps))))
    return "\n".join(f"{number}. {fill_slots(step, rng, topic, slots)}" for number, step in enumerate(chosen, 1))


def relative_link(source: ArticlePlan, target: ArticlePlan) -> str:
    return f"../{target.path}"


def write_body(rng: random.Random, plan: ArticlePlan, link_targets: list[ArticlePlan],
               with_variables: bool, corpus: dict = CORPORA["bench"]) -> str:
    category = plan.category
    slots = link_templates = contact = None
    if plan.language == "da":
        import vocabulary_da as da
        other_noun = rng.choice(da.NOUNS)[2]
        sentences, steps, heading_pool, slots = da.SENTENCES, da.STEPS, da.HEADINGS, da.SLOT_VALUES
        link_templates, contact = (da.LINK_SENTENCE,), da.CONTACT_SENTENCE
    elif plan.chinese:
        other_noun = rng.choice(vocab.ZH_NOUNS)[0]
        sentences, steps, heading_pool = vocab.ZH_SENTENCES, vocab.ZH_STEPS, vocab.ZH_HEADINGS
    else:
        other_noun = rng.choice(category.nouns)[0]
        sentences, steps, heading_pool = vocab.SENTENCES, vocab.STEPS, vocab.HEADINGS[plan.type]
    topic = {"noun": plan.noun, "noun2": other_noun, "verb": plan.verb, **plan.topic}
    if plan.language == "da":
        topic["yours2"] = other_noun
    # Headings, steps, links and the contact sentence add up to ~100 words on top of the paragraphs.
    words_wanted = rng.randint(270, 760) * (corpus["chinese_length"] if plan.chinese else 1)
    rare = corpus["rare_words"]
    headings = rng.sample(heading_pool, rng.randint(2, 5))
    words_per_part = words_wanted // (len(headings) + 1)

    blocks = write_section_text(rng, sentences, topic, words_per_part, plan.chinese, rare, slots)
    steps_at = rng.randrange(len(headings)) if plan.type == "guide" else -1
    for position, heading in enumerate(headings):
        blocks.append("## " + fill_slots(heading, rng, topic, slots))
        if position == steps_at:
            blocks.append(write_steps(rng, steps, topic, slots))
        blocks.extend(write_section_text(rng, sentences, topic, words_per_part, plan.chinese, rare, slots))

    for target in link_targets:  # links go into random paragraphs, never into headings or lists
        template = vocab.ZH_LINK_SENTENCE if plan.chinese else rng.choice(link_templates or vocab.LINK_SENTENCES)
        sentence = template.replace("{title}", target.title).replace("{href}", relative_link(plan, target))
        paragraph_indexes = [i for i, block in enumerate(blocks) if not block.startswith(("## ", "1. "))]
        i = rng.choice(paragraph_indexes)
        blocks[i] += ("" if plan.chinese else " ") + sentence
    if with_variables:
        blocks.append(vocab.ZH_CONTACT_SENTENCE if plan.chinese else contact or vocab.CONTACT_SENTENCE)
    return "\n\n".join(blocks) + "\n"


def front_matter(fields: dict[str, object]) -> str:
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            value = "[" + ", ".join(value) + "]"
        text = str(value)
        # Values are built from our own word lists; make sure none needs YAML quoting.
        assert ": " not in text and " #" not in text and not text.startswith(("'", '"', "{", "*", "&")), text
        lines.append(f"{key}: {text}")
    return "\n".join(lines + ["---", ""]) + "\n"


def pick_link_targets(rng: random.Random, index: int, plans: list[ArticlePlan]) -> list[ArticlePlan]:
    """1-3 other articles, chosen by index so that this stays linear in the number of articles."""
    count = min(len(plans) - 1, rng.randint(1, 3))
    picked = rng.sample(range(len(plans) - 1), count)
    return [plans[i + 1 if i >= index else i] for i in picked]


def article_markdown(rng: random.Random, index: int, plans: list[ArticlePlan],
                     corpus: dict = CORPORA["bench"]) -> str:
    plan = plans[index]
    link_targets = pick_link_targets(rng, index, plans)
    with_variables = rng.random() < VARIABLES_SHARE
    header = front_matter({"title": plan.title, "description": plan.description, "type": plan.type,
                           "tags": plan.tags, "updated": plan.updated})
    return header + write_body(rng, plan, link_targets, with_variables, corpus)


def category_markdown(category: vocab.Category, order: int) -> str:
    header = front_matter({"title": category.title, "description": category.description, "order": order})
    return header + f"{category.description} Browse the articles below or use the search.\n"


def home_markdown() -> str:
    header = front_matter({"title": "Bench Help Center", "template": "helpgen/home.html"})
    return header + "How can we help? Search the help center or browse a category.\n"


def write_text(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def ensure_empty_destination(dest: Path) -> None:
    if dest.exists() and any(dest.iterdir()):
        raise SystemExit(f"error: {dest} is not empty; pick a new folder (nothing was written)")


def generate(dest: Path, n_articles: int, seed: int = 1, corpus: str = "bench") -> None:
    """Write a helpgen project with `n_articles` articles into the empty (or new) folder `dest`;
    `corpus` is a kind from CORPORA."""
    dest = Path(dest)
    ensure_empty_destination(dest)
    rng = random.Random(seed)
    kind = CORPORA[corpus]
    plans = plan_articles(rng, n_articles, kind["chinese_share"])
    write_text(dest / "mkdocs.yml", HELPGEN_MKDOCS_YML)
    write_text(dest / "support.yml", SUPPORT_YML)
    content = dest / "content"
    write_text(content / "index.md", home_markdown())
    for order, category in enumerate(vocab.CATEGORIES, 1):
        write_text(content / category.slug / "index.md", category_markdown(category, order))
    for index, plan in enumerate(plans):
        write_text(content / plan.path, article_markdown(rng, index, plans, kind))


def article_paths(project: Path) -> list[str]:
    """Articles of a generated project (not home or category pages), as 'category/slug' strings."""
    content = Path(project) / "content"
    return sorted(p.relative_to(content).with_suffix("").as_posix()
                  for p in content.glob("*/*.md") if p.name != "index.md")


def replace_variables(markdown: str) -> str:
    """Print the support values literally, as a site without helpgen would have to."""
    return _VARIABLE.sub(lambda match: VARIABLE_VALUES[match.group(1)], markdown)


def write_plain_variant(project: Path, dest: Path, pruned_nav: bool = False) -> None:
    """Same Markdown as `project`, for plain MkDocs + Material: literal text instead of variables,
    no helpgen template on the home page, MkDocs' default navigation (every page in the sidebar), or
    with `pruned_nav` only the home and category pages in it, as helpgen's sidebar has."""
    project, dest = Path(project), Path(dest)
    ensure_empty_destination(dest)
    config = PLAIN_MKDOCS_YML
    if pruned_nav:
        categories = sorted(p.parent.name for p in (Path(project) / "content").glob("*/index.md"))
        config += "nav:\n  - index.md\n" + "".join(f"  - {c}/index.md\n" for c in categories)
        config += "validation:\n  nav:\n    omitted_files: ignore\n"
    write_text(dest / "mkdocs.yml", config)
    source_content = project / "content"
    for source in sorted(source_content.rglob("*.md")):
        markdown = replace_variables(source.read_text(encoding="utf-8"))
        markdown = markdown.replace("template: helpgen/home.html\n", "")
        write_text(dest / "content" / source.relative_to(source_content), markdown)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path, help="new or empty folder for the helpgen project")
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="bench",
                        help="bench: help-center word lists; wide: a large vocabulary and long Chinese articles")
    parser.add_argument("--plain", type=Path, help="also write the plain MkDocs + Material variant here")
    parser.add_argument("--hugo", type=Path, help="also write the Hugo variant here")
    parser.add_argument("--languages", help="a multi-language project, e.g. en,da,zh: the same N articles in "
                        "each (bench/translations.py); not with --corpus, --plain or --hugo")
    args = parser.parse_args(argv)
    if args.languages:
        if args.plain or args.hugo or args.corpus != "bench":
            parser.error("--languages makes a helpgen project only, from the bench corpus")
        from translations import generate_languages
        generate_languages(args.dest, args.articles, tuple(args.languages.split(",")), args.seed)
        return
    generate(args.dest, args.articles, args.seed, args.corpus)
    if args.plain:
        write_plain_variant(args.dest, args.plain)
    if args.hugo:
        from hugo_variant import write_hugo_variant
        write_hugo_variant(args.dest, args.hugo)


if __name__ == "__main__":
    main()
