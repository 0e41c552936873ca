/* search/query.js: a query -> its units, each with the stems it stands for; helpgen/search/query.py,
 * step for step (parse, the chunks to load, expand; Chinese runs as the indexed words in them).
 */
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

function Unit(text, prefix, han, words, synonym) {
  this.text = text;
  this.prefix = prefix;
  this.han = !!han;
  this.stems = {};
  this.words = words || [];
  this.synonym = synonym || "";
  this.family = {};
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
  function add(n) { needed.add(n); }
  units.forEach(function (unit) {
    var text = unit.text;
    if (unit.han) {
      for (var start = 0; start < text.length; start++) {
        for (var end = start + 1; end <= Math.min(text.length, start + HAN_MAX_WORD); end++) {
          needed.add(lexicon.chunkOf(text.slice(start, end)));
        }
      }
      if (unit.prefix) {
        for (start = Math.max(0, text.length - HAN_MAX_WORD); start < text.length; start++) {
          var tail = text.slice(start);
          lexicon.chunksBetween(tail, tail + TOP).slice(0, MAX_PREFIX_CHUNKS).forEach(add);
        }
      }
      return;
    }
    lexicon.marks.forEach(function (mark) { needed.add(lexicon.chunkOf(text + mark)); });
    if (unit.prefix) {
      var span = lexicon.chunksBetween(text, text + TOP);
      if (span.length <= MAX_PREFIX_CHUNKS) span.forEach(add);
    }
  });
  return needed;
}

function fallbackChunks(units, lexicon) {
  var needed = new Set();
  units.forEach(function (unit) {
    if (unit.han || lexicon.stemsOf(unit.text).length || lexicon.synonyms(unit.text).length) return;
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

/** A Chinese run as [start, end, words]: query.py's han_segments. */
function hanSegments(run, known) {
  var found = [];
  for (var start = 0; start < run.length; start++) {
    for (var end = start + 2; end <= Math.min(run.length, start + HAN_MAX_WORD); end++) {
      if (known(run.slice(start, end))) found.push([start, end]);
    }
  }
  var longest = found.filter(function (a) {
    return !found.some(function (b) { return b[0] <= a[0] && a[1] <= b[1] && (b[0] !== a[0] || b[1] !== a[1]); });
  });
  var groups = [];
  longest.forEach(function (pair) {
    var last = groups[groups.length - 1];
    if (last && pair[0] < last[1]) {
      last[1] = Math.max(last[1], pair[1]);
      last[2].push(run.slice(pair[0], pair[1]));
    } else {
      groups.push([pair[0], pair[1], [run.slice(pair[0], pair[1])]]);
    }
  });
  var out = [], at = 0;
  groups.concat([[run.length, run.length, []]]).forEach(function (group) {
    for (var i = at; i < group[0]; i++) out.push([i, i + 1, []]);
    if (group[1] > group[0]) out.push(group);
    at = group[1];
  });
  return out;
}

/** The run's pieces, stop words cut out as words too: query.py's _segment_han. */
function segmentHan(unit, lexicon, stopWords) {
  var out = [], text = unit.text;
  var segments = hanSegments(text, function (key) { return lexicon.has(key) || stopWords.has(key); });
  for (var i = 0; i < segments.length; i++) {
    var start = segments[i][0], end = segments[i][1], found = segments[i][2];
    if (!found.length && !lexicon.has(text[start]) && unit.prefix && lexicon.keysWithPrefix(text.slice(start)).length) {
      out.push(new Unit(text.slice(start), true, true)); // the rest is being typed
      break;
    }
    out.push(new Unit(text.slice(start, end), unit.prefix && end === text.length, true, found));
  }
  return out;
}

/** A Chinese run cut around the synonym terms in it, each term one unit: query.py's _synonym_pieces. */
function synonymPieces(unit, lexicon, stopWords) {
  var run = unit.text, out = [], start = 0, i = 0;
  while (i < run.length) {
    var end = null;
    for (var j = Math.min(run.length, i + HAN_MAX_WORD); j > i; j--) {
      if (lexicon.synonyms(run.slice(i, j)).length) { end = j; break; }
    }
    if (end === null) { i++; continue; }
    if (start < i) out.push(new Unit(run.slice(start, i), false, true));
    var term = run.slice(i, end);
    var inside = lexicon.has(term) ? [term] : [];
    if (!inside.length) {
      hanSegments(term, function (key) { return lexicon.has(key); }).forEach(function (segment) {
        inside.push.apply(inside, segment[2]);
      });
    }
    out.push(new Unit(term, unit.prefix && end === run.length, true, inside, term));
    i = start = end;
  }
  if (start < run.length) out.push(new Unit(run.slice(start), unit.prefix, true));
  var pieces = [];
  out.forEach(function (part) {
    pieces.push.apply(pieces, part.synonym ? [part] : segmentHan(part, lexicon, stopWords));
  });
  return pieces;
}

function expand(units, lexicon, stopWords) {
  var out = [];
  units.forEach(function (unit) {
    if (stopWords.has(unit.text) && (!unit.prefix || units.length > 1)) return;
    var pieces = unit.han ? synonymPieces(unit, lexicon, stopWords) : [unit];
    pieces.forEach(function (piece) {
      var stems = {};
      (piece.words.length ? piece.words : [piece.text]).forEach(function (word) {
        lexicon.stemsOf(word).forEach(function (s) { stems[s] = EXACT_WEIGHT; });
      });
      var explained = piece.synonym || lexicon.synonyms(piece.text).length > 0;
      if (!Object.keys(stems).length && !piece.han && !explained) {
        for (var k = piece.text.length - 1; k >= Math.max(MIN_STEM, piece.text.length - STEM_SLACK); k--) {
          var head = piece.text.slice(0, k);
          lexicon.marks.forEach(function (mark) {
            if (lexicon.isStem(head + mark)) stems[head + mark] = STEM_PREFIX_WEIGHT;
          });
          if (Object.keys(stems).length) break;
        }
      }
      if (piece.prefix) prefixStems(piece.text, lexicon, stems);
      if (!Object.keys(stems).length && !piece.han && !explained && !stopWords.has(piece.text)) {
        nearWords(piece.text, lexicon).forEach(function (word) {
          lexicon.stemsOf(word).forEach(function (s) { if (!has(stems, s)) stems[s] = FUZZY_WEIGHT; });
        });
      }
      if (!Object.keys(stems).length && !explained && stopWords.has(piece.text)) return;
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

function missingStemChunks(units, lexicon, extra) {
  var needed = new Set();
  units.concat(extra || []).forEach(function (unit) {
    Object.keys(unit.stems).forEach(function (s) {
      var n = lexicon.chunkOf(s);
      if (!lexicon.chunks[n]) needed.add(n);
    });
  });
  return needed;
}

api.parse = parse;
api.chunksFor = chunksFor;
api.fallbackChunks = fallbackChunks;
api.expand = expand;
api.hanSegments = hanSegments;
