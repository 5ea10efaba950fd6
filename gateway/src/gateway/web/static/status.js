/* Skillfolio: while an artifact is "Processing…", ask the REST API every few seconds and reload the page once
   the file has been accepted or rejected (the status line is an aria-live region). */
(function () {
  "use strict";
  var status = document.getElementById("artifact-status");
  var url = status && status.getAttribute("data-poll-url");
  if (!url) return;
  var delay = 1500, waited = 0;
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (artifact) {
        if (artifact && artifact.status && artifact.status !== "processing") {
          status.textContent = artifact.status === "ready" ? "Ready. Loading…" : "The file was not accepted. Loading…";
          window.location.reload();
          return;
        }
        schedule();
      })
      .catch(schedule);
  }
  function schedule() {
    waited += delay;
    delay = Math.min(delay * 1.5, 10000);      // back off; keep checking while the page is open
    if (waited > 120000) status.textContent = "Still processing. Large videos can take a few minutes.";
    setTimeout(poll, delay);
  }
  setTimeout(poll, delay);
})();
