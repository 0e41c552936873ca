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
    var change = nextChange(availability, now);
    if (!isOpen(availability, now)) {
      var holiday = holidayOn(availability, localDay(company, now));
      var closed = holiday === null ? text(strings, "status.closed")
        : text(strings, "status.closed_holiday", {holiday: holiday.name});
      return {state: "closed", text: change === null ? closed
        : text(strings, "status.closed_opens", {closed: closed, when: when(change)})};
    }
    if (change !== null) return {state: "open", text: text(strings, "status.open_closes", {when: when(change, true)})};
    var response = channel.response;
    if (response.kind === "immediate") return {state: "open", text: text(strings, "status.open_always")};
    var answer = replyBy(response, channel.business || availability, now);
    return {state: "open", text: answer === null ? text(strings, "status.write_now")
      : text(strings, "status.write_now_reply_by", {when: when(answer, true)})};
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

  /** [open now, when a message sent now is answered]: a closed line takes it when it next opens. */
  function answerOf(channel, now) {
    var availability = channel.availability, response = channel.response;
    var openNow = isOpen(availability, now);
    var received = openNow ? now : nextChange(availability, now);
    if (received === null) return [openNow, null];
    return [openNow, replyBy(response, channel.business || availability, received)];
  }

  function replyText(channel, now, visitorZone, strings) {
    if (channel.response.kind === "immediate") return text(strings, "status.answered_live");
    if (fastAnswer(channel.availability) === true) return ""; // its status says "Write now — reply by …"
    var company = channel.availability.tz;
    var answer = answerOf(channel, now)[1];
    if (answer === null) return "";
    return text(strings, "status.reply_by",
      {time: whenText(company, visitorOf(company, visitorZone), answer, now, strings, true)});
  }

  /** The header's channel from [name, payload] pairs in support.yml's order; see headline() in Python. */
  function headline(channels, now, visitorZone, strings) {
    var best = null;
    channels.forEach(function (pair, index) {
      var channel = pair[1], found = answerOf(channel, now), openNow = found[0], answer = found[1];
      var rank, time;
      if (openNow && (channel.response.kind === "immediate" || channel.response.kind === "calendar")) {
        rank = 0; time = answer !== null ? answer : now;
      } else if (openNow) {
        rank = 1; time = answer;
      } else {
        rank = 2; time = nextChange(channel.availability, now);
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
