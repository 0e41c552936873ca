"""Text -> index terms: the one tokenizer the build, `helpgen search` and the browser worker share.

The rules are simple on purpose, because `helpgen-search.js` repeats them in the browser:
1. NFKC-normalize and lowercase.
2. A word is a run of letters and digits; Han characters form runs of their own.
3. Latin words shorter than two characters are dropped unless they are digits.
4. Han runs are segmented at build time with jieba (`cut_for_search`: words and their sub-words).

Stemming happens only here, at build time, with the Snowball stemmer of the article's language
(detected from its stop words; stems of languages other than English carry a "~da" mark).
The browser never stems: it looks typed words up in the index's table of surface words, or finds a
stem that is a prefix of the typed word (see query.py). Stop words are dropped at build time in the
article's language; the query side drops every finished stop word of any language (query.py's expand).
"""
from __future__ import annotations

import logging
import marshal
import os
import re
import tempfile
import unicodedata
from collections import Counter
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
HAN_RANGES = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_HAN = re.compile(f"[{HAN_RANGES}]")
# A Han run, or a run of other letters and digits: words split where the script changes.
_PIECE = re.compile(f"[{HAN_RANGES}]+|[^\\W_{HAN_RANGES}]+")

# Function words that match nearly every article. Written for help-center text, kept short on purpose:
# a word missing here is merely indexed; a content word listed here would be unsearchable. Negations
# (not, no, ikke) are no stop words: "not showing", "virker ikke" is how customers describe a problem,
# and troubleshooting articles say it back.
STOP_WORDS = {
    "en": frozenset("""
        a about after all also am an and any are as at be been before being but by can could did do
        does doing for from had has have having he her here hers him his how i if in into is it its
        itself me more most my myself of off on once only or other our ours out over own
        same she should so some such than that the their theirs them then there these they this those
        through to too under until up very was we were what when where which while who whom why will
        with would you your yours yourself something anything everything someone anyone everyone
    """.split()),
    "da": frozenset("""
        af alle andet andre at blev blive bliver da de dem den denne der deres det dette dig din dine
        disse dit du efter eller en end er et for fra ham han hans har havde have hende hendes her hos
        hun hvad hvis hvor hvordan hvorfor i ind jeg jer jo kan kunne man mange med meget men mig
        min mine mit mod noget nogen nogle når nu og også om op os over på sig sin sine sit skal skulle som så til ud
        under var vi vil ville vor vores være været
    """.split()),
    # Simplified and Traditional: the particles, pronouns and question words a customer's question is
    # made of (怎么办, 哪里, 吗) and that every article has; a topic word never is one.
    "zh": frozenset("""
        的 了 和 与 及 或 是 在 我 你 您 他 她 它 我们 你们 他们 这 那 也 都 就 将 被 把 对 从 向
        與 們 我們 你們 他們 這 將 對 從
        吗 呢 吧 啊 呀 嗎 么 麼 怎么 怎么办 怎样 怎么样 怎麼 怎麼辦 怎樣 如何 什么 什麼 为什么 為什麼
        哪 哪里 哪裡 哪儿 哪个 哪個 哪些 多少 几 幾 是否 有没有 有沒有 能不能 可不可以 要不要
        可以 能 会 會 要 想 得 着 著 过 過 之间 之間 一下 一个 一個 这个 這個 那个 那個 这些 這些 那些
        里 裡 上 中 到 给 給 让 讓 还 還 又 很
    """.split()),
}
ALL_STOP_WORDS = frozenset().union(*STOP_WORDS.values())
STEMMED_LANGUAGES = {"en": "english", "da": "danish"}
DEFAULT_LANGUAGE = "en"
STEM_MARK = "~"


def analysis_language(code: str) -> str:
    """The stop words and stemmer for a site language: its own where helpgen has them, else English's.
    Han text is segmented whatever the language (a Chinese article's Latin words are read as English)."""
    base = code.split("-")[0].lower()
    return base if base in STEMMED_LANGUAGES else DEFAULT_LANGUAGE


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text).lower()


def is_han(text: str) -> bool:
    return bool(_HAN.search(text))


def words(text: str) -> list[str]:
    """Surface words in reading order; each Han run is one item (segmented later by `terms`)."""
    return [piece for piece in _PIECE.findall(normalize(text))
            if len(piece) > 1 or piece.isdigit() or _HAN.match(piece)]


def detect_language(text: str) -> str:
    """The stemmed language whose stop words the text uses most (English on a tie)."""
    # Counted in C (Counter), then looked up once per stop word: an article has thousands of words.
    seen = Counter(_WORD.findall(normalize(text)))
    counts = {lang: sum(seen[word] for word in STOP_WORDS[lang] if word in seen) for lang in STEMMED_LANGUAGES}
    best = max(counts.values())
    return DEFAULT_LANGUAGE if counts[DEFAULT_LANGUAGE] == best else max(counts, key=counts.get)


