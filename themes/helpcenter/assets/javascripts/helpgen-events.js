/* helpgen-events.js: what visitors searched, voted and where they asked for a person, sent without an
 * analytics vendor, and without anything that names them.
 *
 * Settings come from the page (#helpgen-events, support.yml's `feedback:`): {endpoint, events, matomo}.
 * Nothing is sent when the browser signals Global Privacy Control or Do Not Track, for kinds not listed
 * in `events`, or without a destination. Requests carry no cookie (credentials "omit"), no referrer, no
 * identifier, and the search text is masked here as the collector masks it (helpgen/insights/privacy.py:
 * emails, phone numbers, runs of six or more digits) before it leaves the page. Each event is one
 * keepalive fetch (it survives the page being left), or a beacon where fetch has no keepalive.
 *
 * Events (docs/insights.md):
 * - vote: from helpgen-feedback.js, through HelpgenEvents.send.
 * - search: helpgen-search-ui.js dispatches `helpgen:search` on document with {query, total} for every
 *   answer of the search worker. A search counts once the visitor settles on it (no new answer for
 *   SETTLE_MS), and is sent when it is over: a result is clicked (`clicked`), another search settles
 *   (that one gets `refined_from`), the search is closed, a contact is chosen, or the page is left.
 * - contact: a click on a channel's link, or on a link to the contact page, with where it was (`from`).
 *
 * With `matomo` the same events go to Matomo's tracking API instead: a search as a site search
 * (search, search_cat = language, search_count), votes and contacts as events.
 */
