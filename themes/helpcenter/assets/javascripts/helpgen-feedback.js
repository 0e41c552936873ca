/* helpgen-feedback.js: "Was this helpful?" without an analytics vendor.
 *
 * Yes thanks the visitor; No also opens the contact channels (their links already name the article,
 * and helpgen-status.js keeps their live status). Each vote is handed to helpgen-events.js, which
 * sends {"type": "vote", "article", "vote", "language"} where support.yml's `feedback:` says, and
 * only if it says so and the browser does not ask for no tracking. Nothing else leaves the page.
 */
(function () {
  "use strict";

  function setup(section) {
    var buttons = section.querySelectorAll("[data-hg-vote]");
    var thanks = section.querySelector("[data-hg-feedback-thanks]");
    var no = section.querySelector("[data-hg-feedback-no]");
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
        if (window.HelpgenEvents) {
          window.HelpgenEvents.send({
            type: "vote",
            article: section.getAttribute("data-hg-feedback-article"),
            vote: vote,
            language: section.getAttribute("data-hg-feedback-language")
          });
        }
      });
    });
    section.hidden = false;
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-hg-feedback]"), setup);
})();
