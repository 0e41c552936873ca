/* helpgen: fills every [data-hg-channel] status on the page ("Open now · closes 17:00") in the visitor's
 * own time zone, from the payload baked at build time, and re-renders when a status changes.
 * The rules live in helpgen-hours.js (kept identical to the Python engine by the parity test). */
(function () {
  "use strict";
  var source = document.getElementById("helpgen-hours-data");
  if (!source || !window.HelpgenHours || !window.HelpgenI18n) return;
  var data = JSON.parse(source.textContent);
  var hours = window.HelpgenHours;
  var zone; // the visitor's, found at the first render: Intl's first use is slow enough to delay start-up
  var timer = null;

  function render() {
    if (zone === undefined) {
      try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { zone = null; }
    }
    var now = Date.now();
    var soonest = null;
    var nodes = document.querySelectorAll("[data-hg-channel]");
    for (var i = 0; i < nodes.length; i++) {
      var channel = data.channels[nodes[i].getAttribute("data-hg-channel")];
      if (!channel) continue;
      var status = hours.describe(channel, now, zone, window.HelpgenI18n);
      nodes[i].setAttribute("data-hg-state", status.state);
      var targets = nodes[i].querySelectorAll("[data-hg-status]");
      for (var j = 0; j < targets.length; j++) {
        targets[j].textContent = status.text;
        targets[j].setAttribute("data-state", status.state);
      }
      var change = hours.nextChange(channel.availability, now);
      if (change !== null && (soonest === null || change < soonest)) soonest = change;
    }
    // Re-render just after the next opening or closing, and at least every minute so that
    // "tomorrow", "reply by" and rounded times stay true on a page left open.
    var wait = soonest === null ? 60000 : Math.min(60000, Math.max(250, soonest - now + 250));
    clearTimeout(timer);
    timer = setTimeout(render, wait);
  }

  // The page and its search come first: the status needs a few Intl formatters (tens of ms on a phone,
  // enough to hold up a search link's first results), so it is filled once the page has loaded and the
  // browser is idle, within a second at the latest.
  function whenIdle() {
    if (window.requestIdleCallback) window.requestIdleCallback(render, { timeout: 1000 });
    else setTimeout(render, 0);
  }
  if (document.readyState === "complete") whenIdle();
  else window.addEventListener("load", whenIdle);
  document.addEventListener("visibilitychange", function () { if (!document.hidden) render(); });
  window.HelpgenStatus = { render: render };
})();
