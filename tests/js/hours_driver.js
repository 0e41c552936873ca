// Parity driver: reads one JSON batch on stdin, answers every case with helpgen-hours.js, prints JSON.
// Input:  {schedules: [...], promises: [...], channels: [...], probes: [[zone, ms]...],
//          strings: {lang: the page's strings (browser_strings)}, cases: [[scheduleIndex, ms, promiseIndex,
//          channelIndex, visitorZone, lang]...]}
// Output: {probes: [offsetMs...], cases: [[isOpen, nextChange, nextOpening, nextClosing, replyBy,
//          describeState, describeText]...], ms: elapsed}
"use strict";
const path = require("path");
// HELPGEN_HOURS_JS points at another copy, to check that the parity test catches a planted bug.
const scripts = path.join(__dirname, "..", "..", "themes", "helpcenter", "assets", "javascripts");
const hours = require(process.env.HELPGEN_HOURS_JS || path.join(scripts, "helpgen-hours.js"));
const i18n = require(path.join(scripts, "helpgen-i18n.js"));

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const batch = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const started = Date.now();
  const probes = batch.probes.map(([zone, ms]) => hours.offsetAt(zone, ms));
  const texts = Object.fromEntries(Object.entries(batch.strings).map(([lang, strings]) => [lang, i18n.create(strings)]));
  const cases = batch.cases.map(([s, t, p, c, visitor, lang]) => {
    const schedule = batch.schedules[s];
    const described = hours.describe(batch.channels[c], t, visitor, texts[lang]);
    return [hours.isOpen(schedule, t), hours.nextChange(schedule, t), hours.nextOpening(schedule, t),
      hours.nextClosing(schedule, t), hours.replyBy(batch.promises[p], schedule, t),
      described.state, described.text];
  });
  process.stdout.write(JSON.stringify({probes, cases, ms: Date.now() - started}));
});
