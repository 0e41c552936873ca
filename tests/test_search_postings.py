"""The postings a rebuild updates for the articles that changed are the postings a clean build makes:
the same index files, byte for byte, after every kind of edit; and an update declines when it can't be
exact (articles added or renamed, many changed, an average length moved)."""
from __future__ import annotations

import random
from dataclasses import replace

import pytest

from helpgen.search import postings
from helpgen.search.index import SearchDocument, Section, TermsCache, build_index

WORDS = ("return refund parcel order delivery invoice account password payment shipping courier label "
         "exchange voucher warranty repair battery charger subscription cancel kayak paddle").split()
HAN = ("退货", "退款", "包裹", "订单", "发票", "账户", "密码")


def article(rng: random.Random, number: int) -> SearchDocument:
    def text(n: int) -> str:
        return " ".join(rng.choice(WORDS) if rng.random() > 0.1 else rng.choice(HAN) for _ in range(n))
    sections = tuple(Section(text(3) if i else "", f"s{i}" if i else "", text(rng.randint(20, 60)))
                     for i in range(rng.randint(1, 4)))
    return SearchDocument(f"topic/article-{number:03}/", text(4).capitalize(), text(8), (rng.choice(WORDS),),
                          sections)


def warmed(seed: int, count: int) -> tuple[random.Random, list[SearchDocument], TermsCache]:
    """`count` articles, indexed once with a cache: the state a rebuild starts from."""
    rng = random.Random(seed)
    docs = [article(rng, n) for n in range(count)]
    cache = TermsCache()
    build_index(docs, cache)
    return rng, docs, cache


def same_index(incremental, clean) -> None:
    assert incremental.chunk_bytes == clean.chunk_bytes
    assert incremental.document_bytes == clean.document_bytes
    assert incremental.build == clean.build
    assert (incremental.postings, incremental.surfaces, incremental.words) == \
        (clean.postings, clean.surfaces, clean.words)


def edits(rng: random.Random, doc: SearchDocument, kind: str) -> SearchDocument:
    last = doc.sections[-1]
    if kind == "append":  # a few words, one of them new to the whole site
        return replace(doc, sections=doc.sections[:-1] + (Section(last.title, last.anchor, last.text + " zebra"),))
    if kind == "drop":  # the article's only words: stems and surface words it alone had leave the index
        return replace(doc, title="Kayak", description="", tags=(), sections=(Section("", "", "kayak"),))
    if kind == "title":  # a title scores 16 times the body: the stem's best articles change
        return replace(doc, title=f"{doc.title} {rng.choice(WORDS)} {rng.choice(WORDS)}")
    if kind == "han":
        return replace(doc, description=doc.description + " 新词汇")
    return doc


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_each_kind_of_edit_updates_to_what_a_clean_build_makes(seed, monkeypatch):
    rng, docs, cache = warmed(seed, 300)
    made_anew = []
    make = postings.make

    def counted(locations, data, keep_counts):
        if keep_counts:  # the cached build's, not the clean one's it is compared with
            made_anew.append(kind)
        return make(locations, data, keep_counts)
    monkeypatch.setattr(postings, "make", counted)
    for kind in ("append", "title", "han", "drop", "append", "same"):
        at = rng.randrange(len(docs))
        docs[at] = edits(rng, docs[at], kind)
        before = cache.postings
        kept = {stem: list(numbers) for stem, numbers in before.postings.items()}
        updated = build_index(docs, cache)
        assert before.postings == kept  # the previous build's postings are as they were
        same_index(updated, build_index(docs))
    # Only emptying a whole article may move an average (and so make the postings anew).
    assert set(made_anew) <= {"drop"}, made_anew


def test_a_stem_only_one_article_had_leaves_the_index_with_it():
    rng = random.Random(7)
    docs = [article(rng, n) for n in range(60)]
    docs[10] = replace(docs[10], title=docs[10].title + " xylophone")
    cache = TermsCache()
    assert "xylophon" in build_index(docs, cache).postings
    docs[10] = replace(docs[10], title=docs[10].title.replace(" xylophone", ""))
    updated = build_index(docs, cache)
    assert "xylophon" not in updated.postings and "xylophone" not in updated.words
    same_index(updated, build_index(docs))
    # Back in another article, then gone again: the count of articles having the word stays right.
    docs[20] = replace(docs[20], title=docs[20].title + " xylophone")
    same_index(build_index(docs, cache), build_index(docs))
    docs[20] = replace(docs[20], title=docs[20].title.replace(" xylophone", ""))
    again = build_index(docs, cache)
    assert "xylophone" not in again.words
    same_index(again, build_index(docs))


def test_an_update_declines_when_articles_move_or_many_change_and_the_build_is_still_exact():
    rng, docs, cache = warmed(11, 100)
    previous = cache.postings
    data = list(previous.data)
    assert postings.update(previous, previous.locations[:-1], data[:-1]) is None  # an article removed
    renamed = (previous.locations[0] + "x",) + previous.locations[1:]
    assert postings.update(previous, renamed, data) is None
    many = [previous.data[(n + 1) % len(data)] for n in range(len(data))]  # every article's terms changed
    assert postings.update(previous, previous.locations, many) is None
    assert postings.update(previous, previous.locations, data) is previous  # nothing changed
    docs.append(article(rng, 999))
    same_index(build_index(docs, cache), build_index(docs))


def test_a_long_edit_that_moves_an_average_length_makes_the_postings_anew():
    _, docs, cache = warmed(5, 20)
    before = cache.postings
    docs[3] = replace(docs[3], sections=(Section("", "", " ".join(WORDS * 40)),))
    updated = build_index(docs, cache)
    assert cache.postings.average != before.average
    same_index(updated, build_index(docs))
