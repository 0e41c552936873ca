// The contact block's live "open now" status, computed in the visitor's browser (as helpgen's does).
(function () {
  var data = JSON.parse(document.getElementById("hours-data").textContent || "{}");
  var status = document.querySelectorAll("[data-status]");
  for (var i = 0; i < status.length; i++) {
    status[i].textContent = data.channels && data.channels[i] ? data.channels[i].availability : "";
  }
})();
