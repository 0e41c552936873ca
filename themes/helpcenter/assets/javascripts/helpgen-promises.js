/* helpgen-promises.js: when a message is answered, and the sentences a visitor reads about it.
 *
 * The browser's helpgen/hours/promises.py: its maths (reply_by_us, _day_closing, answer_us: "4 business
 * hours" counted over the company's hours) and its sentences (describe_us, when_text, _label, _zone_words:
 * "Closed · opens Monday 09:00", "Write now — reply by Tuesday 11:00 (17:00 Copenhagen time)"), working
 * on the JSON channel_payload bakes into pages. Like promises.py it stands on helpgen-schedule.js and
 * helpgen-notice-effects.js; tests/test_schedule_parity.py holds the two engines together and
 * docs/hours.md states the rules. helpgen-hours.js gathers the parts into HelpgenHours. No DOM access.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./helpgen-schedule.js"), require("./helpgen-notice-effects.js"));
  } else {
    var parts = root.HelpgenHoursParts = root.HelpgenHoursParts || {};
    parts.promises = factory(parts.schedule, parts.noticeEffects);
  }
})(typeof self !== "undefined" ? self : this, function (scheduleModule, effects) {
  "use strict";

  // What promises.py imports from schedule.py and notice_effects.py.
  var MINUTE = scheduleModule.MINUTE, DAY = scheduleModule.DAY, HORIZON_DAYS = scheduleModule.HORIZON_DAYS;
  var knownZone = scheduleModule.knownZone, offsetAt = scheduleModule.offsetAt;
  var localDay = scheduleModule.localDay, wallToInstant = scheduleModule.wallToInstant;
  var dateKey = scheduleModule.dateKey, weekday = scheduleModule.weekday;
  var dayIntervals = scheduleModule.dayIntervals, openPeriods = scheduleModule.openPeriods;
  var fastAnswer = scheduleModule.fastAnswer, isOpen = scheduleModule.isOpen;
  var nextChange = scheduleModule.nextChange;
  var openAt = effects.openAt, closedByNotice = effects.closedByNotice, nextChangeAt = effects.nextChangeAt;
  var promisesAt = effects.promisesAt, countingHours = effects.countingHours;

  // --- reply-by: when a message sent at an instant is answered ---------------------------------------

  /** Business day `day` closes when its last range ends, or later when a range of the next day starts
   *  right then and ends before that day is over (one evening shift); a next day open 00:00-24:00 is a
   *  business day of its own (_day_closing in promises.py). */
  function dayClosing(schedule, day, closing) {
    var nextDayEnd = wallToInstant(schedule.tz, (day + 2) * DAY);
    dayIntervals(schedule, day + 1).forEach(function (x) {
      if (x[0] === closing && x[1] < nextDayEnd) closing = x[1];
    });
    return closing;
  }

  /** When a message sent at t is answered; promise = {kind, amount} as in promise_to_json. */
  function replyBy(promise, schedule, t) {
    var kind = promise.kind, amount = promise.amount;
    if (kind === "calendar") return t + amount * MINUTE;
    var always = fastAnswer(schedule);
    if (kind === "immediate") return isOpen(schedule, t) ? t : nextChange(schedule, t);
    if (kind === "business_hours") {
      if (always !== null) return always ? t + amount * MINUTE : null;
      var left = amount * MINUTE;
      for (var p of openPeriods(schedule, t)) {
        var start = Math.max(p[0], t);
        if (left <= p[1] - start) return start + left;
        left -= p[1] - start;
      }
      return null;
    }
    if (kind === "business_days") {
      var counted = 0, first = localDay(schedule.tz, t) + 1;
      for (var day = first; day < first + HORIZON_DAYS; day++) {
        var intervals = dayIntervals(schedule, day);
        if (intervals.length) {
          counted += 1;
          if (counted === amount) {
            var last = Math.max.apply(null, intervals.map(function (x) { return x[1]; }));
            return dayClosing(schedule, day, last);
          }
        }
      }
      return null;
    }
    throw new Error("unknown promise kind " + kind);
  }

  // --- sentences -------------------------------------------------------------------------------------

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  // Every word comes from `strings`, the page language's texts (HelpgenI18n.strings; in Python the
  // browser_strings of helpgen.i18n): the same table and the same patterns on both sides.

  /** `{name}` placeholders filled as helpgen/i18n fill() does; strings = the page's table
   *  (HelpgenI18n.strings), with the holiday., status. and date. texts. */
  function text(strings, key, params) {
    return strings[key].replace(/\{([a-z_][a-z0-9_]*)\}/g, function (whole, name) {
      return String(params[name]);
    });
  }

  var PATTERN = /EEEE|MMMM|HH|H|mm|d|M|y/g;
  var WEEKDAY_NAMES = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

  /** A date or time pattern of the table (format.*): y M MMMM d EEEE HH H mm, as helpgen/i18n/formats.py.
   *  fields: {year, month (1-12), day, weekday (0 = Monday), minutes (after midnight)}. */
  function pattern(strings, template, fields) {
    return template.replace(PATTERN, function (token) {
      switch (token) {
        case "HH": return pad(Math.floor(fields.minutes / 60));
        case "H": return String(Math.floor(fields.minutes / 60));
        case "mm": return pad(fields.minutes % 60);
        case "EEEE": return strings["weekday." + WEEKDAY_NAMES[fields.weekday]];
        case "MMMM": return strings["month." + fields.month];
        case "d": return String(fields.day);
        case "M": return String(fields.month);
        default: return String(fields.year);
      }
    });
  }

  function clock(minutes, strings) { return pattern(strings, strings["format.clock"], {minutes: minutes}); }

  /** "Monday 09:00" within a week, "Monday 5 January 09:00" further off. */
  function dayAndTime(day, time, strings, week) {
    var date = new Date(day * DAY);
    var fields = {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(),
      weekday: weekday(day)};
    if (week) return text(strings, "status.on_day", {day: pattern(strings, "EEEE", fields), time: time});
    return text(strings, "status.on_date", {date: pattern(strings, strings["format.weekday_date"], fields), time: time});
  }

  /** [local day, minutes after its midnight], rounded up to the minute; with `end` midnight is minute
   *  1440 of the day before ("Tuesday 24:00", never "Wednesday 00:00"): _wall in promises.py. */
  function wall(zone, ms, end) {
    var local = Math.ceil((ms + offsetAt(zone, ms)) / MINUTE) * MINUTE;
    var day = Math.floor(local / DAY), minutes = Math.floor((local - day * DAY) / MINUTE);
    return end && minutes === 0 ? [day - 1, 1440] : [day, minutes];
  }

  /** "17:00", "tomorrow 09:00", "Monday 09:00", "Monday 5 January 09:00"; rounded up to the minute. */
  function label(zone, ms, now, strings, end) {
    var found = wall(zone, ms, end), day = found[0], minutes = found[1];
    var time = clock(minutes, strings);
    var ahead = day - localDay(zone, now);
    if (ahead <= 0) return time;
    if (ahead === 1) return text(strings, "status.tomorrow", {time: time});
    return dayAndTime(day, time, strings, ahead < 7);
  }

  /** The visitor's clock relative to their own day, then the company's naming its day; see Python. */
  function whenText(company, visitor, ms, now, strings, end) {
    var here = label(visitor, ms, now, strings, end);
    if (visitor === company || offsetAt(visitor, ms) === offsetAt(company, ms)) return here;
    return text(strings, "status.both_times", {here: here, there: echoLabel(company, visitor, ms, now, strings, end),
      zone: zoneWords(company, strings)});
  }

  function echoLabel(company, visitor, ms, now, strings, end) {
    var found = wall(company, ms, end), day = found[0], minutes = found[1];
    var time = clock(minutes, strings);
    if (day === wall(visitor, ms, end)[0]) return time;
    return dayAndTime(day, time, strings, Math.abs(day - localDay(company, now)) < 7);
  }

  function holidayOn(schedule, day) {
    var holiday = schedule.holidays && schedule.holidays[dateKey(day)];
    return holiday || null;
  }

  // The city as the page's language names it (CLDR's, baked into the page's strings for the zones it
  // shows: helpgen/i18n/zones.py), else the zone's own name.
  function zoneWords(zone, strings) {
    var city = zone.split("/").pop().replace(/_/g, " ");
    var cities = strings["zone.cities"] || {};
    return ["UTC", "UCT", "GMT", "UNIVERSAL", "ZULU"].indexOf(city.toUpperCase()) >= 0 ? "UTC"
      : text(strings, "status.zone_time", {city: cities[zone] || city});
  }

  /** {state: "open"|"closed", text} for one channel payload, in the visitor's zone and the language of
   *  `strings` (the page's texts, HelpgenI18n.strings). */
  function describe(channel, now, visitorZone, strings) {
    var availability = channel.availability, company = availability.tz;
    var visitor = visitorZone && knownZone(visitorZone) ? visitorZone : company;
    function when(ms, end) { return whenText(company, visitor, ms, now, strings, end); }
    var change = nextChangeAt(channel, now);
    if (!openAt(channel, now)) {
      // Closed by a notice, its text beside the status says why; it may fall on a holiday, but is not for it.
      var holiday = closedByNotice(channel, now) ? null : holidayOn(availability, localDay(company, now));
      var closed = holiday === null ? text(strings, "status.closed")
        : text(strings, "status.closed_holiday", {holiday: holiday.name});
      return {state: "closed", text: change === null ? closed
        : text(strings, "status.closed_opens", {closed: closed, when: when(change)})};
    }
    var found = answerOf(channel, now), promise = found.promise, answer = found.answer;
    // Reachable around the clock (email), what matters is when the answer comes, not a closing ahead.
    if (change !== null && (fastAnswer(availability) !== true || promise.kind === "immediate")) {
      return {state: "open", text: text(strings, "status.open_closes", {when: when(change, true)})};
    }
    if (promise.kind === "immediate") return {state: "open", text: text(strings, "status.open_always")};
    return {state: "open", text: answer === null ? text(strings, "status.write_now")
      : text(strings, "status.write_now_reply_by", {when: when(answer, true)})};
  }

  /** {open, received, promise, answer} for a message sent now: a closed line takes it when it next
   *  opens; of several promises in effect then, the slowest holds (answer_us in promises.py). */
  function answerOf(channel, now) {
    var open = openAt(channel, now);
    var received = open ? now : nextChangeAt(channel, now);
    var candidates = promisesAt(channel, received === null ? now : received);
    if (received === null) return {open: open, received: null, promise: candidates[0], answer: null};
    var best = null;
    candidates.forEach(function (promise) {
      var answer = replyBy(promise, countingHours(channel, promise), received);
      if (best === null || (best.answer !== null && (answer === null || answer > best.answer))) {
        best = {promise: promise, answer: answer};
      }
    });
    return {open: open, received: received, promise: best.promise, answer: best.answer};
  }

  return {
    replyBy: replyBy,
    text: text,
    pad: pad,
    wall: wall,
    whenText: whenText,
    holidayOn: holidayOn,
    zoneWords: zoneWords,
    describe: describe,
    answerOf: answerOf
  };
});
