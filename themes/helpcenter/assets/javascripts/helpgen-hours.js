/* helpgen-hours.js: is a support channel open now, when does that change, when will a reply come.
 *
 * The hours engine's one public face: in a browser the global HelpgenHours, in Node module.exports, the
 * same functions either way. Its rules live in four parts, each the mirror of one module of
 * helpgen/hours/, so the two engines read side by side:
 *
 *   helpgen-schedule.js         schedule.py        zone offsets, open periods, is open, next change
 *   helpgen-notice-effects.js   notice_effects.py  notice windows and what they do to a channel
 *                               + instants.py      (closed, another promise); notice times as written
 *   helpgen-promises.js         promises.py        reply-by, and the sentences: describe, when, labels
 *   helpgen-hours-today.js      notices.py         today's holiday, the next one, reply time, headline
 *
 * A part needs only those listed above it, as its Python module does: in Node it requires them; a page
 * loads them with plain <script> tags in this order, then this file (main.html), each part adding itself
 * to HelpgenHoursParts. This file only picks the public functions from the parts.
 * tests/test_schedule_parity.py and tests/test_notice_parity.py check that both engines give the same
 * answers; docs/hours.md and docs/notices.md state the rules. No DOM access.
 */
(function (root, factory) {
  "use strict";
  if (typeof module === "object" && module.exports) {
    module.exports = factory(require("./helpgen-schedule.js"), require("./helpgen-notice-effects.js"),
      require("./helpgen-promises.js"), require("./helpgen-hours-today.js"));
  } else {
    var parts = root.HelpgenHoursParts || {};
    root.HelpgenHours = factory(parts.schedule, parts.noticeEffects, parts.promises, parts.hoursToday);
  }
})(typeof self !== "undefined" ? self : this, function (schedule, effects, promises, today) {
  "use strict";

  return {
    withNotices: effects.withNotices,
    openAt: effects.openAt,
    nextChangeAt: effects.nextChangeAt,
    inEffect: effects.inEffect,
    mergeNotices: effects.mergeNotices,
    nextNoticeChange: effects.nextNoticeChange,
    readInstant: effects.readInstant,
    holidayNotice: today.holidayNotice,
    replyText: today.replyText,
    headline: today.headline,
    text: promises.text,
    zoneWords: promises.zoneWords,
    isOpen: schedule.isOpen,
    nextChange: schedule.nextChange,
    nextOpening: schedule.nextOpening,
    nextClosing: schedule.nextClosing,
    replyBy: promises.replyBy,
    describe: promises.describe,
    // Lower-level pieces, exported for tests and for the widget's own formatting.
    offsetAt: schedule.offsetAt,
    wallToInstant: schedule.wallToInstant,
    localDay: schedule.localDay,
    openPeriods: schedule.openPeriods,
    HORIZON_DAYS: schedule.HORIZON_DAYS
  };
});
