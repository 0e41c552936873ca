/* search/text.js: the words of a text, as helpgen/search/text.py reads them (the browser never stems:
 * it looks words up in the index's surface-word table, see lexicon.js).
 * One part of helpgen-search.js, which helpgen builds from the files in this folder (worker.js says how).
 */
var HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
var WORD_RE = /[\p{L}\p{N}]+/gu;
var HAN_SPLIT_RE = new RegExp("([" + HAN + "]+)");
var HAN_RE = new RegExp("[" + HAN + "]");
var DIGIT_RE = /^\p{Nd}+$/u;
var STEM_MARK = "~";

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

/** Surface words in reading order; each Han run is one item. */
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

/** A stem without its language mark: "return~da" -> "return". */
function bareStem(stem) {
  var mark = stem.indexOf(STEM_MARK);
  return mark < 0 ? stem : stem.slice(0, mark);
}

function has(object, key) {
  return Object.prototype.hasOwnProperty.call(object, key);
}

api.words = words;
api.normalize = normalize;
api.compare = compare;
