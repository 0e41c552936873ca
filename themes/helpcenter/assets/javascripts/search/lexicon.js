/* search/lexicon.js: the index's chunks loaded so far, and which chunk holds a key; helpgen/search/lexicon.py.
 * A chunk: "w" surface word -> stem(s), "s" stem -> postings, "n" stems that are no words, "c" result
 * cards, "y" synonym entries (synonyms.js).
 */
var TOP = "\uffff";
var EMPTY_CHUNK = { w: {}, s: {}, n: [], y: {} };

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
  if (has(chunk.w, key)) {
    var stems = chunk.w[key];
    return typeof stems === "string" ? [stems] : stems.slice();
  }
  return has(chunk.s, key) ? [key] : [];
};

Lexicon.prototype.isStem = function (key) {
  return has(this.chunk(key).s, key);
};

Lexicon.prototype.has = function (key) {
  var chunk = this.chunk(key);
  return has(chunk.w, key) || has(chunk.s, key);
};

Lexicon.prototype.postings = function (stem) {
  var chunk = this.chunk(stem);
  return has(chunk.s, stem) ? chunk.s[stem] : [];
};

/** The synonym entries of a word or Chinese term: [[following words' forms…], [alternatives…]]. */
Lexicon.prototype.synonyms = function (key) {
  var entries = this.chunk(key).y;
  return entries && has(entries, key) ? entries[key] : [];
};

/** The result card of a document, from any chunk loaded so far: [title, location, tags, description]. */
Lexicon.prototype.card = function (doc) {
  for (var n in this.chunks) {
    var cards = this.chunks[n].c;
    if (cards && has(cards, doc)) return cards[doc];
  }
  return null;
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

api.Lexicon = Lexicon;
