/* search/searcher.js: one index, loaded file by file; helpgen/search/searcher.py reads the same files in
 * the same rounds: the manifest; the chunks of the query's words; for unknown words, the chunks of
 * their shorter stems; the chunks of stems reached through surface words or synonyms; the articles shown.
 *
 * The results are posted twice: first from the chunks' result cards, as soon as they hold a card for
 * every hit (always for one word), then with the articles' sections (docs/search.md measures why).
 */
// After an answer painted from the cards, the article files wait this long, and are not fetched at all
// when another key came meanwhile: while a visitor types, each keystroke's answer is then one paint
// from the cards (every paint is Material's work on the page's main thread, between two keys), and
// the answer to the last key is complete this much later. (0.1 s before: complete 50 ms later; 16 ms:
// two paints a keystroke, which slowed the typing itself. bench/search_speed.py's typing race.)
var SECTIONS_AFTER_MS = 50;
var SUPERSEDED = {};

/** `load(path)` returns a promise of parsed JSON for a path under search/helpgen/; `manifest`, when
 * given, is the manifest's promise (the page may have fetched it already). */
function Searcher(load, manifest) {
  this.load = load;
  this.chunkCache = {};
  this.docCache = {};
  this.docsLoaded = {};
  var self = this;
  this.ready = (manifest || load("manifest.json")).then(function (json) {
    self.manifest = json;
    self.stopWords = new Set(json.stop);
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

/** Rank a query known before anyone asks (a search link's, or one typed while the page loads), and
 * fetch its articles: all of it is on its way while the page finishes loading, and a later search for
 * the same query answers at once, complete. A newer prefetch stops an older one's fetching. */
Searcher.prototype.prefetch = function (query) {
  var self = this;
  var prefetched = { query: query };
  var current = function () { return self.prefetched === prefetched; };
  prefetched.ranked = this.rank(query, MAX_RESULTS, current);
  this.prefetched = prefetched;
  prefetched.ranked.then(function (ranked) {
    if (current()) ranked.hits.forEach(function (hit) { self.document(hit.doc); });
  }, function () {
    if (current()) self.prefetched = null; // a later search tries again
  });
};

Searcher.prototype.document = function (doc) {
  var self = this;
  if (!this.docCache[doc]) {
    this.docCache[doc] = this.load(this.manifest.build + "/d/" + doc + ".json").then(function (json) {
      self.docsLoaded[doc] = true;
      return json;
    }, function (error) {
      delete self.docCache[doc]; // a later search asks again
      throw error;
    });
  }
  return this.docCache[doc];
};

function pause(ms) {
  return ms ? new Promise(function (resolve) { setTimeout(resolve, ms); }) : Promise.resolve();
}

/** Ranked hits: {units, alternatives, lexicon, hits, total}. `current()` false: a newer query came,
 * stop fetching. */
Searcher.prototype.rank = function (query, limit, current) {
  var self = this;
  current = current || function () { return true; };
  function check() { if (!current()) throw SUPERSEDED; }
  return this.ready.then(function () {
    var lexicon = new Lexicon(self.manifest.chunks, self.manifest.languages);
    var units = parse(query), alternatives = [];
    return self.loadChunks(lexicon, chunksFor(units, lexicon)).then(function () {
      check();
      return self.loadChunks(lexicon, fallbackChunks(units, lexicon));
    }).then(function () {
      check();
      units = expand(units, lexicon, self.stopWords);
      alternatives = applySynonyms(units, lexicon);
      var extra = [];
      alternatives.forEach(function (a) { extra.push.apply(extra, a.units); });
      return self.loadChunks(lexicon, missingStemChunks(units, lexicon, extra));
    }).then(function () {
      check();
      var totals = { count: 0 };
      var hits = rank(units, lexicon, self.manifest.docs, limit || MAX_RESULTS, totals, alternatives);
      return { units: units, alternatives: alternatives, lexicon: lexicon, hits: hits, total: totals.count };
    });
  });
};

/** Material's SearchResult for a query. `early(result)`, when given, hears the results first without
 * their sections, as soon as the chunks hold a card for every one of them (always for one word),
 * unless their articles are here already (typing on usually finds the same ones): then one paint. A
 * query known before Material asked (prefetch) is painted from the cards first even so. */
Searcher.prototype.search = function (query, options, current, early) {
  var self = this;
  current = current || function () { return true; };
  var known = Boolean(this.prefetched && this.prefetched.query === query);
  var ranking = known ? this.prefetched.ranked : this.rank(query, MAX_RESULTS, current);
  return ranking.then(function (ranked) {
    var shown = { units: ranked.units, alternatives: ranked.alternatives,
                  matches: matcher(ranked.units, ranked.lexicon, ranked.alternatives) };
    var suggest = options && options.suggest ? suggestion(ranked.units, ranked.lexicon) : null;
    function result(items) {
      var out = { items: items, total: ranked.total }; // total: not Material's, see helpgen-search-ui.js
      if (suggest) out.suggest = suggest;
      return out;
    }
    var cards = ranked.hits.map(function (hit) { return ranked.lexicon.card(hit.doc); });
    // A query known while the page loaded is the page's first answer: the cards paint at once (the
    // sections take the worker ~25 ms to lay out at 5,000 articles), the rest follows straight away.
    var loaded = ranked.hits.every(function (hit) { return self.docsLoaded[hit.doc]; });
    var paintedEarly = Boolean(early && (known || !loaded) && cards.length && cards.every(Boolean));
    if (paintedEarly) {
      early(result(ranked.hits.map(function (hit, i) {
        return [presentArticle(hit, cardDocument(cards[i]), shown)];
      })));
    }
    // Articles already on their way (a query known while the page loaded fetched them) are not waited for.
    var requested = ranked.hits.every(function (hit) { return self.docCache[hit.doc]; });
    return pause(paintedEarly && !requested ? SECTIONS_AFTER_MS : 0).then(function () {
      if (!current()) throw SUPERSEDED; // typed on meanwhile: these articles may never be needed
      return Promise.all(ranked.hits.map(function (hit) { return self.document(hit.doc); }));
    }).then(function (docs) {
      return result(ranked.hits.map(function (hit, i) { return presentHit(hit, docs[i], shown); }));
    });
  });
};

api.Searcher = Searcher;
api.SUPERSEDED = SUPERSEDED;
