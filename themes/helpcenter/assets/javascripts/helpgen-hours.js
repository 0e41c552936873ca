/* helpgen-hours.js: is a support channel open now, when does that change, when will a reply come.
 *
 * A line-by-line mirror of helpgen/hours/schedule.py and helpgen/hours/promises.py, working on the JSON they bake
 * into pages (channel_payload / schedule_to_json). tests/test_schedule_parity.py checks that both give
 * the same answers; docs/hours.md states the rules. No DOM access and no dependencies: in a browser it
 * defines the global HelpgenHours, in Node it is module.exports. Time zones come from Intl.
 *
 * Instants are epoch milliseconds. Wall-clock times are "local milliseconds": ms since 1970-01-01 00:00
 * on the zone's own clock. Local dates are days since 1970-01-01.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.HelpgenHours = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var SECOND = 1000;
  var MINUTE = 60 * SECOND;
  var DAY = 1440 * MINUTE;
  var HORIZON_DAYS = 366;
  var MAX_OFFSET = 18 * 60 * MINUTE; // real offsets stay within -12h..+14h
  var DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
  var MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];

  // --- zone offsets via Intl, cached per zone (formatToParts is the slow part) -----------------------

  var formatters = {};
  var offsets = {};

  function formatter(zone) {
    if (!formatters[zone]) {
      formatters[zone] = new Intl.DateTimeFormat("en-US", {
        timeZone: zone, hourCycle: "h23", year: "numeric", month: "numeric", day: "numeric",
        hour: "numeric", minute: "numeric", second: "numeric"
      });
    }
    return formatters[zone];
  }

  function knownZone(zone) {
    try {
      formatter(zone);
      return true;
    } catch (e) {
      return false;
    }
  }

  /** UTC offset (ms) in force at an instant. Transitions fall on whole seconds. */
  function offsetAt(zone, ms) {
    var second = Math.floor(ms / SECOND) * SECOND;
    var cache = offsets[zone] || (offsets[zone] = new Map());
    var known = cache.get(second);
    if (known !== undefined) return known;
    var fields = {};
    formatter(zone).formatToParts(new Date(second)).forEach(function (part) {
      fields[part.type] = part.value;
    });
    var wall = Date.UTC(+fields.year, +fields.month - 1, +fields.day, +fields.hour % 24,
      +fields.minute, +fields.second);
    if (cache.size > 20000) cache.clear();
    cache.set(second, wall - second);
    return wall - second;
  }

  function localDay(zone, ms) {
    return Math.floor((ms + offsetAt(zone, ms)) / DAY);
  }

  /** Wall time -> instant. Spring-forward gap: the first instant after it. Fall-back: first occurrence.
   *  Candidate offsets are those in force a day either side; one that round-trips is a real instant. */
  function wallToInstant(zone, wall) {
    var before = offsetAt(zone, wall - DAY);
    var after = offsetAt(zone, wall + DAY);
    var candidates = before === after ? [before] : [before, after];
    var found = null;
    candidates.forEach(function (off) {
      if (offsetAt(zone, wall - off) === off && (found === null || wall - off < found)) found = wall - off;
    });
    if (found !== null) return found;
    if (before === after) return wall - before;
    var low = Math.min(wall - after, wall - before);
    var high = Math.max(wall - after, wall - before);
    var lowOffset = offsetAt(zone, low);
    while (high - low > SECOND) { // bisect for the transition
      var middle = low + Math.floor((high - low) / SECOND / 2) * SECOND;
      if (offsetAt(zone, middle) === lowOffset) low = middle; else high = middle;
    }
    return high;
  }

  function dateKey(day) {
    return new Date(day * DAY).toISOString().slice(0, 10);
  }

  function weekday(day) { // Monday = 0; 1970-01-01 was a Thursday
    return (((day + 3) % 7) + 7) % 7;
  }

  // --- open periods ----------------------------------------------------------------------------------

  /** The ranges starting on a local date: the holiday's if it is one, else that weekday's. */
  function rangesOn(schedule, day) {
    var holiday = schedule.holidays && schedule.holidays[dateKey(day)];
    return holiday ? holiday.hours : schedule.week[weekday(day)];
  }

  function dayIntervals(schedule, day) {
    var result = [];
    rangesOn(schedule, day).forEach(function (range) {
      var start = wallToInstant(schedule.tz, day * DAY + range[0] * MINUTE);
      var end = wallToInstant(schedule.tz, (day + (range[1] <= range[0] ? 1 : 0)) * DAY + range[1] * MINUTE);
      if (end > start) result.push([start, end]);
    });
    result.sort(function (a, b) { return a[0] - b[0]; });
    return result;
  }

  /** Merged open periods [start, end, complete] ending after `since`; see open_periods() in Python. */
  function* openPeriods(schedule, since, days) {
    var first = localDay(schedule.tz, since) - 1;
    var current = null;
    for (var day = first; day < first + (days === undefined ? HORIZON_DAYS : days) + 2; day++) {
      if (current !== null && current[1] < day * DAY - MAX_OFFSET) {
        if (current[1] > since) yield [current[0], current[1], true];
        current = null;
      }
      var intervals = dayIntervals(schedule, day);
      for (var i = 0; i < intervals.length; i++) {
        var start = intervals[i][0], end = intervals[i][1];
        if (current !== null && start <= current[1]) {
          current[1] = Math.max(current[1], end); // touching or overlapping: no closing between
          continue;
        }
        if (current !== null && current[1] > since) yield [current[0], current[1], true];
        current = [start, end];
      }
    }
    if (current !== null && current[1] > since) yield [current[0], current[1], false];
  }

  function isAllDay(ranges) {
    return ranges.length === 1 && ranges[0][0] === 0 && ranges[0][1] === 1440;
  }

  /** true/false for schedules that never change (always / never open); null otherwise. */
  function fastAnswer(schedule) {
    var holidays = Object.keys(schedule.holidays || {});
    if (schedule.week.every(isAllDay) && holidays.length === 0) return true;
    if (schedule.week.every(function (d) { return d.length === 0; }) &&
        holidays.every(function (k) { return schedule.holidays[k].hours.length === 0; })) return false;
    return null;
  }

  function isOpen(schedule, t) {
    var fast = fastAnswer(schedule);
    if (fast !== null) return fast;
    var today = localDay(schedule.tz, t);
    for (var day = today - 1; day <= today; day++) {
      var intervals = dayIntervals(schedule, day);
      for (var i = 0; i < intervals.length; i++) {
        if (intervals[i][0] <= t && t < intervals[i][1]) return true;
      }
    }
    return false;
  }

  /** Next opening if closed at t, else next closing; null if none within HORIZON_DAYS. */
  function nextChange(schedule, t) {
    if (fastAnswer(schedule) !== null) return null;
    var period = openPeriods(schedule, t).next();
    if (period.done) return null;
    var p = period.value;
    if (p[0] > t) return p[0];
    return p[2] ? p[1] : null;
  }

  function nextOpening(schedule, t) {
    var change = nextChange(schedule, t);
    if (change !== null && isOpen(schedule, t)) change = nextChange(schedule, change);
    return change;
  }

  function nextClosing(schedule, t) {
    var change = nextChange(schedule, t);
    if (change !== null && !isOpen(schedule, t)) change = nextChange(schedule, change);
    return change;
  }

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

  /** "17:00", "tomorrow 09:00", "Monday 09:00", "Monday 5 January 09:00"; rounded up to the minute. */
  function label(zone, ms, now) {
    var local = Math.ceil((ms + offsetAt(zone, ms)) / MINUTE) * MINUTE;
    var day = Math.floor(local / DAY), minutes = Math.floor((local - day * DAY) / MINUTE);
    var time = pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60);
    var ahead = day - localDay(zone, now);
    if (ahead <= 0) return time;
    if (ahead === 1) return "tomorrow " + time;
    var date = new Date(day * DAY);
    if (ahead < 7) return DAY_NAMES[weekday(day)] + " " + time;
    return DAY_NAMES[weekday(day)] + " " + date.getUTCDate() + " " + MONTH_NAMES[date.getUTCMonth()] + " " + time;
  }

  function zoneWords(zone) {
    var city = zone.split("/").pop().replace(/_/g, " ");
    return ["UTC", "UCT", "GMT", "UNIVERSAL", "ZULU"].indexOf(city.toUpperCase()) >= 0 ? "UTC" : city + " time";
  }

  /** {state: "open"|"closed", text} for one channel payload, in the visitor's zone. */
  function describe(channel, now, visitorZone) {
    var availability = channel.availability, company = availability.tz;
    var visitor = visitorZone && knownZone(visitorZone) ? visitorZone : company;
    function when(ms) {
      var here = label(visitor, ms, now), there = label(company, ms, now);
      return here === there ? here : here + " (" + there + " " + zoneWords(company) + ")";
    }
    var change = nextChange(availability, now);
    if (!isOpen(availability, now)) {
      return {state: "closed", text: change === null ? "Closed" : "Closed \u00b7 opens " + when(change)};
    }
    if (change !== null) return {state: "open", text: "Open now \u00b7 closes " + when(change)};
    var response = channel.response;
    if (response.kind === "immediate") return {state: "open", text: "Open now \u00b7 24/7"};
    var answer = replyBy(response, channel.business || availability, now);
    return {state: "open", text: answer === null ? "Write now" : "Write now \u2014 reply by " + when(answer)};
  }

  return {
    isOpen: isOpen,
    nextChange: nextChange,
    nextOpening: nextOpening,
    nextClosing: nextClosing,
    replyBy: replyBy,
    describe: describe,
    // Lower-level pieces, exported for tests and for the widget's own formatting.
    offsetAt: offsetAt,
    wallToInstant: wallToInstant,
    localDay: localDay,
    openPeriods: openPeriods,
    HORIZON_DAYS: HORIZON_DAYS
  };
});
