/* helpgen-search-ui.js: no dead ends, and a search box where the visitor expects one.
 *
 * 1. When a search finds nothing, the results panel offers the contact channels: name, link, live
 *    status and reply time, computed here from the page's payload (helpgen-hours-data) with
 *    helpgen-hours.js, so it never waits for, or copies, the page's own status. It is added for every
 *    zero-result answer however the search started (typed, a ?q= link, a slow index): Material writes
 *    "No matching documents" into the result meta and empties the list; this script checks on every
 *    change of either, on every keystroke, and once at start, and adds one list item of its own.
 *    Material empties the list again on the next result, which removes it. Its links take part in
 *    Material's arrow-key navigation. Everything is built with textContent: nothing is parsed as HTML.
 * 2. The home page's (and the 404 page's) search form opens Material's search with what was typed,
 *    the caret where it was; without JavaScript the form is a search link (/?q=…).
 */
(function () {
  "use strict";

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  function json(id) {
    // <script> elements only: articles cannot make one, so no article element can stand in for the data.
    var el = document.querySelector('script[type="application/json"]#' + id);
    return el ? JSON.parse(el.textContent) : null;
  }

  var payload = json("helpgen-hours-data");
  var i18n = window.HelpgenI18n;

  function visitorZone() {
    try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { return null; }
  }

  function channelItem(id, now, zone) {
    var link = payload.links[id], channel = payload.channels[id], hours = window.HelpgenHours;
    var item = element("li", "hg-search-fallback__channel");
    item.setAttribute("data-hg-fallback-channel", id);
    if (link.href && /^(https?:|mailto:|tel:)/i.test(link.href)) {  // support.yml's kinds (security/urls.py)
      var a = element("a", "hg-search-fallback__link", link.name);
      a.href = link.href;
      item.appendChild(a);
      if (link.label !== link.name) item.appendChild(element("span", "hg-search-fallback__label", link.label));
    } else {
      item.appendChild(element("strong", "hg-search-fallback__link", link.name));
    }
    // With the notices in effect (helpgen-status.js): a line closed by one says so here too.
    var noticed = channel && window.HelpgenStatus && window.HelpgenStatus.channel ? window.HelpgenStatus.channel(id) : null;
    if (noticed) channel = noticed.payload;
    if (hours && channel) {
      var status = hours.describe(channel, now, zone, i18n.strings);
      var shown = element("span", "hg-search-fallback__status hg-channel__status", status.text);
      shown.setAttribute("data-state", status.state);
      item.appendChild(shown);
      if (noticed && noticed.notices.length) {
        item.appendChild(element("span", "hg-search-fallback__notice hg-channel__notice", noticed.notices.join(" ")));
      }
      var reply = hours.replyText(channel, now, zone, i18n.strings);
      if (reply) item.appendChild(element("span", "hg-search-fallback__response", reply));
    }
    return item;
  }

  function fallback(query) {
    if (!payload || !payload.order || !payload.order.length || !i18n) return null;
    var now = Date.now(), zone = visitorZone();
    var box = element("li", "hg-search-fallback");
    box.setAttribute("data-hg-search-fallback", "");
    box.setAttribute("data-hg-query", query);
    box.appendChild(element("p", "hg-search-fallback__title", i18n.t("search.no_results", { query: query })));
    var list = element("ul", "hg-search-fallback__channels");
    payload.order.forEach(function (id) { list.appendChild(channelItem(id, now, zone)); });
    box.appendChild(list);
    var contact = document.querySelector("[data-hg-headline]"); // the header's link to the contact page
    if (contact) {
      var more = element("a", "hg-search-fallback__more", i18n.t("search.all_options"));
      more.href = contact.href;
      box.appendChild(more);
    }
    return box;
  }

  function setupFallback() {
    var config = json("__config");
    var meta = document.querySelector(".md-search-result__meta");
    var list = document.querySelector(".md-search-result__list");
    var input = document.querySelector("input[data-md-component=search-query]");
    if (!config || !meta || !list || !input) return;
    var translations = config.translations;
    var none = translations["search.result.none"];
    var many = translations["search.result.other"];
    // The worker shows the best ten and says here how many matched in all.
    var latest = null;
    function query() {
      // A search link fills the box a moment after the page starts: its query counts already.
      return (input.value || new URLSearchParams(location.search).get("q") || "").trim();
    }
    function refresh() {
      if (latest && latest.total > latest.shown && latest.query === input.value &&
          meta.textContent.trim() === many.replace("#", latest.shown)) {
        meta.textContent = many.replace("#", i18n.t("search.shown_of_total", { shown: latest.shown, total: latest.total }));
        return;
      }
      var shown = list.querySelector("[data-hg-search-fallback]");
      var text = query();
      // One Latin letter is not a search yet; one Chinese character can be.
      var searched = text.length > 1 || /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
      var empty = meta.textContent.trim() === none && !list.querySelector(".md-search-result__item");
      if (shown && (!empty || shown.getAttribute("data-hg-query") !== text)) {
        shown.remove();
        shown = null;
      }
      if (shown || !empty || !searched) return;
      var box = fallback(text);
      if (box) list.appendChild(box);
    }
    var watch = { childList: true, characterData: true, subtree: true };
    new MutationObserver(refresh).observe(meta, watch);
    new MutationObserver(refresh).observe(list, { childList: true });
    ["input", "keyup", "focus"].forEach(function (type) { input.addEventListener(type, refresh); });
    // The live statuses move on: a panel on screen is rebuilt with them.
    document.addEventListener("helpgen:status", function () {
      var shown = list.querySelector("[data-hg-search-fallback]");
      if (!shown) return;
      shown.remove();
      refresh();
    });
    if (typeof BroadcastChannel === "function") {
      new BroadcastChannel("helpgen-search").onmessage = function (event) {
        latest = event.data;
        refresh();
        // Every answer, for whoever listens (helpgen-events.js): {query, shown, total}.
        document.dispatchEvent(new CustomEvent("helpgen:search", { detail: event.data }));
      };
    }
    refresh();
  }

  // --- the page's own search form ----------------------------------------------------------------

  function openMaterialSearch(value) {
    var toggle = document.querySelector("input#__search[data-md-toggle=search]");  // the header's; articles carry no data-md-*
    var input = document.querySelector("input[data-md-component=search-query]");
    if (!toggle || !input) return false;
    input.value = value;
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    input.setSelectionRange(value.length, value.length);
    // Material searches on keyup and on focus.
    input.dispatchEvent(new KeyboardEvent("keyup", { key: value.slice(-1) || "Unidentified" }));
    return true;
  }

  function setupSearchBoxes() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-hg-search-box]"), function (form) {
      var box = form.querySelector("input[name=q]");
      if (!box) return;
      function handOver(event) {
        if (event && event.isComposing) return; // a Chinese word is still being composed here
        if (!box.value) return;
        if (openMaterialSearch(box.value)) box.value = "";
      }
      box.addEventListener("input", handOver);
      box.addEventListener("compositionend", handOver);
      form.addEventListener("submit", function (event) {
        if (box.value && openMaterialSearch(box.value)) {
          event.preventDefault();
          box.value = "";
        }
      });
    });
  }

  /** Typed into the search box before Material's page script listened (the page was still loading;
   * helpgen-search-early.html had the worker rank it meanwhile): Material searches on the next key,
   * so a visitor who stopped typing would see nothing. Ask it now, the caret where it was. */
  function searchWhatWasTyped() {
    var input = document.querySelector("input[data-md-component=search-query]");
    if (!input || !input.value || document.activeElement !== input) return;
    if (new URLSearchParams(location.search).get("q") === input.value) return; // a search link: Material's own
    var caret = input.selectionStart;
    openMaterialSearch(input.value);
    input.setSelectionRange(caret, caret);
  }

  function setup() {
    setupFallback();
    setupSearchBoxes();
    searchWhatWasTyped();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
