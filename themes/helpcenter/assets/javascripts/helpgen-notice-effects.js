/* helpgen-notice-effects.js: what notices do to a channel at an instant, and when a notice starts and ends.
 *
 * The browser's helpgen/hours/notice_effects.py (with_notices, open_at, next_change_at, promises_at …)
 * and instants.py (read_instant, instant_us: one grammar for "2026-12-20 00:00" in company time and
 * "2026-12-03T10:00:00+01:00"), working on the JSON a page carries (channel_payload, Notice.payload).
 * The two Python modules are one step of the maths, so they are one file here. Above helpgen-schedule.js
 * and below helpgen-promises.js, as in Python; tests/test_notice_parity.py holds them together and
 * docs/notices.md states the rules. helpgen-hours.js gathers the parts into HelpgenHours. No DOM access.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./helpgen-schedule.js"));
  } else {
    var parts = root.HelpgenHoursParts = root.HelpgenHoursParts || {};
    parts.noticeEffects = factory(parts.schedule);
  }
})(typeof self !== "undefined" ? self : this, function (scheduleModule) {
  "use strict";

  // What notice_effects.py and instants.py import from schedule.py.
  var SECOND = scheduleModule.SECOND, MINUTE = scheduleModule.MINUTE, DAY = scheduleModule.DAY;
  var HORIZON_DAYS = scheduleModule.HORIZON_DAYS, wallToInstant = scheduleModule.wallToInstant;
  var openPeriods = scheduleModule.openPeriods, fastAnswer = scheduleModule.fastAnswer;
  var isOpen = scheduleModule.isOpen, nextChange = scheduleModule.nextChange;

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

  return {
    readInstant: readInstant,
    inEffect: inEffect,
    mergeNotices: mergeNotices,
    nextNoticeChange: nextNoticeChange,
    withNotices: withNotices,
    closedByNotice: closedByNotice,
    openAt: openAt,
    nextChangeAt: nextChangeAt,
    promisesAt: promisesAt,
    countingHours: countingHours
  };
});
