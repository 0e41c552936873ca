/* helpgen-notices.js: the live support-status.json as a visitor's browser takes it.
 *
 * The file is untrusted (anyone who can publish one static file writes it): every notice is checked
 * against the same schema and bounds as helpgen/hours/notice_schema.py (`limits` come from the page,
 * which has them from Python); a notice that fails any check is left out, the others stay; unknown
 * fields are ignored. tests/test_schedule_parity.py feeds both engines the same hostile files. Texts are
 * picked for the page's language as support.yml texts are (texts.py LocalText.get). No DOM access: in a
 * browser it defines HelpgenNotices, in Node it is module.exports.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./helpgen-hours.js"));
  } else {
    root.HelpgenNotices = factory(root.HelpgenHours);
  }
})(typeof self !== "undefined" ? self : this, function (hours) {
  "use strict";

  var NOTICE_ID = /^[a-z0-9][a-z0-9_-]*$/;
  var LANGUAGE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
  var PROMISE_WORDS = /^[A-Za-z0-9 ]{1,80}$/;
  var BLANK = /^[\s\ufeff]*$/;
  var HIDDEN = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  var UNITS = {minute: 1, minutes: 1, min: 1, mins: 1, hour: 60, hours: 60, day: 1440, days: 1440};
  var HORIZON_DAYS = 366;

  function own(object, key) { return Object.prototype.hasOwnProperty.call(object, key); }

  function isObject(value) { return value !== null && typeof value === "object" && !Array.isArray(value); }

  function absent(object, key) { return !own(object, key) || object[key] === null; }

  function validText(value, limits) {
    return typeof value === "string" && !BLANK.test(value) && Array.from(value).length <= limits.text &&
      !HIDDEN.test(value);
  }

  /** One text, or {code: text} in the writer's order; null if either is not acceptable. */
  function readText(value, limits) {
    if (typeof value === "string") return validText(value, limits) ? value : null;
    if (!isObject(value)) return null;
    var codes = Object.keys(value);
    if (!codes.length || codes.length > limits.languages) return null;
    var ok = codes.every(function (code) { return LANGUAGE.test(code) && validText(value[code], limits); });
    return ok ? value : null;
  }

  /** parse_promise of promises.py, for the few plain words a promise is: {kind, amount, text} or null. */
  function parsePromise(value) {
    if (typeof value !== "string" || !PROMISE_WORDS.test(value)) return null;
    var words = value.toLowerCase().split(/ +/).filter(Boolean).join(" ");
    if (words === "immediately" || words === "immediate") return {kind: "immediate", amount: 0, text: value};
    var m = /^(\d+) ?(business )?([a-z]+)$/.exec(words);
    if (!m || !own(UNITS, m[3])) return null;
    var amount = +m[1], business = !!m[2], unit = UNITS[m[3]];
    if (amount === 0) return null;
    if (business && unit === 1440 ? amount > HORIZON_DAYS : amount * unit > HORIZON_DAYS * 1440) return null;
    if (!business) return {kind: "calendar", amount: amount * unit, text: value};
    if (unit === 1) return null;
    if (unit === 60) return {kind: "business_hours", amount: amount * 60, text: value};
    return {kind: "business_days", amount: amount, text: value};
  }

  /** An instant with an offset, as written with a "T"; undefined if absent; null if not acceptable. */
  function readTime(value) {
    if (value === null || value === undefined) return undefined;
    var found = hours.readInstant(value);
    return found && found.offset !== null ? value.replace(" ", "T") : null;
  }

  function readChannels(value, limits) {
    if (value === null || value === undefined) return [];
    if (!Array.isArray(value) || !value.length || value.length > limits.channels) return null;
    var found = [];
    for (var i = 0; i < value.length; i++) {
      var id = value[i];
      if (typeof id !== "string" || !NOTICE_ID.test(id) || id.length > limits.id) return null;
      if (found.indexOf(id) < 0) found.push(id);
    }
    return found;
  }

  function readNotice(item, limits) {
    if (!isObject(item)) return null;
    var id = item.id;
    if (typeof id !== "string" || !NOTICE_ID.test(id) || id.length > limits.id) return null;
    var text = absent(item, "text") ? null : readText(item.text, limits);
    var from = readTime(item.from), until = readTime(item.until);
    var channels = readChannels(item.channels, limits);
    var closed = absent(item, "closed") ? false : item.closed;
    var response = absent(item, "response") ? undefined : parsePromise(item.response);
    if (text === null || from === null || until === null || channels === null || typeof closed !== "boolean" ||
        response === null || (closed && response)) return null;
    return {id: id, from: from || null, until: until || null, text: text, channels: channels, closed: closed,
      response: response || null};
  }

  /** The valid notices of a parsed support-status.json, in order; none if the file's shape is wrong. */
  function liveNotices(data, limits) {
    if (!isObject(data) || absent(data, "notices")) return [];
    var list = data.notices;
    if (!Array.isArray(list) || list.length > limits.notices) return [];
    var seen = {}, result = [];
    list.forEach(function (item) {
      var notice = readNotice(item, limits);
      if (notice && !own(seen, notice.id)) {
        seen[notice.id] = true;
        result.push(notice);
      }
    });
    return result;
  }

  /** A text in the page's language: its own, else its base language's, else the first one written. */
  function textFor(value, language) {
    if (typeof value === "string") return value;
    var candidates = [language, language.split("-")[0]];
    for (var i = 0; i < candidates.length; i++) {
      if (own(value, candidates[i])) return value[candidates[i]];
    }
    return value[Object.keys(value)[0]];
  }

  /** A live notice as the page's own notices are: its text in the page's language. */
  function localize(notice, language) {
    return Object.assign({}, notice, {text: textFor(notice.text, language)});
  }

  return {liveNotices: liveNotices, textFor: textFor, localize: localize, parsePromise: parsePromise};
});
