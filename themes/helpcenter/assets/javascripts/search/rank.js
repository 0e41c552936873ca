/* search/rank.js: units with their stems -> the best articles; helpgen/search/rank.py, step for step
 * (typed arrays indexed by document: a query touches thousands of postings at 20,000 articles).
 */
var MAX_RESULTS = 10; // Material shows ten at once; each shown result is one small document fetch

function round6(value) {
  return Math.floor(value * 1e6 + 0.5) / 1e6;
}

/** {score, mask, has, docs}: the unit's score in each document, the sections holding it, where it is. */
function unitScores(unit, lexicon, docCount) {
  var score = new Float64Array(docCount), mask = new Int32Array(docCount), present = new Uint8Array(docCount);
  var docs = [];
  var familyDf = {}, families = {};
  var stems = Object.keys(unit.stems).sort(compare);
  stems.forEach(function (stem) {
    var family = families[stem] = (has(unit.family, stem) && unit.family[stem]) || bareStem(stem);
    familyDf[family] = (familyDf[family] || 0) + Math.floor(lexicon.postings(stem).length / 3);
  });
  stems.forEach(function (stem) {
    var weight = unit.stems[stem];
    var postings = lexicon.postings(stem);
    var df = familyDf[families[stem]];
    var idf = Math.log(1 + (docCount - df + 0.5) / (df + 0.5));
    var doc = 0;
    for (var p = 0; p < postings.length; p += 3) {
      doc += postings[p];
      var value = idf * weight * postings[p + 1] / 100;
      if (value > score[doc]) score[doc] = value;
      mask[doc] |= postings[p + 2];
      if (!present[doc]) { present[doc] = 1; docs.push(doc); }
    }
  });
  return { score: score, mask: mask, has: present, docs: docs };
}

/** An alternative's score where a document has every one of its words: rank.py's _alternative_scores. */
function alternativeScores(alternative, lexicon, docCount) {
  var scored = alternative.units.map(function (unit) { return unitScores(unit, lexicon, docCount); });
  var out = { score: new Float64Array(docCount), mask: new Int32Array(docCount), has: new Uint8Array(docCount), docs: [] };
  scored[0].docs.forEach(function (doc) {
    if (!scored.every(function (s) { return s.has[doc]; })) return;
    var total = 0.0, mask = 0;
    scored.forEach(function (s) { total += s.score[doc]; mask |= s.mask[doc]; });
    out.score[doc] = total;
    out.mask[doc] = mask;
    out.has[doc] = 1;
    out.docs.push(doc);
  });
  return out;
}

function rank(units, lexicon, docCount, limit, totals, alternatives) {
  if (!units.length) return [];
  var scored = units.map(function (unit) { return unitScores(unit, lexicon, docCount); });
  var other = (alternatives || []).map(function (a) { return [a, alternativeScores(a, lexicon, docCount)]; });
  var seen = new Uint8Array(docCount), docs = [];
  scored.concat(other.map(function (pair) { return pair[1]; })).forEach(function (s) {
    s.docs.forEach(function (doc) { if (!seen[doc]) { seen[doc] = 1; docs.push(doc); } });
  });
  docs.sort(function (a, b) { return a - b; });
  if (totals) totals.count = docs.length;

  /** [matched, values, masks] per unit, an alternative standing for its units where it serves better. */
  function reading(doc) {
    var matched = scored.map(function (s) { return s.has[doc] === 1; });
    var values = scored.map(function (s) { return s.score[doc]; });
    var masks = scored.map(function (s) { return s.mask[doc]; });
    other.forEach(function (pair) {
      var alternative = pair[0], best = pair[1];
      if (!best.has[doc]) return;
      var start = alternative.start, end = alternative.end, mine = 0, own = 0.0;
      for (var u = start; u < end; u++) { if (matched[u]) mine++; own += values[u]; }
      if (end - start > mine || (end - start === mine && best.score[doc] > own)) {
        for (u = start; u < end; u++) {
          matched[u] = true;
          values[u] = u === start ? best.score[doc] : 0.0;
          masks[u] = best.mask[doc];
        }
      }
    });
    return [matched, values, masks];
  }

  var scores = new Float64Array(docCount);
  docs.forEach(function (doc) {
    var total = 0.0, count = 0;
    if (other.length) {
      var read = reading(doc);
      read[1].forEach(function (value) { total += value; });
      read[0].forEach(function (yes) { if (yes) count++; });
    } else { // most queries: the same sums without building a reading per document
      for (var u = 0; u < scored.length; u++) {
        if (scored[u].has[doc]) count++;
        total += scored[u].score[doc];
      }
    }
    var cover = count / units.length;
    scores[doc] = round6(total * cover * cover);
  });
  return docs
    .sort(function (a, b) { return scores[b] - scores[a] || a - b; })
    .slice(0, limit)
    .map(function (doc) {
      var read = reading(doc);
      return { doc: doc, score: scores[doc], matched: read[0], sections: bestSections(read[2]) };
    });
}

function bestSections(masks) {
  var cover = new Map();
  masks.forEach(function (mask) {
    for (var bit = 0; mask; bit++, mask >>>= 1) {
      if (mask & 1) cover.set(bit, (cover.get(bit) || 0) + 1);
    }
  });
  return Array.from(cover.keys())
    .sort(function (a, b) { return cover.get(b) - cover.get(a) || a - b; })
    .map(function (bit) { return [bit, cover.get(bit)]; });
}

api.rank = rank;