@lru_cache(maxsize=None)
def _stemmer(language: str):
    # The language's own module: `snowballstemmer.stemmer()` imports all thirty languages first
    # (half a second, mostly building the Serbian tables), in every build.
    import importlib

    name = STEMMED_LANGUAGES[language]
    module = importlib.import_module(f"snowballstemmer.{name}_stemmer")
    return getattr(module, f"{name.capitalize()}Stemmer")()


@lru_cache(maxsize=200_000)
def stem(word: str, language: str) -> str:
    return _stemmer(language).stemWord(word)


@lru_cache(maxsize=1)
def _jieba():
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it announces loading its dictionary on stderr otherwise
    _load_dictionary(jieba)
    return jieba


def _load_dictionary(jieba) -> None:
    """Load jieba's default dictionary from the cache file jieba itself wrote, as jieba would.
    Why: jieba unmarshals that file straight from the open file object, which reads it a few bytes at
    a time (1.3 s, a tenth of a 1,000-article build); the same bytes read at once unmarshal in 0.3 s.
    Anything unexpected (no cache yet, a custom dictionary, an unreadable file) leaves it to jieba."""
    tokenizer = jieba.dt
    if tokenizer.initialized or tokenizer.cache_file or tokenizer.dictionary != jieba.DEFAULT_DICT:
        return
    path = os.path.join(tokenizer.tmp_dir or tempfile.gettempdir(), "jieba.cache")
    try:
        with open(path, "rb") as cache:
            freq, total = marshal.loads(cache.read())
    except (OSError, EOFError, ValueError, TypeError):
        return
    if isinstance(freq, dict) and isinstance(total, int) and total > 0:
        with tokenizer.lock:
            tokenizer.FREQ, tokenizer.total, tokenizer.initialized = freq, total, True


@lru_cache(maxsize=100_000)
def segment_han(run: str) -> tuple[str, ...]:
    """jieba's search segmentation (its words, and the dictionary words inside the longer ones, as
    `jieba.cut_for_search` gives them), plus the dictionary words a lone character makes with its
    neighbour. Why: jieba cuts by the sentence around it, 笔记不同步 into 笔记/不/同步 but 数据不同步 into
    数据/不同/步, and a search for 同步 (sync) must find both. Han pieces only."""
    jieba = _jieba()
    frequency = jieba.dt.FREQ
    tokens = list(jieba.cut(run))
    out: list[str] = []
    for i, token in enumerate(tokens):
        for size in (2, 3):  # cut_for_search's own step
            if len(token) > size:
                out += [gram for k in range(len(token) - size + 1) if frequency.get(gram := token[k:k + size])]
        out.append(token)
        if len(token) == 1 and token not in STOP_WORDS["zh"]:
            before = tokens[i - 1][-1] + token if i else ""
            after = token + tokens[i + 1][0] if i + 1 < len(tokens) else ""
            out += [word for word in (before, after) if len(word) == 2 and frequency.get(word)]
    return tuple(piece for piece in out if _HAN.match(piece))


def terms(text: str, language: str) -> list[tuple[str, str]]:
    """(surface word, stem) pairs of everything searchable in `text`; stop words left out."""
    known = _TERMS.setdefault(language, {})
    out: list[tuple[str, str]] = []
    for word in words(text):
        pair = known.get(word, _UNSEEN)
        if pair is _UNSEEN:
            pair = known[word] = _term(word, language)
        if pair is None:
            continue
        if pair is _HAN_RUN:
            out.extend((piece, piece) for piece in segment_han(word) if piece not in STOP_WORDS["zh"])
        else:
            out.append(pair)
    return out


# word -> its (surface, stem) pair, None for a stop word, _HAN_RUN for Han text; per language. A help
# center repeats a few thousand words a million times: one dict look-up instead of a regex, a set and
# two cached calls per word is most of what indexing 1,000 articles costs.
_TERMS: dict[str, dict[str, object]] = {}
_UNSEEN, _HAN_RUN = object(), object()


def _term(word: str, language: str):
    if _HAN.match(word):
        return _HAN_RUN
    if word in STOP_WORDS[language]:
        return None
    return word, word if word.isdigit() else stem_key(stem(word, language), language)


def stem_key(stem_: str, language: str) -> str:
    """Stems of other languages than English are kept apart ("return~da"): a Danish word then finds
    Danish articles, not every English article sharing the stem. "~" never occurs inside a word."""
    return stem_ if language == DEFAULT_LANGUAGE else f"{stem_}{STEM_MARK}{language}"


def bare_stem(stem_: str) -> str:
    """A stem without its language mark: "return~da" -> "return"."""
    return stem_.split(STEM_MARK, 1)[0]
