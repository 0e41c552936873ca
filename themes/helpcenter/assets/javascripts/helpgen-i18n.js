/* helpgen: the page's texts for its scripts, in the page's language, baked at build time from
 * helpgen/i18n/messages/<lang>.yml (the keys of BROWSER_SECTIONS). Same placeholder rule as the Python
 * side (helpgen/i18n/messages.py `fill`): a name in braces, nothing else. */
(function () {
  "use strict";
  // A <script> element: articles cannot make one, so no article element can stand in for it.
  var source = document.querySelector('script#helpgen-strings[type="application/json"]');
  var strings = source ? JSON.parse(source.textContent) : {};

  function fill(template, params) {
    return template.replace(/\{([a-z_][a-z0-9_]*)\}/g, function (_, name) {
      if (!params || !(name in params)) throw new Error("helpgen-i18n: no value for {" + name + "}");
      return String(params[name]);
    });
  }

  function t(key, params) {
    var value = strings[key];
    if (value === undefined) throw new Error("helpgen-i18n: no text for " + key);
    if (typeof value === "object") {
      var count = params && params.count;
      value = count === 1 && value.one !== undefined ? value.one : value.other;
    }
    return fill(value, params);
  }

  window.HelpgenI18n = { t: t, fill: fill, strings: strings };
})();
