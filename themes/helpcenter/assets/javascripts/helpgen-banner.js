/* helpgen: the notices banner under the header, and the live support-status.json.
 *
 * Fetches the live file at every page view (never from a cache, within a few seconds, any failure
 * ignored: the page's own notices stand) and hands its valid notices to helpgen-status.js, which
 * redraws the statuses, reply times and contact notices with them and calls render() here with the
 * notices in effect. Notices are text, never markup (textContent). Each has a dismiss button; a
 * dismissed id stays dismissed in this browser only (localStorage, failures ignored), in the banner
 * only: the contact block keeps saying it. The region is a polite status region: a notice appearing
 * while the page is open is announced, the page's own notices as the page loads are not.
 */
(function () {
  "use strict";
  var region = document.querySelector("[data-hg-notices]");
  var status = window.HelpgenStatus, checks = window.HelpgenNotices;
  if (!region || !status || !checks) return;
  var STORE = "helpgen-dismissed-notices";
  var KEPT = 50; // the ids remembered, newest last: enough for a year of notices, bounded for a hostile file
  var TIMEOUT = 4000;
  var data = status.data;
  var dismissedHere = {}; // when storage is refused, a dismissal still holds until the page is left
  var shown = null; // what the banner shows now, to redraw (and announce) only on a change
  var current = [];

  function dismissed() {
    try {
      var ids = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(ids) ? ids.filter(function (id) { return typeof id === "string"; }) : [];
    } catch (e) {
      return [];
    }
  }

  function dismiss(id, button) {
    var ids = dismissed().filter(function (known) { return known !== id; }).concat([id]).slice(-KEPT);
    try {
      window.localStorage.setItem(STORE, JSON.stringify(ids));
    } catch (e) { /* storage off or full: for this page only */ }
    dismissedHere[id] = true;
    var buttons = Array.prototype.slice.call(region.querySelectorAll("button"));
    var at = buttons.indexOf(button), neighbour = buttons[at + 1] || buttons[at - 1];
    var keep = neighbour ? neighbour.getAttribute("data-hg-for") : null;
    render(current);
    // Keyboard users keep their place: the next notice's button, else the banner's own place on the page.
    var target = Array.prototype.filter.call(region.querySelectorAll("button"), function (other) {
      return other.getAttribute("data-hg-for") === keep;
    })[0];
    (target || region).focus();
  }

  function item(notice, index) {
    var box = document.createElement("div"), text = document.createElement("p"), button = document.createElement("button");
    box.className = "hg-notice";
    box.setAttribute("data-hg-notice", notice.id);
    text.className = "hg-notice__text";
    text.id = "hg-notice-text-" + index;
    text.textContent = notice.text;
    button.type = "button";
    button.className = "hg-notice__dismiss";
    button.setAttribute("aria-label", region.getAttribute("data-hg-dismiss-label") || "");
    button.setAttribute("aria-describedby", text.id);
    button.setAttribute("data-hg-for", notice.id);
    button.textContent = "\u00d7";
    button.addEventListener("click", function () { dismiss(notice.id, button); });
    box.appendChild(text);
    box.appendChild(button);
    return box;
  }

  /** The notices in effect (from helpgen-status.js), those dismissed here left out. */
  function render(inEffect) {
    current = inEffect;
    var gone = dismissed();
    var items = inEffect.filter(function (n) { return gone.indexOf(n.id) < 0 && !dismissedHere[n.id]; });
    var key = JSON.stringify(items.map(function (n) { return [n.id, n.text]; }));
    if (key === shown) return;
    var first = shown === null;
    shown = key;
    // The first drawing replaces the build's copy of the same notices: not news to announce.
    if (first) region.setAttribute("aria-live", "off");
    region.textContent = "";
    items.forEach(function (notice, index) { region.appendChild(item(notice, index)); });
    if (first) setTimeout(function () { region.setAttribute("aria-live", "polite"); }, 0);
  }

  function fetchLive() {
    var url = region.getAttribute("data-hg-live");
    if (!url || !window.fetch) return;
    var controller = window.AbortController ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT) : null;
    window.fetch(url, {cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer",
      signal: controller ? controller.signal : undefined})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (text) {
        if (text === null || text.length > data.limits.bytes) return;
        status.setLive(checks.liveNotices(JSON.parse(text), data.limits).map(function (notice) {
          return checks.localize(notice, data.language || "");
        }));
      })
      .catch(function () { /* offline, blocked, missing, not JSON: the page's own notices stand */ })
      .then(function () { clearTimeout(timer); });
  }

  region.setAttribute("tabindex", "-1");
  window.HelpgenBanner = {render: render};
  fetchLive();
  document.addEventListener("visibilitychange", function () { if (!document.hidden) fetchLive(); });
})();
