/* helpgen-hours.js: is a support channel open now, when does that change, when will a reply come.
 *
 * A line-by-line mirror of helpgen/hours/schedule.py and helpgen/hours/promises.py, working on the JSON they bake
 * into pages (channel_payload / schedule_to_json), and of notice_effects.py and instants.py for what
 * notices change. tests/test_schedule_parity.py and tests/test_notice_parity.py check that both give
 * the same answers; docs/hours.md and docs/notices.md state the rules. No DOM access and no dependencies: in a browser it
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

  // Every word comes from `strings`, the page language's texts (HelpgenI18n.strings; in Python the
  // browser_strings of helpgen.i18n): the same table and the same patterns on both sides.

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

  // --- notices: closed windows and other promises (notice_effects.py, instants.py) ------------------

  var INSTANT = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:\d{2})?$/;

  /** A notice time as written -> {wall, offset (minutes; null for company time)}, or null if invalid. */
  function readInstant(value) {
    var m = typeof value === "string" ? INSTANT.exec(value) : null;
    if (!m) return null;
    var year = +m[1], month = +m[2], day = +m[3], hour = +m[4], minute = +m[5];
    var second = +(m[6] || 0), millis = +((m[7] || "0") + "00").slice(0, 3);
    if (year < 1900 || year > 2200) return null;
    if (month < 1 || month > 12 || day < 1 || day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
    if (minute > 59 || second > 59 || hour > 24 || (hour === 24 && (minute || second || millis))) return null;
    var offset = null, zone = m[8];
    if (zone === "Z") offset = 0;
    else if (zone) {
      var minutes = +zone.slice(4, 6);
      offset = (+zone.slice(1, 3) * 60 + minutes) * (zone[0] === "-" ? -1 : 1);
      if (minutes > 59 || Math.abs(offset) > 18 * 60) return null;
    }
    return {wall: Date.UTC(year, month - 1, day) + (hour * 60 + minute) * MINUTE + second * SECOND + millis,
      offset: offset};
  }

  function instantOf(value, zone) {
    var found = readInstant(value);
    return found.offset === null ? wallToInstant(zone, found.wall) : found.wall - found.offset * MINUTE;
  }

  /** [start, end) of a notice; an open end is ±Infinity. */
  function noticeWindow(notice, zone) {
    return [notice.from ? instantOf(notice.from, zone) : -Infinity, notice.until ? instantOf(notice.until, zone) : Infinity];
  }

  function inEffect(notices, zone, t) {
    return notices.filter(function (n) { var w = noticeWindow(n, zone); return w[0] <= t && t < w[1]; });
  }

  /** support.yml's notices, then the live file's; a live notice replaces a scheduled one of its id. */
  function mergeNotices(scheduled, live) {
    var byId = {};
    live.forEach(function (n) { byId[n.id] = n; });
    var result = scheduled.map(function (n) {
      if (!Object.prototype.hasOwnProperty.call(byId, n.id)) return n;
      var replacing = byId[n.id];
      delete byId[n.id];
      return replacing;
    });
    return result.concat(live.filter(function (n) { return Object.prototype.hasOwnProperty.call(byId, n.id); }));
  }

  /** The first start or end of a notice after t: the page shows or hides it then. */
  function nextNoticeChange(notices, zone, t) {
    var soonest = null;
    notices.forEach(function (n) {
      noticeWindow(n, zone).forEach(function (edge) {
        if (t < edge && edge < Infinity && (soonest === null || edge < soonest)) soonest = edge;
      });
    });
    return soonest;
  }

  function concerning(notices, id) {
    return notices.filter(function (n) { return !n.channels.length || n.channels.indexOf(id) >= 0; });
  }

  /** The channel with what its notices change: closures, overrides, company hours (with_notices). */
  function withNotices(channel, id, notices, company) {
    var zone = company.tz, mine = concerning(notices, id), closures = [];
    mine.filter(function (n) { return n.closed; }).map(function (n) { return noticeWindow(n, zone); })
      .sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; })
      .forEach(function (w) {
        if (w[0] >= w[1]) return;
        var last = closures[closures.length - 1];
        if (last && w[0] <= last[1]) last[1] = Math.max(last[1], w[1]);
        else closures.push([w[0], w[1]]);
      });
    var overrides = mine.filter(function (n) { return n.response && !n.closed; }).map(function (n) {
      return noticeWindow(n, zone).concat([n.response]);
    });
    return Object.assign({}, channel, {closures: closures, overrides: overrides, company: company});
  }

  function closedByNotice(channel, t) {
    return (channel.closures || []).some(function (c) { return c[0] <= t && t < c[1]; });
  }

  function openAt(channel, t) {
    return isOpen(channel.availability, t) && !closedByNotice(channel, t);
  }

  /** Open periods [start, end, complete] ending after `since`, closures cut out (_open_pieces). */
  function* openPieces(channel, since) {
    var fast = fastAnswer(channel.availability);
    if (fast === false) return;
    var periods = fast ? [[since, since + (HORIZON_DAYS + 1) * DAY, false]] : openPeriods(channel.availability, since);
    for (var p of periods) {
      var current = p[0], end = p[1];
      for (var i = 0; i < channel.closures.length; i++) {
        var from = channel.closures[i][0], until = channel.closures[i][1];
        if (until <= current || from >= end) continue;
        if (from > current && from > since) yield [current, from, true];
        current = until;
        if (current >= end) break;
      }
      if (current < end) yield [current, end, p[2]];
    }
  }

  function nextChangeAt(channel, t) {
    if (!(channel.closures && channel.closures.length)) return nextChange(channel.availability, t);
    for (var piece of openPieces(channel, t)) {
      if (piece[0] > t) return piece[0];
      return piece[2] ? piece[1] : null;
    }
    return null;
  }

  function promisesAt(channel, t) {
    var found = (channel.overrides || []).filter(function (o) { return o[0] <= t && t < o[1]; })
      .map(function (o) { return o[2]; });
    return found.length ? found : [channel.response];
  }

  function countingHours(channel, promise) {
    if (promise.kind.indexOf("business") === 0) return channel.business || channel.company || channel.availability;
    return channel.availability;
  }

  // --- notices: today's holiday, the next one, reply times, the header's channel (see notices.py) ----

  var WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  var MONTH_KEYS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

  /** `{name}` placeholders filled as helpgen/i18n fill() does; strings = the page's table
   *  (HelpgenI18n.strings), with the holiday., status. and date. texts. */
  function text(strings, key, params) {
    return strings[key].replace(/\{([a-z_][a-z0-9_]*)\}/g, function (whole, name) {
      return String(params[name]);
    });
  }

  function longDate(day, strings) {
    var date = new Date(day * DAY);
    return text(strings, "date.long", {weekday: strings["date." + WEEKDAY_KEYS[weekday(day)]],
      day: String(date.getUTCDate()), month: strings["date." + MONTH_KEYS[date.getUTCMonth()]]});
  }

  function visitorOf(company, visitorZone) {
    return visitorZone && knownZone(visitorZone) ? visitorZone : company;
  }

  function hhmm(minutes) { return pad(Math.floor(minutes / 60)) + ":" + pad(minutes % 60); }

  function dayOfKey(key) { return Math.round(Date.parse(key + "T00:00:00Z") / DAY); }

  /** {today, next} for the support hours: today's holiday in the company's calendar and the next one. */
  function holidayNotice(hours, now, visitorZone, strings) {
    var company = hours.tz, visitor = visitorOf(company, visitorZone);
    var today = localDay(company, now), visitorToday = localDay(visitor, now);
    var notice = {today: null, next: null};
    var holiday = holidayOn(hours, today);
    if (holiday !== null) {
      var ends = dayIntervals(hours, today).map(function (x) { return x[1]; });
      var last = ends.length ? Math.max.apply(null, ends) : null;
      var closing = last !== null && last > now ? nextChange(hours, last - 1) : null;
      if (closing !== null) {
        var sameDay = wall(visitor, closing, true)[0] === visitorToday; // a closing at midnight ends today
        notice.today = text(strings, sameDay ? "holiday.open_until_today" : "holiday.open_until",
          {time: whenText(company, visitor, closing, now, strings, true), holiday: holiday.name});
      } else if (today === visitorToday) {
        notice.today = text(strings, "holiday.closed_today", {holiday: holiday.name});
      } else {
        notice.today = text(strings, "holiday.closed_on", {date: longDate(today, strings), holiday: holiday.name});
      }
    }
    var upcoming = Object.keys(hours.holidays || {}).filter(function (key) { return dayOfKey(key) > today; }).sort();
    if (upcoming.length) {
      var first = hours.holidays[upcoming[0]], day = dayOfKey(upcoming[0]);
      if (first.hours.length) {
        var ranges = first.hours.map(function (r) { return hhmm(r[0]) + "\u2013" + hhmm(r[1]); }).join(", ");
        notice.next = text(strings, "holiday.next_hours",
          {holiday: first.name, date: longDate(day, strings), hours: ranges, zone: zoneWords(company, strings)});
      } else {
        notice.next = text(strings, "holiday.next_closed", {holiday: first.name, date: longDate(day, strings)});
      }
    }
    return notice;
  }

  function replyText(channel, now, visitorZone, strings) {
    var found = answerOf(channel, now);
    if (found.promise.kind === "immediate") return text(strings, "status.answered_live");
    if (found.open && fastAnswer(channel.availability) === true) return ""; // its status says "Write now — reply by …"
    if (found.answer === null) return "";
    var company = channel.availability.tz;
    return text(strings, "status.reply_by",
      {time: whenText(company, visitorOf(company, visitorZone), found.answer, now, strings, true)});
  }

  /** The header's channel from [name, payload] pairs in support.yml's order; see headline() in Python. */
  function headline(channels, now, visitorZone, strings) {
    var best = null;
    channels.forEach(function (pair, index) {
      var channel = pair[1], found = answerOf(channel, now), kind = found.promise.kind;
      var rank, time;
      if (found.open && (kind === "immediate" || kind === "calendar")) {
        rank = 0; time = found.answer !== null ? found.answer : now;
      } else if (found.open) {
        rank = 1; time = found.answer;
      } else {
        rank = 2; time = nextChangeAt(channel, now);
      }
      var key = [rank, time === null ? 1 : 0, time || 0, index];
      if (best === null || key[0] < best[0] || (key[0] === best[0] && (key[1] < best[1] ||
          (key[1] === best[1] && (key[2] < best[2] || (key[2] === best[2] && key[3] < best[3])))))) best = key;
    });
    if (best === null) return null;
    var name = channels[best[3]][0], chosen = channels[best[3]][1];
    var company = chosen.availability.tz, visitor = visitorOf(company, visitorZone);
    if (best[0] === 0) return {index: best[3], state: "open", text: text(strings, "status.headline_open", {channel: name})};
    if (best[1] === 1) return {index: best[3], state: "closed", text: text(strings, "status.headline_closed", {channel: name})};
    return {index: best[3], state: best[0] === 1 ? "open" : "closed",
      text: text(strings, best[0] === 1 ? "status.headline_reply" : "status.headline_opens",
        {channel: name, time: whenText(company, visitor, best[2], now, strings, best[0] === 1)})};
  }

  return {
    withNotices: withNotices,
    openAt: openAt,
    nextChangeAt: nextChangeAt,
    inEffect: inEffect,
    mergeNotices: mergeNotices,
    nextNoticeChange: nextNoticeChange,
    readInstant: readInstant,
    holidayNotice: holidayNotice,
    replyText: replyText,
    headline: headline,
    text: text,
    zoneWords: zoneWords,
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
