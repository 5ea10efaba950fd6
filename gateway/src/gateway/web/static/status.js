/* Skillfolio: while something on the page is "Processing…" (an artifact's file, or a reflection's recording), ask
   the REST API every few seconds and reload the page once it has been accepted or rejected. Each status line is an
   aria-live region with data-poll-url; data-poll-until says what to wait for ("artifact", the default, or
   "recordings": no revision of the discussion still processing). What it then says comes from the page, in the
   page's language: data-ready-text, data-rejected-text (an artifact), data-done-text (recordings), data-slow-text. */
(function () {
  "use strict";
  var SETTLED = {
    artifact: function (artifact) { return artifact && artifact.status && artifact.status !== "processing"; },
    recordings: function (talk) {
      return talk && talk.reflections && talk.reflections.every(function (reflection) {
        return reflection.revisions.every(function (revision) { return revision.media_status !== "processing"; });
      });
    }
  };
  function said(status, name, english) { return status.getAttribute("data-" + name + "-text") || english; }
  var DONE = { artifact: function (artifact, status) {
                 return artifact.status === "ready" ? said(status, "ready", "Ready. Loading…")
                   : said(status, "rejected", "The file was not accepted. Loading…"); },
               recordings: function (talk, status) { return said(status, "done", "Checked. Loading…"); } };

  function watch(status) {
    var url = status.getAttribute("data-poll-url");
    var until = status.getAttribute("data-poll-until") || "artifact";
    var delay = 1500, waited = 0;
    function poll() {
      fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.ok ? response.json() : null; })
        .then(function (found) {
          if (SETTLED[until](found)) {
            status.textContent = DONE[until](found, status);
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
      if (waited > 120000) {
        status.textContent = said(status, "slow", "Still processing. Large videos can take a few minutes.");
      }
      setTimeout(poll, delay);
    }
    setTimeout(poll, delay);
  }

  Array.prototype.forEach.call(document.querySelectorAll("[data-poll-url]"), watch);
})();
