/* helpgen-hours-today.js: what a visitor reads beside the statuses at the moment they look: today's
 * holiday, the next one, when a message sent now is answered, and the one channel worth naming in the
 * header.
 *
 * The browser's helpgen/hours/notices.py (holiday_notice_us, reply_text_us, headline_us), working on
 * the JSON a page carries (status_payload). Not called helpgen-notices.js after it: that name is the
 * live support-status.json's reader (notice_schema.py, live_file.py). The top of the hours engine, on
 * helpgen-schedule.js, helpgen-notice-effects.js and helpgen-promises.js as notices.py is on theirs;
 * tests/test_schedule_parity.py holds the two engines together. helpgen-hours.js gathers the parts into
 * HelpgenHours. No DOM access.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./helpgen-schedule.js"), require("./helpgen-notice-effects.js"),
      require("./helpgen-promises.js"));
  } else {
    var parts = root.HelpgenHoursParts = root.HelpgenHoursParts || {};
    parts.hoursToday = factory(parts.schedule, parts.noticeEffects, parts.promises);
  }
})(typeof self !== "undefined" ? self : this, function (scheduleModule, effects, promises) {
  "use strict";

  // What notices.py imports from schedule.py, notice_effects.py and promises.py.
  var DAY = scheduleModule.DAY, localDay = scheduleModule.localDay, weekday = scheduleModule.weekday;
  var knownZone = scheduleModule.knownZone, dayIntervals = scheduleModule.dayIntervals;
  var nextChange = scheduleModule.nextChange, fastAnswer = scheduleModule.fastAnswer;
  var nextChangeAt = effects.nextChangeAt;
  var text = promises.text, pad = promises.pad, wall = promises.wall, whenText = promises.whenText;
  var holidayOn = promises.holidayOn, zoneWords = promises.zoneWords, answerOf = promises.answerOf;

  // --- notices: today's holiday, the next one, reply times, the header's channel (see notices.py) ----

  var WEEKDAY_KEYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
  var MONTH_KEYS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

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
    holidayNotice: holidayNotice,
    replyText: replyText,
    headline: headline
  };
});
