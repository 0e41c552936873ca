/* helpgen-feedback.js: "Was this helpful?" without an analytics vendor.
 *
 * Yes thanks the visitor; No also opens the contact channels (their links already name the article,
 * and helpgen-status.js keeps their live status). When the page names an endpoint (support.yml
 * `feedback.endpoint`), each vote is POSTed there as {"article", "vote", "language"}: no cookies, no
 * referrer, nothing about the visitor. Without an endpoint nothing leaves the page.
 */
(function () {
  "use strict";

  function send(endpoint, vote) {
    if (!endpoint || typeof fetch !== "function") return;
    fetch(endpoint, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(vote),
      credentials: "omit",
      referrerPolicy: "no-referrer",
      keepalive: true
    }).catch(function () { /* a vote that does not arrive is no reason to bother the reader */ });
  }

  function setup(section) {
    var buttons = section.querySelectorAll("[data-hg-vote]");
    var thanks = section.querySelector("[data-hg-feedback-thanks]");
    var no = section.querySelector("[data-hg-feedback-no]");
    var endpoint = section.getAttribute("data-hg-feedback-endpoint");
    var sent = null;
    Array.prototype.forEach.call(buttons, function (button) {
      button.addEventListener("click", function () {
        var vote = button.getAttribute("data-hg-vote");
        Array.prototype.forEach.call(buttons, function (b) { b.setAttribute("aria-pressed", String(b === button)); });
        if (thanks) thanks.textContent = section.getAttribute("data-hg-feedback-thanks-text") || "";
        if (no) {
          no.hidden = vote !== "no";
          if (vote === "no") no.focus();
        }
        if (sent === vote) return; // one vote per choice and page view
        sent = vote;
        send(endpoint, {
          article: section.getAttribute("data-hg-feedback-article"),
          vote: vote,
          language: section.getAttribute("data-hg-feedback-language")
        });
      });
    });
    section.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-hg-feedback]"), setup);
})();
