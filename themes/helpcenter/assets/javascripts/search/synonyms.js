/* search/synonyms.js: what synonyms.yml says the query's words also mean; helpgen/search/synonyms.py
 * (query time). The build put each source term's entries in the chunk of each form of its first word,
 * so they came with the word's own chunk: [[following words' forms…], [targets as stems…]].
 */
var SYNONYM_WEIGHT = 0.8;

function Alternative(start, end, units) {
  this.start = start;
  this.end = end;
  this.units = units;
}

function applySynonyms(units, lexicon) {
  var alternatives = [];
  var i = 0;
  while (i < units.length) {
    var match = matchSynonym(units, i, lexicon);
    if (!match.targets.length) { i++; continue; }
    match.targets.forEach(function (phrase) {
      var targets = phrase.map(function (stems) {
        var unit = new Unit(stems.join(" "), false);
        stems.forEach(function (s) { unit.stems[s] = SYNONYM_WEIGHT; });
        return unit;
      });
      if (match.end - i === 1 && targets.length === 1) mergeSynonym(units[i], targets[0]);
      else alternatives.push(new Alternative(i, match.end, targets));
    });
    i = match.end;
  }
  return alternatives;
}

function matchSynonym(units, i, lexicon) {
  var unit = units[i];
  if (unit.han) {
    var targets = [];
    if (unit.synonym) {
      lexicon.synonyms(unit.synonym).forEach(function (entry) {
        if (!entry[0].length) targets.push.apply(targets, entry[1]);
      });
    }
    return { end: i + 1, targets: targets };
  }
  var best = { end: i, targets: [] };
  lexicon.synonyms(unit.text).forEach(function (entry) {
    var rest = entry[0], last = i + 1 + rest.length;
    if (last > units.length) return;
    for (var k = 0; k < rest.length; k++) {
      var next = units[i + 1 + k];
      if (next.han || rest[k].indexOf(next.text) < 0) return;
    }
    if (last > best.end) best = { end: last, targets: entry[1].slice() };
    else if (last === best.end) best.targets.push.apply(best.targets, entry[1]);
  });
  return best;
}

function mergeSynonym(unit, target) {
  var family = "=" + unit.text;
  Object.keys(unit.stems).forEach(function (s) {
    if (unit.stems[s] === EXACT_WEIGHT) unit.family[s] = family;
  });
  Object.keys(target.stems).forEach(function (s) {
    if ((has(unit.stems, s) ? unit.stems[s] : 0) < SYNONYM_WEIGHT) {
      unit.stems[s] = SYNONYM_WEIGHT;
      unit.family[s] = family;
    }
  });
}
