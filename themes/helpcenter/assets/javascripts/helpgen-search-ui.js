/* helpgen-search-ui.js: no dead ends. When a search finds nothing, the results panel offers the
 * contact channels, read from the page's contact block: name, link, reply promise and the live status
 * that helpgen-hours.js writes into `.hg-channel__status` (shown as it is when the panel opens).
 *
 * Material writes "No matching documents" into the result meta and empties the list; this script
 * watches the meta and then adds one list item of its own. Material empties the list again on the next
 * result, which removes it. Links in it take part in Material's arrow-key navigation. Everything is
 * built with textContent: nothing from the page is parsed as HTML.
 */
(function () {
  "use strict";
  var i18n = window.HelpgenI18n;

  function text(el, selector) {
    var found = el.querySelector(selector);
    return found ? found.textContent.replace(/\s+/g, " ").trim() : "";
  }

  function element(tag, className, content) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (content) el.textContent = content;
    return el;
  }

  function channelItem(channel) {
    var item = element("li", "hg-search-fallback__channel");
    item.setAttribute("data-hg-fallback-channel", channel.getAttribute("data-hg-channel") || "");
    var link = channel.querySelector(".hg-channel__link");
    var name = text(channel, ".hg-channel__name");
    if (link && link.getAttribute("href")) {
      var a = element("a", "hg-search-fallback__link", name);
      a.href = link.href;
      item.appendChild(a);
      item.appendChild(element("span", "hg-search-fallback__label", text(channel, ".hg-channel__link")));
    } else {
      item.appendChild(element("strong", "", name));
    }
    var status = channel.querySelector(".hg-channel__status");
    if (status && status.textContent.trim()) {
      var copy = element("span", "hg-search-fallback__status " + status.className, status.textContent.trim());
      Array.prototype.forEach.call(status.attributes, function (attribute) {
        if (/^data-/.test(attribute.name)) copy.setAttribute(attribute.name, attribute.value);
      });
      item.appendChild(copy);
    }
    var availability = text(channel, ".hg-channel__availability");
    if (availability) item.appendChild(element("span", "hg-search-fallback__availability", availability));
    var response = text(channel, ".hg-channel__response");
    if (response) item.appendChild(element("span", "hg-search-fallback__response", response));
    return item;
  }

  function fallback(query) {
    var contact = document.querySelector("[data-hg-contact]");
    if (!contact) return null;
    var channels = contact.querySelectorAll("[data-hg-channel]");
    if (!channels.length) return null;
    var box = element("li", "hg-search-fallback");
    box.setAttribute("data-hg-search-fallback", "");
    box.appendChild(element("p", "hg-search-fallback__title",
      i18n.t("search.no_results", { query: query })));
    var list = element("ul", "hg-search-fallback__channels");
    Array.prototype.forEach.call(channels, function (channel) { list.appendChild(channelItem(channel)); });
    box.appendChild(list);
    var more = contact.querySelector(".hg-contact__more");
    if (more && more.getAttribute("href")) {
      var a = element("a", "hg-search-fallback__more", more.textContent.trim() || i18n.t("search.all_options"));
      a.href = more.href;
      box.appendChild(a);
    }
    return box;
  }

  function setup() {
    var configElement = document.getElementById("__config");
    var meta = document.querySelector(".md-search-result__meta");
    var list = document.querySelector(".md-search-result__list");
    var input = document.querySelector("input[data-md-component=search-query]");
    if (!configElement || !meta || !list || !input) return;
    var translations = JSON.parse(configElement.textContent).translations;
    var none = translations["search.result.none"];
    var many = translations["search.result.other"];
    // The worker shows the best ten and says here how many matched in all.
    var latest = null;
    function refresh() {
      if (latest && latest.total > latest.shown && latest.query === input.value &&
          meta.textContent.trim() === many.replace("#", latest.shown)) {
        meta.textContent = many.replace("#", i18n.t("search.shown_of_total", { shown: latest.shown, total: latest.total }));
        return;
      }
      var query = input.value.trim();
      // One Latin letter is not a search yet; one Chinese character can be.
      var searched = query.length > 1 || /[\u3400-\u9fff\uf900-\ufaff]/.test(query);
      if (meta.textContent.trim() !== none || list.children.length || !searched) return;
      var box = fallback(query);
      if (box) list.appendChild(box);
    }
    new MutationObserver(refresh).observe(meta, { childList: true, characterData: true, subtree: true });
    if (typeof BroadcastChannel === "function") {
      new BroadcastChannel("helpgen-search").onmessage = function (event) {
        latest = event.data;
        refresh();
      };
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
