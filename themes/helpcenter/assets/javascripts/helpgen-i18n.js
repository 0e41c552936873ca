/* helpgen: the page's texts for its scripts, in the page's language, baked at build time from
 * helpgen/i18n/messages/<lang>.yml (the keys of BROWSER_SECTIONS). Same placeholder rule as the Python
 * side (helpgen/i18n/messages.py `fill`): a name in braces, nothing else; and the same date and time
 * patterns (helpgen/i18n/formats.py): y M MMMM d EEEE HH H mm among literal characters.
 *
 * In a page it defines HelpgenI18n for the page's strings (t, fill, pattern, strings, create); in Node
 * (the parity test) it exports create(strings), to speak any language's table. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }
  var source = typeof document !== "undefined" ? document.getElementById("helpgen-strings") : null;
  var page = api.create(source ? JSON.parse(source.textContent) : {});
  page.create = api.create;
  root.HelpgenI18n = page;
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var TOKEN = /EEEE|MMMM|HH|H|mm|d|M|y/g;
  var WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

  function fill(template, params) {
    return template.replace(/\{([a-z_][a-z0-9_]*)\}/g, function (_, name) {
      if (!params || !(name in params)) throw new Error("helpgen-i18n: no value for {" + name + "}");
      return String(params[name]);
    });
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function create(strings) {
    function t(key, params) {
      var value = strings[key];
      if (value === undefined) throw new Error("helpgen-i18n: no text for " + key);
      if (typeof value === "object") {
        var count = params && params.count;
        value = count === 1 && value.one !== undefined ? value.one : value.other;
      }
      return fill(value, params);
    }

    /** A pattern with `fields`: {year, month (1-12), day, weekday (0 = Monday), minutes (after midnight)}. */
    function pattern(text, fields) {
      return text.replace(TOKEN, function (token) {
        switch (token) {
          case "HH": return pad(Math.floor(fields.minutes / 60));
          case "H": return String(Math.floor(fields.minutes / 60));
          case "mm": return pad(fields.minutes % 60);
          case "EEEE": return t("weekday." + WEEKDAYS[fields.weekday]);
          case "MMMM": return t("month." + fields.month);
          case "d": return String(fields.day);
          case "M": return String(fields.month);
          default: return String(fields.year);
        }
      });
    }

    return { t: t, fill: fill, pattern: pattern, strings: strings };
  }

  return { create: create, fill: fill };
});
