/* search/present.js: ranked hits -> Material's result items (its SearchItem), escaped and highlighted.
 * Material inserts titles, texts and tags as HTML: everything from the index is escaped here, and only
 * the <mark> of a matched word is markup. (The CLI's counterpart is helpgen/search/__init__.py's
 * format_results.)
 */
var MAX_SECTIONS = 5;
var SNIPPET_CHARS = 180;

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, function (c) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
  });
}

/** Stems a unit highlights: its own, its stem's, its typo's and its synonyms' (not the completions of
 * the word being typed: those are highlighted by the typed text itself). */
function shownStems(unit) {
  return Object.keys(unit.stems).filter(function (s) { return unit.stems[s] >= SYNONYM_WEIGHT; });
}

/** What a query highlights: `latin(word)` the units a normalized non-Han word answers (one answer per
 * word: every snippet of every hit asks about the same words again, and each answer costs lexicon
 * look-ups), `han` the [text, unit] pairs to find in Chinese text. A synonym target's words answer
 * the first unit it stands for. */
function matcher(units, lexicon, alternatives) {
  var answers = new Map(), han = [], latin = [];
  function add(unit, u) {
    if (unit.han) {
      [unit.text].concat(shownStems(unit)).forEach(function (needle) {
        if (isHan(needle) && !han.some(function (pair) { return pair[0] === needle && pair[1] === u; })) han.push([needle, u]);
      });
    } else {
      latin.push([unit, u]);
    }
  }
  units.forEach(add);
  (alternatives || []).forEach(function (alternative) {
    alternative.units.forEach(function (unit) {
      var han = Object.keys(unit.stems).some(isHan);
      add(Object.assign(new Unit(unit.text, false, han), { stems: unit.stems }), alternative.start);
    });
  });
  return {
    han: han,
    latin: function (word) {
      var known = answers.get(word);
      if (known) return known;
      var hits = [];
      var stems = lexicon.stemsOf(word);
      latin.forEach(function (pair) {
        var unit = pair[0], u = pair[1];
        var yes = stems.some(function (s) { return unit.stems[s] >= SYNONYM_WEIGHT; }) ||
          word === unit.text || (unit.prefix && startsWith(word, unit.text)) ||
          shownStems(unit).some(function (s) {
            var bare = bareStem(s);
            return bare.length >= MIN_STEM && startsWith(word, bare);
          });
        if (yes && hits.indexOf(u) < 0) hits.push(u);
      });
      answers.set(word, hits);
      return hits;
    }
  };
}

/** Spans [start, end, unit] of matches in `text`, in order, not overlapping. */
function matchSpans(text, matches) {
  var spans = [];
  var re = new RegExp(WORD_RE.source, "gu"), m;
  while ((m = re.exec(text))) {
    var token = m[0], at = m.index;
    var pieces = token.split(HAN_SPLIT_RE);
    var offset = 0;
    pieces.forEach(function (piece) {
      if (!piece) return;
      if (HAN_RE.test(piece)) {
        matches.han.forEach(function (pair) {
          var needle = pair[0], step = needle.length;
          for (var i = piece.indexOf(needle); i >= 0 && step; i = piece.indexOf(needle, i + step)) {
            spans.push([at + offset + i, at + offset + i + step, pair[1]]);
          }
        });
      } else {
        matches.latin(normalize(piece)).forEach(function (u) {
          spans.push([at + offset, at + offset + piece.length, u]);
        });
      }
      offset += piece.length;
    });
  }
  spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  var out = [], end = -1;
  spans.forEach(function (span) {
    if (span[0] >= end) { out.push(span); end = span[1]; }
  });
  return out;
}

function highlight(text, spans, from, to) {
  var merged = [];
  spans.forEach(function (span) {
    if (span[0] < from || span[1] > to) return;
    var last = merged[merged.length - 1];
    if (last && last[1] === span[0]) last[1] = span[1]; else merged.push([span[0], span[1]]);
  });
  var html = "", at = from;
  merged.forEach(function (span) {
    html += escapeHtml(text.slice(at, span[0])) + "<mark>" + escapeHtml(text.slice(span[0], span[1])) + "</mark>";
    at = span[1];
  });
  return html + escapeHtml(text.slice(at, to));
}

function highlightAll(text, matches) {
  return highlight(text, matchSpans(text, matches), 0, text.length);
}

