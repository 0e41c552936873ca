/* helpgen-schedule.js: is a schedule open at an instant, and when does that change.
 *
 * The browser's helpgen/hours/schedule.py, function for function (offset_at, local_day, wall_to_us,
 * _day_intervals, open_periods, is_open, next_change …), working on the JSON schedule_to_json bakes into
 * pages. One file per Python module, so a rule changed in one engine is found at once in the other;
 * tests/test_schedule_parity.py holds the two together and docs/hours.md states the rules. The bottom
 * part of the hours engine: it needs nothing, and helpgen-hours.js gathers it with the others into
 * HelpgenHours. No DOM access; time zones come from Intl.
 *
 * Instants are epoch milliseconds. Wall-clock times are "local milliseconds": ms since 1970-01-01 00:00
 * on the zone's own clock. Local dates are days since 1970-01-01.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory();
  } else {
    (root.HelpgenHoursParts = root.HelpgenHoursParts || {}).schedule = factory();
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var SECOND = 1000;
  var MINUTE = 60 * SECOND;
  var DAY = 1440 * MINUTE;
  var HORIZON_DAYS = 366;
  var MAX_OFFSET = 18 * 60 * MINUTE; // real offsets stay within -12h..+14h

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

  return {
    SECOND: SECOND,
    MINUTE: MINUTE,
    DAY: DAY,
    HORIZON_DAYS: HORIZON_DAYS,
    knownZone: knownZone,
    offsetAt: offsetAt,
    localDay: localDay,
    wallToInstant: wallToInstant,
    dateKey: dateKey,
    weekday: weekday,
    dayIntervals: dayIntervals,
    openPeriods: openPeriods,
    fastAnswer: fastAnswer,
    isOpen: isOpen,
    nextChange: nextChange,
    nextOpening: nextOpening,
    nextClosing: nextClosing
  };
});
