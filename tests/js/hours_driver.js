// Parity driver: reads one JSON batch on stdin, answers every case with the hours engine (helpgen-hours.js
// and its parts) and helpgen-notices.js, prints JSON.
// Input:  {schedules: [...], promises: [...], channels: [...], probes: [[zone, ms]...],
//          strings: {lang: that language's browser texts (browser_strings)},
//          cases: [[scheduleIndex, ms, promiseIndex, channelIndex, visitorZone, lang]...],
//          notices: [[scheduleIndex, ms, channelIndex, [channelIndex...], visitorZone, lang]...]}
//          withNotices: {sets: [[notice...]...], company: [hours...], cases: [[channelIndex, ms, setIndex,
//                        [channelIndex...], visitorZone, lang]...]},
//          live: {limits, files: [parsed support-status.json...], langs: [lang...]}}
// Output: {probes: [offsetMs...], cases: [[isOpen, nextChange, nextOpening, nextClosing, replyBy,
//          describeState, describeText]...], notices: [[holidayNotice, replyText, headline]...],
//          withNotices: [[describe, replyText, headline, idsInEffect, nextNoticeChange]...],
//          live: [[notice...]...], ms: elapsed}
// A channel i is called "c<i>" in notices' `channels`; its company hours are company[i].
"use strict";
const path = require("path");
// HELPGEN_SCRIPTS_DIR names another copy of the theme's scripts folder, to check that the parity tests
// catch a bug planted in any part of it (tests/test_parity_bites.py): each part requires its neighbours
// from its own folder, so the whole engine comes from the copy.
const scripts = process.env.HELPGEN_SCRIPTS_DIR ||
  path.join(__dirname, "..", "..", "themes", "helpcenter", "assets", "javascripts");
const hours = require(path.join(scripts, "helpgen-hours.js"));
const notices = require(path.join(scripts, "helpgen-notices.js"));

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const batch = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const started = Date.now();
  const probes = batch.probes.map(([zone, ms]) => hours.offsetAt(zone, ms));
  const cases = batch.cases.map(([s, t, p, c, visitor, lang]) => {
    const schedule = batch.schedules[s];
    const described = hours.describe(batch.channels[c], t, visitor, batch.strings[lang]);
    return [hours.isOpen(schedule, t), hours.nextChange(schedule, t), hours.nextOpening(schedule, t),
      hours.nextClosing(schedule, t), hours.replyBy(batch.promises[p], schedule, t),
      described.state, described.text];
  });
  // Notices on a share of the cases: [holidayNotice, replyText, headline over [name, channel] pairs].
  const noticeTexts = (batch.notices || []).map(([s, t, c, group, visitor, lang]) => [
    hours.holidayNotice(batch.schedules[s], t, visitor, batch.strings[lang]),
    hours.replyText(batch.channels[c], t, visitor, batch.strings[lang]),
    hours.headline(group.map((i) => ["Channel " + i, batch.channels[i]]), t, visitor, batch.strings[lang])]);
  // Notices changing the maths: each channel of a case with the case's notices, as helpgen-status.js does.
  const set = batch.withNotices || {sets: [], company: [], cases: []};
  const shown = (i, k) => hours.withNotices(batch.channels[i], "c" + i, set.sets[k], set.company[i]);
  const withNotices = set.cases.map(([c, t, k, group, visitor, lang]) => {
    const strings = batch.strings[lang], zone = set.company[c].tz;
    return [hours.describe(shown(c, k), t, visitor, strings), hours.replyText(shown(c, k), t, visitor, strings),
      hours.headline(group.map((i) => ["Channel " + i, shown(i, k)]), t, visitor, strings),
      hours.inEffect(set.sets[k], zone, t).map((n) => n.id), hours.nextNoticeChange(set.sets[k], zone, t)];
  });
  const live = batch.live ? batch.live.files.map((file, i) =>
    notices.liveNotices(file, batch.live.limits).map((n) => notices.localize(n, batch.live.langs[i]))) : [];
  process.stdout.write(JSON.stringify({probes, cases, notices: noticeTexts, withNotices, live, ms: Date.now() - started}));
});
