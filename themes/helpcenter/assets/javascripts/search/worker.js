/* search/worker.js: Material's search worker, answering from helpgen's prebuilt index.
 *
 * Material's page script posts SETUP (0) with the small search_index.json, waits for READY (1), then
 * posts QUERY (2) and renders each RESULT (3) it gets back: {items: [[article, section...], ...],
 * suggest}. This worker speaks that protocol, so Material's result list, keyboard navigation and
 * highlighting stay. Instead of building a lunr index from every page's text on every visit, it reads
 * helpgen's index files (helpgen/search/index.py) through a Searcher (searcher.js).
 *
 * helpgen-search.js is this folder's files joined in the order of helpgen/search/worker_script.py
 * (text, lexicon, query, synonyms, rank, present, searcher, worker) inside one function: each file
 * uses the names the files before it define, as the Python modules of the same names import them.
 * It runs as a Web Worker (self.onmessage) and in Node (module.exports) for the tests.
 */
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
// Not Material's: the page's head (helpgen-search-early.html) passes what is typed into the search box
// before Material's page script runs; the worker ranks it and fetches its articles meanwhile.
var PREFETCH = "helpgen:prefetch";

function installWorker(scope) {
  // The page's language's index (helpgen-search.html puts its folder in the fragment: "index=da/");
  // the default language's sits at the site root. Only a plain folder name is taken.
  var params = new URLSearchParams(scope.location.hash.slice(1));
  var index = /^[A-Za-z0-9-]+\/$/.test(params.get("index") || "") ? params.get("index") : "";
  var base = new URL("../../" + index + "search/helpgen/", scope.location.href);
  var searcher = new Searcher(function (path) {
    var url = new URL(path, base);
    // The manifest names this build's files; ask the server whether it changed. The rest never does.
    return fetch(url, path === "manifest.json" ? { cache: "no-cache" } : {}).then(function (response) {
      if (!response.ok) throw new Error(url + ": HTTP " + response.status);
      return response.json();
    });
  });
  var options = { suggest: true }; // until SETUP says otherwise; Material ignores unasked suggestions
  var latest = 0;
  var channel = typeof BroadcastChannel === "function" ? new BroadcastChannel("helpgen-search") : null;
  scope.addEventListener("message", function (event) {
    var message = event.data || {};
    if (message.type === PREFETCH) {
      if (message.data) searcher.prefetch(String(message.data));
    } else if (message.type === SETUP) {
      // Material's index carries no documents (helpgen's are in search/helpgen/): only the options.
      options = (message.data && message.data.options) || options;
    } else if (message.type === QUERY) {
      // Material sends a query per keystroke; only the newest is answered, and older ones stop
      // fetching as soon as a newer one arrives, so they do not queue ahead of it on the network.
      var id = ++latest;
      var current = function () { return id === latest; };
      var query = String(message.data || "");
      var shown = null;
      var post = function (result) {
        var json = JSON.stringify(result);
        if (!current() || json === shown) return;
        shown = json;
        // Material drops fields it does not know; the page's helpgen-search-ui.js hears the total here.
        if (channel) channel.postMessage({ query: query, shown: result.items.length, total: result.total });
        scope.postMessage({ type: RESULT, data: result });
      };
      searcher.search(query, options, current, post).then(post, function (error) {
        if (error === SUPERSEDED) return;
        if (typeof console !== "undefined") console.warn("helpgen search:", error);
        // Results already shown from the cards stay when only their sections failed to load.
        if (current() && shown === null) scope.postMessage({ type: RESULT, data: { items: [] } });
      });
    }
  });
  // Ready at once: nothing waits for Material's search_index.json, which has nothing helpgen needs.
  scope.postMessage({ type: READY });
  // A search link's query (helpgen-search-early.html puts it in the fragment): rank it now, before
  // Material sends it, so its chunks are on their way while the page finishes loading.
  var linked = params.get("q");
  if (linked) searcher.prefetch(linked);
}

api.installWorker = installWorker;
