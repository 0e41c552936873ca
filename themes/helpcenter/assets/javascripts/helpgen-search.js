/* helpgen-search.js: Material's search worker, answering from helpgen's prebuilt index.
 *
 * Material's page script posts SETUP (0) with the small search_index.json, waits for READY (1), then
 * posts QUERY (2) and renders each RESULT (3) it gets back: {items: [[article, section...], ...],
 * suggest}. This worker speaks that protocol, so Material's result list, keyboard navigation and
 * highlighting stay. Instead of building a lunr index from every page's text on every visit, it reads
 * helpgen's index files (helpgen/search/index.py): the manifest at start-up, then only the lexicon
 * chunks for the words typed and the documents it shows. The chunks carry result cards, so a one-word
 * query's results are shown as soon as its chunk arrives; the documents then add the sections, a
 * moment later, once the page has had the CPU to paint the first answer.
 *
 * The ranking steps mirror helpgen/search/query.py line by line (tests/test_search.py runs
 * both on the same queries). Everything that reaches Material's templates is HTML-escaped here:
 * Material inserts titles, texts and tags as HTML.
 *
 * Runs as a Web Worker (self.onmessage) and in Node (module.exports) for the tests.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else if (typeof WorkerGlobalScope !== "undefined" && root instanceof WorkerGlobalScope) {
    api.installWorker(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var EXACT_WEIGHT = 1.0;
  var STEM_PREFIX_WEIGHT = 0.9;
  var PREFIX_WEIGHT = 0.6;
  var MAX_PREFIX_STEMS = 30;
  var MAX_PREFIX_CHUNKS = 4;
  var STEM_SLACK = 4;
  var FUZZY_WEIGHT = 0.9;
  var FUZZY_MIN = 4;
  var FUZZY_WORDS = 3;
  var MIN_STEM = 3;
  var HAN_MAX_WORD = 8;
  var MAX_RESULTS = 10; // Material shows ten at once; each shown result is one small document fetch
  var MAX_SECTIONS = 5;
  var SNIPPET_CHARS = 180;
  // After an answer painted from the cards, the article files wait this long: fetching and reading ten
  // of them takes the CPU the page needs to paint that answer (first result ~30 ms later on two cores).
  var SECTIONS_AFTER_MS = 100;
  var TOP = "\uffff";

  var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

  // --- text: the rules of helpgen/search/text.py ---------------------------------------------------

  var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var WORD_RE = /[\p{L}\p{N}]+/gu;
  var HAN_SPLIT_RE = new RegExp("([" + HAN + "]+)");
  var HAN_RE = new RegExp("[" + HAN + "]");
  var DIGIT_RE = /^\p{Nd}+$/u;

  function normalize(text) {
    return text.normalize("NFKC").toLowerCase();
  }

  function isHan(text) {
    return HAN_RE.test(text);
  }

  function splitWord(word) {
    var out = [];
    word.split(HAN_SPLIT_RE).forEach(function (part) {
      if (!part) return;
      if (part.length > 1 || DIGIT_RE.test(part) || HAN_RE.test(part)) out.push(part);
    });
    return out;
  }

  function words(text) {
    var out = [];
    (normalize(text).match(WORD_RE) || []).forEach(function (word) {
      out.push.apply(out, splitWord(word));
    });
    return out;
  }

  /** Python's string order (code points), also for characters outside the BMP. */
  function compare(a, b) {
    if (a === b) return 0;
    var i = 0;
    while (i < a.length && i < b.length) {
      var x = a.codePointAt(i), y = b.codePointAt(i);
      if (x !== y) return x < y ? -1 : 1;
      i += x > 0xffff ? 2 : 1;
    }
    return a.length - i === 0 ? (b.length - i === 0 ? 0 : -1) : 1;
  }

  function startsWith(text, prefix) {
    return text.slice(0, prefix.length) === prefix;
  }

  // --- the lexicon: chunks loaded so far ----------------------------------------------------------

  var EMPTY_CHUNK = { w: {}, s: {}, n: [] };

  var STEM_MARK = "~";

  function Lexicon(firsts, languages) {
    this.firsts = firsts;
    this.chunks = {};
    this.marks = [""].concat((languages || []).map(function (lang) { return STEM_MARK + lang; }));
  }

  Lexicon.prototype.chunkOf = function (key) {
    var lo = 0, hi = this.firsts.length; // bisect_right
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (compare(key, this.firsts[mid]) < 0) hi = mid; else lo = mid + 1;
    }
    return Math.max(0, lo - 1);
  };

  Lexicon.prototype.chunksBetween = function (low, high) {
    var out = [];
    for (var n = this.chunkOf(low), last = this.chunkOf(high); n <= last; n++) out.push(n);
    return out;
  };

  Lexicon.prototype.chunk = function (key) {
    return this.chunks[this.chunkOf(key)] || EMPTY_CHUNK;
  };

  Lexicon.prototype.stemsOf = function (key) {
    var chunk = this.chunk(key);
    if (Object.prototype.hasOwnProperty.call(chunk.w, key)) {
      var stems = chunk.w[key];
      return typeof stems === "string" ? [stems] : stems.slice();
    }
    return Object.prototype.hasOwnProperty.call(chunk.s, key) ? [key] : [];
  };

  Lexicon.prototype.isStem = function (key) {
    return Object.prototype.hasOwnProperty.call(this.chunk(key).s, key);
  };

  Lexicon.prototype.has = function (key) {
    var chunk = this.chunk(key);
    return Object.prototype.hasOwnProperty.call(chunk.w, key) ||
      Object.prototype.hasOwnProperty.call(chunk.s, key);
  };

  /** The result card of a document, from any chunk loaded so far: [title, location, tags, description]. */
  Lexicon.prototype.card = function (doc) {
    for (var n in this.chunks) {
      var cards = this.chunks[n].c;
      if (cards && Object.prototype.hasOwnProperty.call(cards, doc)) return cards[doc];
    }
    return null;
  };

  Lexicon.prototype.postings = function (stem) {
    var chunk = this.chunk(stem);
    return Object.prototype.hasOwnProperty.call(chunk.s, stem) ? chunk.s[stem] : [];
  };

  Lexicon.prototype.keysWithPrefix = function (prefix, wordsOnly) {
    var found = {};
    var self = this;
    this.chunksBetween(prefix, prefix + TOP).forEach(function (n) {
      var chunk = self.chunks[n] || EMPTY_CHUNK;
      var notWords = wordsOnly ? new Set(chunk.n || []) : null;
      Object.keys(chunk.w).forEach(function (k) { if (startsWith(k, prefix)) found[k] = true; });
      Object.keys(chunk.s).forEach(function (k) {
        if (startsWith(k, prefix) && !(notWords && notWords.has(k))) found[k] = true;
      });
    });
    return Object.keys(found).sort(compare);
  };

  // --- query steps: helpgen/search/query.py ---------------------------------------------------------

  function Unit(text, prefix, han) {
    this.text = text;
    this.prefix = prefix;
    this.han = !!han;
    this.stems = {};
  }

  function parse(query) {
    var found = words(query);
    var last = found[found.length - 1];
    var typing = found.length > 0 && normalize(query).slice(-last.length) === last;
    return found.map(function (word, i) {
      return new Unit(word, typing && i === found.length - 1, isHan(word));
    });
  }

  function chunksFor(units, lexicon) {
    var needed = new Set();
    units.forEach(function (unit) {
      if (unit.han) {
        Array.from(new Set(Array.from(unit.text))).forEach(function (ch) {
          lexicon.chunksBetween(ch, ch + TOP).slice(0, MAX_PREFIX_CHUNKS).forEach(function (n) { needed.add(n); });
        });
        return;
      }
      var text = unit.text;
      lexicon.marks.forEach(function (mark) { needed.add(lexicon.chunkOf(text + mark)); });
      if (unit.prefix) {
        var span = lexicon.chunksBetween(text, text + TOP);
        if (span.length <= MAX_PREFIX_CHUNKS) span.forEach(function (n) { needed.add(n); });
      }
    });
    return needed;
  }

  function fallbackChunks(units, lexicon) {
    var needed = new Set();
    units.forEach(function (unit) {
      if (unit.han || lexicon.stemsOf(unit.text).length) return;
      var text = unit.text;
      for (var k = Math.max(MIN_STEM, text.length - STEM_SLACK); k < text.length; k++) {
        lexicon.marks.forEach(function (mark) { needed.add(lexicon.chunkOf(text.slice(0, k) + mark)); });
      }
    });
    return needed;
  }

  function prefixStems(prefix, lexicon, stems) {
    var candidates = {};
    lexicon.keysWithPrefix(prefix).forEach(function (key) {
      lexicon.stemsOf(key).forEach(function (s) { candidates[s] = true; });
    });
    Object.keys(stems).forEach(function (s) { delete candidates[s]; });
    Object.keys(candidates)
      .map(function (s) { return [s, lexicon.postings(s).length]; })
      .sort(function (a, b) { return b[1] - a[1] || compare(a[0], b[0]); })
      .slice(0, MAX_PREFIX_STEMS)
      .forEach(function (pair) { stems[pair[0]] = PREFIX_WEIGHT; });
  }

  function segmentHan(unit, lexicon) {
    var run = unit.text, i = 0, out = [];
    while (i < run.length) {
      var end = null;
      for (var j = Math.min(run.length, i + HAN_MAX_WORD); j > i; j--) {
        if (lexicon.has(run.slice(i, j))) { end = j; break; }
      }
      if (end === null && unit.prefix && lexicon.keysWithPrefix(run.slice(i)).length) {
        out.push(new Unit(run.slice(i), true, true));
        break;
      }
      end = end || i + 1;
      out.push(new Unit(run.slice(i, end), unit.prefix && end === run.length, true));
      i = end;
    }
    return out;
  }

  function expand(units, lexicon, stopWords) {
    var out = [];
    units.forEach(function (unit) {
      if (!unit.prefix && stopWords.has(unit.text)) return;
      var pieces = unit.han ? segmentHan(unit, lexicon) : [unit];
      pieces.forEach(function (piece) {
        var stems = {};
        lexicon.stemsOf(piece.text).forEach(function (s) { stems[s] = EXACT_WEIGHT; });
        if (!Object.keys(stems).length && !piece.han) {
          for (var k = piece.text.length - 1; k >= Math.max(MIN_STEM, piece.text.length - STEM_SLACK); k--) {
            var head = piece.text.slice(0, k);
            lexicon.marks.forEach(function (mark) {
              if (lexicon.isStem(head + mark)) stems[head + mark] = STEM_PREFIX_WEIGHT;
            });
            if (Object.keys(stems).length) break;
          }
        }
        if (piece.prefix) prefixStems(piece.text, lexicon, stems);
        if (!Object.keys(stems).length && !piece.han && !stopWords.has(piece.text)) {
          nearWords(piece.text, lexicon).forEach(function (word) {
            lexicon.stemsOf(word).forEach(function (s) { if (!(s in stems)) stems[s] = FUZZY_WEIGHT; });
          });
        }
        if (!Object.keys(stems).length && stopWords.has(piece.text)) return;
        piece.stems = stems;
        out.push(piece);
      });
    });
    return out;
  }

  /** Indexed words one typo away from an unknown word (two from 8 letters), first letter right, from
   * the chunks already loaded: query.py's near_words. */
  function nearWords(text, lexicon) {
    var word = Array.from(text); // code points, as Python counts them
    if (word.length < FUZZY_MIN) return [];
    var limit = word.length < 8 ? 1 : 2;
    var found = new Map();
    Object.keys(lexicon.chunks).map(Number).sort(function (a, b) { return a - b; }).forEach(function (n) {
      var chunk = lexicon.chunks[n];
      var notWords = new Set(chunk.n || []);
      var keys = Object.keys(chunk.w).concat(Object.keys(chunk.s).filter(function (k) { return !notWords.has(k); }));
      keys.forEach(function (key) {
        if (found.has(key)) return;
        var letters = Array.from(key);
        if (letters[0] !== word[0] || Math.abs(letters.length - word.length) > limit) return;
        var distance = editDistance(word, letters, limit);
        if (distance <= limit) found.set(key, distance);
      });
    });
    if (!found.size) return [];
    var closest = Math.min.apply(null, Array.from(found.values()));
    function df(key) {
      var most = 0;
      lexicon.stemsOf(key).forEach(function (s) { most = Math.max(most, lexicon.postings(s).length); });
      return Math.floor(most / 3);
    }
    return Array.from(found.keys())
      .filter(function (k) { return found.get(k) === closest; })
      .map(function (k) { return [k, df(k)]; })
      .sort(function (a, b) { return b[1] - a[1] || compare(a[0], b[0]); })
      .slice(0, FUZZY_WORDS)
      .map(function (pair) { return pair[0]; });
  }

  /** Optimal string alignment distance between two arrays of code points, or limit + 1 when larger. */
  function editDistance(a, b, limit) {
    var previous2 = [], previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          current[j] = Math.min(current[j], previous2[j - 2] + 1);
        }
      }
      if (Math.min.apply(null, current) > limit) return limit + 1;
      previous2 = previous;
      previous = current;
    }
    return previous[b.length];
  }

  function missingStemChunks(units, lexicon) {
    var needed = new Set();
    units.forEach(function (unit) {
      Object.keys(unit.stems).forEach(function (s) {
        var n = lexicon.chunkOf(s);
        if (!lexicon.chunks[n]) needed.add(n);
      });
    });
    return needed;
  }

  function round6(value) {
    return Math.floor(value * 1e6 + 0.5) / 1e6;
  }

  function rank(units, lexicon, docCount, limit, totals) {
    if (!units.length) return [];
    // Typed arrays indexed by document: a query touches thousands of postings at 20,000 articles.
    var best = [], masks = [], touched = new Uint8Array(docCount), docs = [];
    units.forEach(function (unit) {
      var unitBest = new Float64Array(docCount), unitMask = new Int32Array(docCount);
      var has = new Uint8Array(docCount);
      // A stem's language variants ("return", "return~da") are one word for rarity.
      var familyDf = {};
      var stems = Object.keys(unit.stems).sort(compare);
      stems.forEach(function (stem) {
        var bare = bareStem(stem);
        familyDf[bare] = (familyDf[bare] || 0) + Math.floor(lexicon.postings(stem).length / 3);
      });
      stems.forEach(function (stem) {
        var weight = unit.stems[stem];
        var postings = lexicon.postings(stem);
        var df = familyDf[bareStem(stem)];
        var idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
        var doc = 0;
        for (var p = 0; p < postings.length; p += 3) {
          doc += postings[p];
          var value = idf * weight * postings[p + 1] / 100;
          if (value > unitBest[doc]) unitBest[doc] = value;
          unitMask[doc] |= postings[p + 2];
          has[doc] = 1;
          if (!touched[doc]) { touched[doc] = 1; docs.push(doc); }
        }
      });
      best.push({ score: unitBest, has: has });
      masks.push(unitMask);
    });
    docs.sort(function (a, b) { return a - b; });
    if (totals) totals.count = docs.length;
    var scores = new Float64Array(docCount);
    docs.forEach(function (doc) {
      var matched = 0, total = 0.0;
      best.forEach(function (b) {
        if (b.has[doc]) matched++;
        total += b.score[doc];
      });
      var cover = matched / units.length;
      scores[doc] = round6(total * cover * cover);
    });
    return docs
      .sort(function (a, b) { return scores[b] - scores[a] || a - b; })
      .slice(0, limit)
      .map(function (doc) {
        return {
          doc: doc,
          score: scores[doc],
          matched: best.map(function (b) { return b.has[doc] === 1; }),
          sections: bestSections(doc, masks)
        };
      });
  }

  function bestSections(doc, masks) {
    var cover = new Map();
    masks.forEach(function (unitMask) {
      var mask = unitMask[doc];
      for (var bit = 0; mask; bit++, mask >>>= 1) {
        if (mask & 1) cover.set(bit, (cover.get(bit) || 0) + 1);
      }
    });
    return Array.from(cover.keys())
      .sort(function (a, b) { return cover.get(b) - cover.get(a) || a - b; })
      .map(function (bit) { return [bit, cover.get(bit)]; });
  }

  // --- presentation: Material's SearchItem, escaped and highlighted -----------------------------------

  function bareStem(stem) {
    var mark = stem.indexOf(STEM_MARK);
    return mark < 0 ? stem : stem.slice(0, mark);
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  /** Which units a normalized (non-Han) word answers. One per query: every snippet of every hit asks it
   * about the same words again, and each answer costs lexicon look-ups. */
  function matcher(units, lexicon) {
    var answers = new Map();
    return function (word) {
      var known = answers.get(word);
      if (known) return known;
      var hits = [];
      var stems = lexicon.stemsOf(word);
      units.forEach(function (unit, u) {
        if (unit.han) return;
        var yes = stems.some(function (s) { return unit.stems[s] >= STEM_PREFIX_WEIGHT; }) ||
          word === unit.text || (unit.prefix && startsWith(word, unit.text)) ||
          Object.keys(unit.stems).some(function (s) {
            var bare = bareStem(s);
            return unit.stems[s] >= STEM_PREFIX_WEIGHT && bare.length >= MIN_STEM && startsWith(word, bare);
          });
        if (yes) hits.push(u);
      });
      answers.set(word, hits);
      return hits;
    };
  }

  /** Spans [start, end, unit] of matches in `text`, in order, not overlapping. */
  function matchSpans(text, units, matches) {
    var spans = [];
    var re = new RegExp(WORD_RE.source, "gu"), m;
    while ((m = re.exec(text))) {
      var token = m[0], at = m.index;
      var pieces = token.split(HAN_SPLIT_RE);
      var offset = 0;
      pieces.forEach(function (piece) {
        if (!piece) return;
        if (HAN_RE.test(piece)) {
          units.forEach(function (unit, u) {
            if (!unit.han) return;
            var step = unit.text.length;
            for (var i = piece.indexOf(unit.text); i >= 0 && step; i = piece.indexOf(unit.text, i + step)) {
              spans.push([at + offset + i, at + offset + i + step, u]);
            }
          });
        } else {
          matches(normalize(piece)).forEach(function (u) {
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

  /** About SNIPPET_CHARS characters of `text` around its first match, highlighted. */
  function snippet(text, units, matches) {
    var spans = matchSpans(text, units, matches);
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

  function unitsIn(text, units, matches) {
    var found = new Set();
    matchSpans(text, units, matches).forEach(function (span) { found.add(span[2]); });
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

  function termsOf(hit, units) {
    var terms = {};
    units.forEach(function (unit, u) {
      terms[hit.matched[u] ? highlightKey(unit) : unit.text] = hit.matched[u];
    });
    return terms;
  }

  /** The article's own result item; `doc` may be a card's fields only (no sections yet). */
  function presentArticle(hit, doc, units, matches) {
    var intro = doc.d || (doc.s.length ? doc.s[0][2] : "");
    return {
      location: doc.u,
      title: highlight(doc.t, matchSpans(doc.t, units, matches), 0, doc.t.length),
      text: intro ? "<p>" + snippet(intro, units, matches) + "</p>" : "",
      tags: doc.g.map(function (tag) { return highlight(tag, matchSpans(tag, units, matches), 0, tag.length); }),
      score: hit.score,
      terms: termsOf(hit, units)
    };
  }

  function cardDocument(card) {
    return { t: card[0], u: card[1], g: card[2], d: card[3], s: [] };
  }

  function presentHit(hit, doc, units, matches) {
    var terms = termsOf(hit, units);
    var headline = doc.t + " " + doc.d + " " + doc.g.join(" ");
    var inHeadline = unitsIn(headline, units, matches);
    var matchedCount = hit.matched.filter(Boolean).length;
    var group = [presentArticle(hit, doc, units, matches)];
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
        title: highlight(section[0], matchSpans(section[0], units, matches), 0, section[0].length),
        text: "<p>" + snippet(section[2], units, matches) + "</p>",
        score: full ? hit.score : round6(hit.score * cover / units.length * 0.99),
        terms: terms
      });
    });
    return group;
  }

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

  // --- the searcher: one index, loaded file by file ---------------------------------------------------

  /** `load(path)` returns a promise of parsed JSON for a path under search/helpgen/. */
  function Searcher(load) {
    this.load = load;
    this.chunkCache = {};
    this.docCache = {};
    this.docsLoaded = {};
    var self = this;
    this.ready = load("manifest.json").then(function (manifest) {
      self.manifest = manifest;
      self.stopWords = new Set(manifest.stop);
      return self;
    });
  }

  Searcher.prototype.loadChunks = function (lexicon, numbers) {
    var self = this;
    return Promise.all(Array.from(numbers).filter(function (n) { return !lexicon.chunks[n]; }).map(function (n) {
      if (!self.chunkCache[n]) self.chunkCache[n] = self.load(self.manifest.build + "/t/" + n + ".json");
      return self.chunkCache[n].then(function (chunk) { lexicon.chunks[n] = chunk; });
    }));
  };

  /** Rank a query known before anyone asks (a search link's): its chunks are on their way while the
   * page finishes loading, and a later search for the same query starts from that ranking. */
  Searcher.prototype.prefetch = function (query) {
    var self = this;
    var prefetched = { query: query, ranked: this.rank(query, MAX_RESULTS) };
    this.prefetched = prefetched;
    prefetched.ranked.catch(function () {
      if (self.prefetched === prefetched) self.prefetched = null; // a later search tries again
    });
  };

  Searcher.prototype.document = function (doc) {
    var self = this;
    if (!this.docCache[doc]) {
      this.docCache[doc] = this.load(this.manifest.build + "/d/" + doc + ".json").then(function (json) {
        self.docsLoaded[doc] = true;
        return json;
      });
    }
    return this.docCache[doc];
  };

  var SUPERSEDED = {};

  function pause(ms) {
    return ms ? new Promise(function (resolve) { setTimeout(resolve, ms); }) : Promise.resolve();
  }

  /** Ranked hits: {units, lexicon, hits}. `current()` false: a newer query came, stop fetching. */
  Searcher.prototype.rank = function (query, limit, current) {
    var self = this;
    current = current || function () { return true; };
    function check() { if (!current()) throw SUPERSEDED; }
    return this.ready.then(function () {
      var lexicon = new Lexicon(self.manifest.chunks, self.manifest.languages);
      var units = parse(query);
      return self.loadChunks(lexicon, chunksFor(units, lexicon)).then(function () {
        check();
        return self.loadChunks(lexicon, fallbackChunks(units, lexicon));
      }).then(function () {
        check();
        units = expand(units, lexicon, self.stopWords);
        return self.loadChunks(lexicon, missingStemChunks(units, lexicon));
      }).then(function () {
        check();
        var totals = { count: 0 };
        var hits = rank(units, lexicon, self.manifest.docs, limit || MAX_RESULTS, totals);
        return { units: units, lexicon: lexicon, hits: hits, total: totals.count };
      });
    });
  };

  /** Material's SearchResult for a query. `early(result)`, when given, hears the results first without
   * their sections, as soon as the chunks hold a card for every one of them (always for one word). */
  Searcher.prototype.search = function (query, options, current, early) {
    var self = this;
    current = current || function () { return true; };
    var ranking = this.prefetched && this.prefetched.query === query ? this.prefetched.ranked
      : this.rank(query, MAX_RESULTS, current);
    return ranking.then(function (ranked) {
      var matches = matcher(ranked.units, ranked.lexicon);
      var suggest = options && options.suggest ? suggestion(ranked.units, ranked.lexicon) : null;
      function result(items) {
        var out = { items: items, total: ranked.total }; // total: not Material's, see helpgen-search-ui.js
        if (suggest) out.suggest = suggest;
        return out;
      }
      var cards = ranked.hits.map(function (hit) { return ranked.lexicon.card(hit.doc); });
      // Not when the articles are already here (typing on usually finds the same ones): one paint.
      var waiting = ranked.hits.some(function (hit) { return !self.docsLoaded[hit.doc]; });
      var paintedEarly = Boolean(early && waiting && cards.length && cards.every(Boolean));
      if (paintedEarly) {
        early(result(ranked.hits.map(function (hit, i) {
          return [presentArticle(hit, cardDocument(cards[i]), ranked.units, matches)];
        })));
      }
      return pause(paintedEarly ? SECTIONS_AFTER_MS : 0).then(function () {
        if (!current()) throw SUPERSEDED; // typed on meanwhile: these articles may never be needed
        return Promise.all(ranked.hits.map(function (hit) { return self.document(hit.doc); }));
      }).then(function (docs) {
        return result(ranked.hits.map(function (hit, i) { return presentHit(hit, docs[i], ranked.units, matches); }));
      });
    });
  };

  // --- the worker -----------------------------------------------------------------------------------

  function installWorker(scope) {
    // The page's language's index (helpgen-search.html puts its folder in the fragment: "index=da/");
    // the default language's sits at the site root. Only a plain folder name is taken.
    var params = new URLSearchParams(scope.location.hash.slice(1));
    var index = /^[A-Za-z0-9-]+\/$/.test(params.get("index") || "") ? params.get("index") : "";
    var base = new URL("../../" + index + "search/helpgen/", scope.location.href);
    var searcher = new Searcher(function (path) {
      var url = new URL(path, base);
      // The manifest names this build's files; ask the server whether it changed. The rest never does.
      return fetch(url, path === "manifest.json" ? { cache: "no-cache" } : {}).then(function (response) {
        if (!response.ok) throw new Error(url + ": HTTP " + response.status);
        return response.json();
      });
    });
    var options = { suggest: true }; // until SETUP says otherwise; Material ignores unasked suggestions
    var latest = 0;
    var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("helpgen-search") : null;
    scope.addEventListener("message", function (event) {
      var message = event.data || {};
      if (message.type === SETUP) {
        // Material's index carries no documents (helpgen's are in search/helpgen/): only the options.
        options = (message.data && message.data.options) || options;
      } else if (message.type === QUERY) {
        // Material sends a query per keystroke; only the newest is answered, and older ones stop
        // fetching as soon as a newer one arrives, so they do not queue ahead of it on the network.
        var id = ++latest;
        var current = function () { return id === latest; };
        var query = String(message.data || "");
        var shown = null;
        var post = function (result) {
          var json = JSON.stringify(result);
          if (!current() || json === shown) return;
          shown = json;
          // Material drops fields it does not know; the page's helpgen-search-ui.js hears the total here.
          if (channel) channel.postMessage({ query: query, shown: result.items.length, total: result.total });
          scope.postMessage({ type: RESULT, data: result });
        };
        searcher.search(query, options, current, post).then(post, function (error) {
          if (error === SUPERSEDED) return;
          if (typeof console !== "undefined") console.warn("helpgen search:", error);
          // Results already shown from the cards stay when only their sections failed to load.
          if (current() && shown === null) scope.postMessage({ type: RESULT, data: { items: [] } });
        });
      }
    });
    // Ready at once: nothing waits for Material's search_index.json, which has nothing helpgen needs.
    scope.postMessage({ type: READY });
    // A search link's query (helpgen-search-early.html puts it in the fragment): rank it now, before
    // Material sends it, so its chunks are on their way while the page finishes loading.
    var linked = params.get("q");
    if (linked) searcher.prefetch(linked);
  }

  return {
    words: words,
    normalize: normalize,
    compare: compare,
    Lexicon: Lexicon,
    parse: parse,
    chunksFor: chunksFor,
    fallbackChunks: fallbackChunks,
    expand: expand,
    rank: rank,
    escapeHtml: escapeHtml,
    Searcher: Searcher,
    installWorker: installWorker
  };
});
