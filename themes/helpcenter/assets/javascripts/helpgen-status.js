/* helpgen: the live parts of every page, in the visitor's own time zone, from the payload baked at build
 * time: each [data-hg-channel]'s status ("Open now · closes 17:00") and reply time ("Reply by Monday
 * 17:00"), the header's channel ("Live chat · open now"), today's and the next holiday, and on the
 * contact page the holidays still to come and whose time the figures are in. Notices (support.yml's,
 * and the live support-status.json fetched at each view) change all of these while in effect, and
 * show in the banner (helpgen-banner.js) and beside the channels. Re-renders when a status changes. The
 * rules and sentences live in helpgen-hours.js (kept identical to the Python engine by the parity
 * test); texts that only a page shows come from the page itself (data-hg-template, {zone}).
 * Announces each render with a "helpgen:status" event (the no-results panel listens). */
(function () {
  "use strict";
  // A <script> element: articles cannot make one, so no article element can stand in for it.
  var source = document.querySelector('script#helpgen-hours-data[type="application/json"]');
  if (!source || !window.HelpgenHours) return;
  var data = JSON.parse(source.textContent);
  var hours = window.HelpgenHours;
  var strings = window.HelpgenI18n ? window.HelpgenI18n.strings : {}; // the page language's texts
  var zone; // the visitor's, found at the first render: Intl's first use is slow enough to delay start-up
  var timer = null;
  var live = []; // the live file's notices, once fetched (helpgen-banner.js)

  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }

  function show(el, text) {
    el.textContent = text || "";
    el.hidden = !text;
  }

  function notices() {
    return hours.mergeNotices(data.notices || [], live);
  }

  /** Each channel with what the notices change (closed windows, other promises), by id. */
  function shownChannels() {
    var all = notices(), shown = {};
    Object.keys(data.channels).forEach(function (id) {
      shown[id] = hours.withNotices(data.channels[id], id, all, data.hours);
    });
    return shown;
  }

  function channelsInOrder(shown) {
    return (data.order || Object.keys(data.channels)).map(function (id) {
      return [(data.links && data.links[id] && data.links[id].name) || id, shown[id], id];
    });
  }

  function renderChannels(now, shown, inEffect) {
    each("[data-hg-channel]", function (node) {
      var id = node.getAttribute("data-hg-channel");
      var channel = Object.prototype.hasOwnProperty.call(shown, id) ? shown[id] : null;
      if (!channel) return;
      var about = inEffect.filter(function (n) { return n.channels.indexOf(id) >= 0; });
      Array.prototype.forEach.call(node.querySelectorAll("[data-hg-channel-notice]"), function (target) {
        show(target, about.map(function (n) { return n.text; }).join(" "));
      });
      var status = hours.describe(channel, now, zone, strings);
      node.setAttribute("data-hg-state", status.state);
      Array.prototype.forEach.call(node.querySelectorAll("[data-hg-status]"), function (target) {
        target.textContent = status.text;
        target.setAttribute("data-state", status.state);
      });
      var reply = hours.replyText(channel, now, zone, strings);
      // "" when the status already gives the reply time (email: "Write now — reply by …").
      Array.prototype.forEach.call(node.querySelectorAll("[data-hg-reply]"), function (target) { show(target, reply); });
    });
  }

  function renderHeadline(now, shown) {
    var pairs = channelsInOrder(shown);
    var best = hours.headline(pairs.map(function (p) { return [p[0], p[1]]; }), now, zone, strings);
    each("[data-hg-headline]", function (link) {
      var target = link.querySelector("[data-hg-headline-text]");
      if (!target) return;
      target.textContent = best ? best.text : "";
      link.setAttribute("data-hg-state", best ? best.state : "");
    });
  }

  function renderHolidays(now) {
    if (!data.hours) return;
    var notice = hours.holidayNotice(data.hours, now, zone, strings);
    each("[data-hg-holiday-today]", function (el) { show(el, notice.today); });
    each("[data-hg-holiday-next]", function (el) { show(el, notice.next); });
    // The contact page's table: rows of holidays that have passed since the build go.
    var today = new Date(hours.localDay(data.hours.tz, now) * 86400000).toISOString().slice(0, 10);
    var left = 0, rows = document.querySelectorAll("[data-hg-holiday-date]");
    Array.prototype.forEach.call(rows, function (row) {
      row.hidden = row.getAttribute("data-hg-holiday-date") < today;
      if (!row.hidden) left += 1;
    });
    if (rows.length) {
      each(".hg-holidays", function (table) { table.hidden = left === 0; });
      each("[data-hg-no-holidays]", function (el) { el.hidden = left > 0; });
    }
  }

  function renderZoneNote(now) {
    var visitor = zone || data.timezone;
    var same = visitor === data.timezone || hours.offsetAt(visitor, now) === hours.offsetAt(data.timezone, now);
    each("[data-hg-visitor-zone]", function (el) {
      var template = el.getAttribute(same ? "data-hg-template-same" : "data-hg-template");
      if (template) show(el, template.replace("{zone}", hours.zoneWords(visitor, strings)));
    });
  }

  /** A list of notices as text: items replaced only when their texts change (no needless announcements). */
  function fill(list, items) {
    var texts = items.map(function (n) { return n.text; });
    if (list.getAttribute("data-hg-shown") !== JSON.stringify(texts)) {
      list.setAttribute("data-hg-shown", JSON.stringify(texts));
      list.textContent = "";
      texts.forEach(function (text) {
        var item = document.createElement("li");
        item.textContent = text;
        list.appendChild(item);
      });
    }
    list.hidden = !texts.length;
  }

  function render() {
    if (zone === undefined) {
      try { zone = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { zone = null; }
    }
    var now = Date.now(), shown = shownChannels(), all = notices();
    var inEffect = hours.inEffect(all, data.hours.tz, now);
    renderChannels(now, shown, inEffect);
    renderHeadline(now, shown);
    renderHolidays(now);
    renderZoneNote(now);
    each("[data-hg-notice-list]", function (list) {
      fill(list, inEffect.filter(function (n) { return !n.channels.length; }));
    });
    if (window.HelpgenBanner) window.HelpgenBanner.render(inEffect);
    var soonest = hours.nextNoticeChange(all, data.hours.tz, now);
    Object.keys(shown).forEach(function (id) {
      var change = hours.nextChangeAt(shown[id], now);
      if (change !== null && (soonest === null || change < soonest)) soonest = change;
    });
    document.dispatchEvent(new CustomEvent("helpgen:status"));
    // Re-render just after the next opening or closing, and at least every minute so that
    // "tomorrow", "reply by", today's holiday and rounded times stay true on a page left open.
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
  window.HelpgenStatus = {
    render: render,
    rendered: false,
    // helpgen-banner.js hands over the live file's notices (already checked and in the page's language).
    setLive: function (notices) { live = notices; render(); },
    // A channel as the page shows it now, with what the notices change, and their texts about it: for
    // the search's no-results panel, which draws its own list of channels.
    channel: function (id) {
      var now = Date.now(), all = notices();
      return {payload: hours.withNotices(data.channels[id], id, all, data.hours),
        notices: hours.inEffect(all, data.hours.tz, now).filter(function (n) { return n.channels.indexOf(id) >= 0; })
          .map(function (n) { return n.text; })};
    },
    data: data
  };
  document.addEventListener("helpgen:status", function () { window.HelpgenStatus.rendered = true; });
})();