/** About SNIPPET_CHARS characters of `text` around its first match, highlighted. */
function snippet(text, matches) {
  var spans = matchSpans(text, matches);
  var start = 0;
  if (spans.length && spans[0][0] > SNIPPET_CHARS / 3) {
    start = spans[0][0] - Math.floor(SNIPPET_CHARS / 4);
    var space = text.indexOf(" ", start);
    start = space >= 0 && space < spans[0][0] ? space + 1 : start;
  }
  var end = Math.min(text.length, start + SNIPPET_CHARS);
  if (end < text.length) {
    var cut = text.lastIndexOf(" ", end);
    end = cut > start + SNIPPET_CHARS / 2 ? cut : end;
  }
  return (start > 0 ? "… " : "") + highlight(text, spans, start, end) + (end < text.length ? " …" : "");
}

function unitsIn(text, matches) {
  var found = new Set();
  matchSpans(text, matches).forEach(function (span) { found.add(span[2]); });
  return found;
}

/** The word to highlight on the article page (Material's ?h=): the stem when it prefixes the word. */
function highlightKey(unit) {
  var key = unit.text;
  Object.keys(unit.stems).forEach(function (s) {
    var bare = bareStem(s);
    if (unit.stems[s] >= STEM_PREFIX_WEIGHT && bare.length >= MIN_STEM && bare.length < key.length &&
        startsWith(unit.text, bare)) key = bare;
  });
  return key;
}

/** Material's terms for ?h=: each unit's word (false when the article lacks it), and the synonyms'. */
function termsOf(hit, query) {
  var terms = {};
  query.units.forEach(function (unit, u) {
    terms[hit.matched[u] ? highlightKey(unit) : unit.text] = hit.matched[u];
    Object.keys(unit.stems).forEach(function (s) {
      if (hit.matched[u] && unit.stems[s] === SYNONYM_WEIGHT) terms[bareStem(s)] = true;
    });
  });
  query.alternatives.forEach(function (alternative) {
    alternative.units.forEach(function (unit) {
      Object.keys(unit.stems).forEach(function (s) { if (hit.matched[alternative.start]) terms[bareStem(s)] = true; });
    });
  });
  return terms;
}

/** The article's own result item; `doc` may be a card's fields only (no sections yet). */
function presentArticle(hit, doc, query) {
  var matches = query.matches;
  var intro = doc.d || (doc.s.length ? doc.s[0][2] : "");
  return {
    location: doc.u,
    title: highlightAll(doc.t, matches),
    text: intro ? "<p>" + snippet(intro, matches) + "</p>" : "",
    tags: doc.g.map(function (tag) { return highlightAll(tag, matches); }),
    score: hit.score,
    terms: termsOf(hit, query)
  };
}

function cardDocument(card) {
  return { t: card[0], u: card[1], g: card[2], d: card[3], s: [] };
}

/** The article and its best sections (Material shows them as one group). */
function presentHit(hit, doc, query) {
  var matches = query.matches;
  var terms = termsOf(hit, query);
  var inHeadline = unitsIn(doc.t + " " + doc.d + " " + doc.g.join(" "), matches);
  var matchedCount = hit.matched.filter(Boolean).length;
  var group = [presentArticle(hit, doc, query)];
  // A section leads (shown open, with its snippet) when it holds every matched word that the
  // article's title, tags and description do not already show.
  var headlineHasAll = inHeadline.size >= matchedCount;
  hit.sections.forEach(function (pair) {
    var number = pair[0], cover = pair[1];
    var section = doc.s[number];
    if (!section || !section[1] || group.length > MAX_SECTIONS) return;
    var full = cover >= matchedCount && !headlineHasAll;
    group.push({
      location: doc.u + "#" + section[1],
      title: highlightAll(section[0], matches),
      text: "<p>" + snippet(section[2], matches) + "</p>",
      score: full ? hit.score : round6(hit.score * cover / query.units.length * 0.99),
      terms: terms
    });
  });
  return group;
}

/** The word being typed, completed to the indexed word most articles have (Material's suggestion). */
function suggestion(units, lexicon) {
  var last = units[units.length - 1];
  if (!last || !last.prefix || last.han) return [];
  var bestKey = null, bestDf = -1;
  lexicon.keysWithPrefix(last.text, true).forEach(function (key) {
    var df = 0;
    lexicon.stemsOf(key).forEach(function (s) { df = Math.max(df, lexicon.postings(s).length); });
    if (df > bestDf || (df === bestDf && key.length < bestKey.length)) { bestKey = key; bestDf = df; }
  });
  return bestKey && bestKey !== last.text ? [bestKey] : [];
}

api.escapeHtml = escapeHtml;
