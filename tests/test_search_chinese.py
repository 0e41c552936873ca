"""Chinese compounds: a search for 同步 (sync) finds it inside 不同步, in Simplified and Traditional
Chinese, without single characters flooding the results; the browser cuts a query as Python does."""
from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from helpgen.search import SearchDocument, Section, build_index, write_index, IndexFiles
from helpgen.search.query import han_segments
from helpgen.search.text import segment_han

from .search_node import NODE_PRELUDE, assert_same_ranking, run_node, worker  # noqa: F401 (fixture)

PROPERTIES = settings(max_examples=200, deadline=None, derandomize=True)


def doc(location: str, title: str, text: str, language: str = "zh") -> SearchDocument:
    return SearchDocument(location, title, sections=(Section("", "", text),), language=language)


def index(tmp_path, docs, name="zh") -> IndexFiles:
    write_index(build_index(docs, language=name), tmp_path / name)
    return IndexFiles(tmp_path / name)


SIMPLIFIED = [
    doc("sync/", "同步故障排查", "如果手机和电脑之间的笔记不同步，请检查网络连接，然后重新登录同步服务。"),
    doc("backup/", "备份笔记", "你可以用不同的方法备份笔记：手机、电脑或云端，不同的备份方式各有优点。"),
    doc("devices/", "在不同设备上使用", "在不同的电脑和手机上打开同一个仓库，不同设备的设置可以不同。"),
    doc("dont/", "不要删除文件夹", "不要删除隐藏的文件夹，也不要移动它。"),
]
TRADITIONAL = [
    doc("sync/", "同步疑難排解", "如果手機和電腦之間的筆記不同步，請檢查網路連線，然後重新登入同步服務。", "zh-TW"),
    doc("backup/", "備份筆記", "你可以用不同的方法備份筆記：手機、電腦或雲端，不同的備份方式各有優點。", "zh-TW"),
    doc("devices/", "在不同裝置上使用", "在不同的電腦和手機上打開同一個儲存庫，不同裝置的設定可以不同。", "zh-TW"),
]


def test_a_sync_question_finds_the_sync_article_not_the_backup_one(tmp_path):
    files = index(tmp_path, SIMPLIFIED)
    assert files.search("手机和电脑之间笔记不同步怎么办")[0].location == "sync/"
    assert files.search("笔记不同步")[0].location == "sync/"
    assert files.search("同步")[0].location == "sync/"
    files = index(tmp_path, TRADITIONAL, "zh-TW")
    assert files.search("手機和電腦之間筆記不同步怎麼辦")[0].location == "sync/"
    assert files.search("筆記不同步")[0].location == "sync/"


def test_overlapping_words_are_one_unit_that_either_finds(tmp_path):
    files = index(tmp_path, SIMPLIFIED)
    lexicon = files.lexicon()
    units, _ = files.expanded("不同步", lexicon)
    assert [(u.text, u.words) for u in units] == [("不同步", ("不同", "同步"))]
    assert files.search("不同步")[0].missing == ()


def test_single_characters_do_not_flood_the_results(tmp_path):
    """不 alone is in the index (不要), but a query whose 不 belongs to a word finds no article by it."""
    files = index(tmp_path, SIMPLIFIED)
    assert "dont/" not in [r.location for r in files.search("笔记不同步")]
    assert "dont/" not in [r.location for r in files.search("不同步怎么办")]


def test_the_index_holds_the_word_a_lone_character_makes_with_its_neighbour():
    """jieba cuts by the sentence: whichever way it cuts 不同步, both words are indexed."""
    for text in ("数据不同步", "笔记不同步", "不同步", "手機和電腦之間的筆記不同步"):
        pieces = segment_han(text)
        assert "同步" in pieces and "不同" in pieces, (text, pieces)
    assert "华人" in segment_han("中华人民共和国")  # jieba's own search cut, kept as it was


ALPHABET = "同步不备份笔记电脑"


@st.composite
def runs_and_words(draw):
    run = draw(st.text(ALPHABET, min_size=1, max_size=12))
    known = draw(st.sets(st.text(ALPHABET, min_size=2, max_size=4), max_size=12))
    return run, known


@PROPERTIES
@given(runs_and_words())
def test_a_run_is_cut_into_its_known_words_in_order(case):
    run, known = case
    segments = han_segments(run, known.__contains__)
    # In order, no gap, no overlap.
    assert [s for s, _, _ in segments] == [0] + [e for _, e, _ in segments[:-1]] and segments[-1][1] == len(run)
    for start, end, found in segments:
        assert all(word in known and word in run[start:end] for word in found)
        assert found or end - start == 1
    # Every known word in the run is found, or a longer known word around it is.
    occurrences = [(s, e) for s in range(len(run)) for e in range(s + 2, min(len(run), s + 8) + 1) if run[s:e] in known]
    for s, e in occurrences:
        assert any(a <= s and e <= b and any(run[s:e] in word for word in found) for a, b, found in segments), (s, e)
    # A character is on its own only where no known word covers it.
    for start, end, found in segments:
        if not found:
            assert not any(s <= start < e for s, e in occurrences)


NODE_SEGMENTS = NODE_PRELUDE + """
const cases = JSON.parse(process.argv[3]);
process.stdout.write(JSON.stringify(cases.map(([run, known]) => api.hanSegments(run, k => known.includes(k)))));
"""


def test_the_browser_cuts_runs_as_python_does(tmp_path, worker):
    import random

    rng = random.Random(21)
    cases = []
    for _ in range(300):
        run = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 12)))
        known = sorted({"".join(rng.choice(ALPHABET) for _ in range(rng.randint(2, 4))) for _ in range(rng.randint(0, 12))})
        cases.append((run, known))
    js = run_node(worker, NODE_SEGMENTS, tmp_path, json.dumps(cases, ensure_ascii=False))
    python = [[[s, e, list(found)] for s, e, found in han_segments(run, set(known).__contains__)] for run, known in cases]
    assert js == python


def test_the_browser_ranks_chinese_queries_as_python_does(tmp_path, worker):
    queries = ["手机和电脑之间笔记不同步怎么办", "笔记不同步", "不同步", "同步", "不", "备份", "不同步怎", "电脑之"]
    assert_same_ranking(worker, index(tmp_path, SIMPLIFIED), queries)
    assert_same_ranking(worker, index(tmp_path, TRADITIONAL, "zh-TW"), ["手機和電腦之間筆記不同步怎麼辦", "筆記不同步", "同步"])