(function () {
  "use strict";

  var SETTLE_MS = 1500; // a pause this long after an answer: the visitor is reading it, not typing
  var MAX_QUERY = 100; // privacy.py MAX_QUERY_CHARS
  var MIN_NUMBER_DIGITS = 6; // privacy.py MIN_NUMBER_DIGITS
  var KINDS = { vote: "votes", search: "searches", contact: "contacts" };

  // <script> elements only: articles cannot make one, so no article element can stand in for the settings.
  var element = document.querySelector('script[type="application/json"]#helpgen-events');
  var config = element ? JSON.parse(element.textContent) : null;

  function optedOut() {
    var nav = window.navigator || {};
    return nav.globalPrivacyControl === true || nav.doNotTrack === "1" || nav.doNotTrack === "yes" ||
      window.doNotTrack === "1";
  }

  function enabled(type) {
    return Boolean(config && (config.endpoint || config.matomo) && config.events &&
                   config.events.indexOf(KINDS[type]) >= 0 && !optedOut());
  }

  // --- privacy.py's rules, for what the visitor typed ------------------------------------------------

  var EMAIL = /[^\s@,;<>()"']+@[^\s@,;<>()"']+\.[^\s@,;<>()"'.]+/g;
  var DIGIT_RUN = /\+?\(?[0-9][0-9 ().\-\/]*[0-9]|[0-9]/g;

  function maskNumber(run) {
    var digits = run.replace(/[^0-9]/g, "").length;
    var grouped = !/^[0-9]+$/.test(run);
    if (digits >= 7 && digits <= 15 && (grouped || run.charAt(0) === "+")) return "[phone]";
    if (digits >= MIN_NUMBER_DIGITS) return "[number]";
    return run;
  }

  function cleanQuery(text) {
    var masked = String(text).normalize("NFKC").replace(EMAIL, "[email]").replace(DIGIT_RUN, maskNumber);
    var cleaned = masked.replace(/\s+/g, " ").trim().toLowerCase();
    return Array.from(cleaned).slice(0, MAX_QUERY).join("").replace(/\s+$/, "");
  }

  // --- sending ---------------------------------------------------------------------------------------

  function post(url, body, type, mode) {
    if (typeof fetch === "function" && typeof Request === "function" && "keepalive" in Request.prototype) {
      fetch(url, { method: "POST", body: body, headers: { "Content-Type": type }, mode: mode,
                   credentials: "omit", referrerPolicy: "no-referrer", keepalive: true, cache: "no-store" })
        .catch(function () { /* an event that does not arrive is no reason to bother the reader */ });
    } else if (navigator.sendBeacon) {
      navigator.sendBeacon(url, new Blob([body], { type: type }));
    }
  }

  function pageUrl() {
    return location.origin + location.pathname;
  }

  function matomoParams(event) {
    var params = { idsite: String(config.matomo.site_id), rec: "1", apiv: "1", send_image: "0", url: pageUrl() };
    if (event.type === "search") {
      params.search = event.query;
      params.search_cat = event.language;
      params.search_count = String(event.results);
    } else if (event.type === "vote") {
      params.e_c = "helpgen vote";
      params.e_a = event.vote;
      params.e_n = event.article;
    } else {
      params.e_c = "helpgen contact";
      params.e_a = event.channel;
      params.e_n = event.from;
    }
    if (event.language) params.lang = event.language;
    return new URLSearchParams(params).toString();
  }

  function send(event) {
    if (!enabled(event.type)) return false;
    if (config.matomo) {
      post(config.matomo.url, matomoParams(event), "application/x-www-form-urlencoded;charset=UTF-8", "no-cors");
    } else {
      post(config.endpoint, JSON.stringify(event), "text/plain;charset=UTF-8", "cors");
    }
    return true;
  }

  // --- where the visitor is ----------------------------------------------------------------------------

  function language() {
    return document.documentElement.getAttribute("lang") || "en";
  }

  function sitePath(url) {
    var path = url.pathname;
    try { path = decodeURI(path); } catch (e) { /* keep it encoded */ }
    return path;
  }

  function pageKind() {
    // data-hg-* attributes first: an article's HTML may carry classes, never these attributes.
    if (document.querySelector("[data-hg-notfound]")) return "404";
    if (document.querySelector("[data-hg-feedback]")) return "article";
    if (document.querySelector(".hg-contact-page")) return "contact-page";
    if (document.querySelector(".hg-home")) return "home";
    return "category";
  }

  // --- searches ----------------------------------------------------------------------------------------

  var pending = null; // the newest answer, not settled yet: {query, results}
  var current = null; // the settled search, not sent yet: {query, results, refined_from}
  var previous = null; // the query of the last settled search in this page view
  var timer = null;
  var heardLast = null; // the newest answer's query: what a test (or a curious developer) can wait for
  var sentLast = null; // the query of the search last sent: a late answer to it is not a new search

  function searchInput() {
    return document.querySelector("input[data-md-component=search-query]");
  }

  function meaningful(text) {
    // One Latin letter is not a search yet; one Chinese character can be (as helpgen-search-ui.js).
    return text.length > 1 || /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
  }

  function settle() {
    clearTimeout(timer);
    if (!pending) return;
    var answer = pending;
    pending = null;
    if (current && current.query === answer.query) {
      current.results = answer.results;
      return;
    }
    finish(null);
    current = { query: answer.query, results: answer.results, refined_from: previous };
    previous = answer.query;
  }

  function finish(clicked) {
    if (!current) return;
    send({ type: "search", query: current.query, results: current.results, language: language(),
           clicked: clicked, refined_from: current.refined_from });
    sentLast = current.query;
    current = null;
  }

  function heard(event) {
    var detail = event.detail || {};
    var input = searchInput();
    // Answers for an older query, or from a search in another tab of the site, are not this one.
    if (!input || typeof detail.query !== "string" || detail.query !== input.value) return;
    if (!meaningful(detail.query.trim())) return;
    var query = cleanQuery(detail.query);
    // An answer that arrives after its search was sent (a result clicked while the worker still spoke)
    // belongs to that search: the page is being left, or the search box reopened on the same words.
    if (!query || (query === sentLast && !current)) return;
    pending = { query: query, results: typeof detail.total === "number" ? detail.total : (detail.shown || 0) };
    heardLast = query;
    clearTimeout(timer);
    timer = setTimeout(settle, SETTLE_MS);
  }

  function shownNow() {
    // A result clicked before the worker's word about it arrived here: the search is the box's text,
    // and at least the results on screen were found.
    var input = searchInput();
    if (!input || !meaningful(input.value.trim())) return;
    var query = cleanQuery(input.value);
    if ((pending && pending.query === query) || (current && current.query === query && !pending)) return;
    pending = { query: query, results: document.querySelectorAll(".md-search-result__item").length };
  }

  function leaving() {
    settle();
    finish(null);
  }

  function setupSearches() {
    if (!enabled("search")) return;
    document.addEventListener("helpgen:search", heard);
    var toggle = document.querySelector("input#__search[data-md-toggle=search]");
    if (toggle) toggle.addEventListener("change", function () { if (!toggle.checked) leaving(); });
    addEventListener("pagehide", leaving);
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "hidden") leaving();
    });
  }

  // --- clicks: a search result, a channel, the contact page ------------------------------------------

  function contactOf(link) {
    var header = link.closest("[data-hg-headline]");
    if (header) return { channel: "contact-page", from: "header" };
    var fallback = link.closest("[data-hg-search-fallback]");
    var channel = link.closest("[data-hg-fallback-channel], [data-hg-channel]");
    var id = channel && (channel.getAttribute("data-hg-fallback-channel") || channel.getAttribute("data-hg-channel"));
    var contactPage = document.querySelector("[data-hg-headline]");
    if (!id && contactPage && link.pathname === contactPage.pathname && link.origin === contactPage.origin) {
      id = "contact-page";
    }
    if (!id) return null;
    return { channel: id, from: fallback ? "search" : pageKind() };
  }

  function clicked(event) {
    var link = event.target && event.target.closest ? event.target.closest("a[href]") : null;
    if (!link) return;
    var result = link.closest(".md-search-result__list") && !link.closest("[data-hg-search-fallback]");
    if (result) {
      shownNow();
      settle();
      // Where the result leads, without Material's ?h= highlight or the section's #anchor.
      finish(link.origin === location.origin ? sitePath(link) : null);
      return;
    }
    var contact = contactOf(link);
    if (!contact) return;
    if (contact.from === "search") leaving(); // the search ended in a request for a person
    send({ type: "contact", channel: contact.channel, from: contact.from, page: sitePath(location),
           language: language(), after_search: new URLSearchParams(location.search).has("h") });
  }

  document.addEventListener("click", clicked, true);
  document.addEventListener("auxclick", function (event) { if (event.button === 1) clicked(event); }, true);
  setupSearches();

  window.HelpgenEvents = {
    send: send, enabled: enabled, cleanQuery: cleanQuery,
    heard: function () { return heardLast; }
  };
})();
