// Parity driver: reads one JSON batch on stdin, answers every case with helpgen-hours.js, prints JSON.
// Input:  {schedules: [...], promises: [...], channels: [...], probes: [[zone, ms]...],
//          cases: [[scheduleIndex, ms, promiseIndex, channelIndex, visitorZone]...]}
// Output: {probes: [offsetMs...], cases: [[isOpen, nextChange, nextOpening, nextClosing, replyBy,
//          describeState, describeText]...], notices: [[holidayNotice, replyText, headline]...], ms: elapsed}
// Input may also carry strings (a language's browser texts) and notices: [[scheduleIndex, ms, channelIndex, [channelIndex...], visitorZone]...]
"use strict";
const path = require("path");
// HELPGEN_HOURS_JS points at another copy, to check that the parity test catches a planted bug.
const hours = require(process.env.HELPGEN_HOURS_JS ||
  path.join(__dirname, "..", "..", "themes", "helpcenter", "assets", "javascripts", "helpgen-hours.js"));

const chunks = [];
process.stdin.on("data", (chunk) => chunks.push(chunk));
process.stdin.on("end", () => {
  const batch = JSON.parse(Buffer.concat(chunks).toString("utf8"));
  const started = Date.now();
  const probes = batch.probes.map(([zone, ms]) => hours.offsetAt(zone, ms));
  const cases = batch.cases.map(([s, t, p, c, visitor]) => {
    const schedule = batch.schedules[s];
    const described = hours.describe(batch.channels[c], t, visitor, batch.strings);
    return [hours.isOpen(schedule, t), hours.nextChange(schedule, t), hours.nextOpening(schedule, t),
      hours.nextClosing(schedule, t), hours.replyBy(batch.promises[p], schedule, t),
      described.state, described.text];
  });
  // Notices on a share of the cases: [holidayNotice, replyText, headline over [name, channel] pairs].
  const notices = (batch.notices || []).map(([s, t, c, group, visitor]) => [
    hours.holidayNotice(batch.schedules[s], t, visitor, batch.strings),
    hours.replyText(batch.channels[c], t, visitor, batch.strings),
    hours.headline(group.map((i) => ["Channel " + i, batch.channels[i]]), t, visitor, batch.strings)]);
  process.stdout.write(JSON.stringify({probes, cases, notices, ms: Date.now() - started}));
});
