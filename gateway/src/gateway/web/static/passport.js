/* Skillfolio: the passport page. Instead of a plain form post, ask the REST API for the archive, show how much has
   arrived (X-Passport-Media-Bytes is the media's total; the archive is a little larger), then offer the file. The
   texts come from the page (data-*-text), in the page's language. Without JavaScript the form posts as usual. */
(function () {
  "use strict";
  var form = document.getElementById("passport-form");
  if (!form || !window.fetch || !window.ReadableStream) { return; }
  var box = document.getElementById("passport-progress"), bar = document.getElementById("passport-bar");
  var status = document.getElementById("passport-status"), link = document.getElementById("passport-download");
  function megabytes(n) { return (n / 1048576).toFixed(1) + " MB"; }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
    var reason = form.querySelector("#reason");
    var button = form.querySelector("button[type=submit]");
    button.disabled = true; box.hidden = false; link.hidden = true; bar.removeAttribute("value");
    status.textContent = form.getAttribute("data-preparing-text");
    fetch(form.getAttribute("data-api-url"), {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": token, "Accept": "application/zip" },
      body: JSON.stringify({ reason: reason ? reason.value : "" })
    }).then(function (response) {
      if (!response.ok) {
        return response.json().then(function (body) { throw new Error(body.error && body.error.message); });
      }
      var total = parseInt(response.headers.get("X-Passport-Media-Bytes") || "0", 10);
      var name = (/filename="([^"]+)"/.exec(response.headers.get("Content-Disposition") || "") || [])[1];
      var reader = response.body.getReader(), parts = [], received = 0;
      function next() {
        return reader.read().then(function (step) {
          if (step.done) { return new Blob(parts, { type: "application/zip" }); }
          parts.push(step.value); received += step.value.length;
          if (total > 0) { bar.max = total; bar.value = Math.min(received, total); }
          status.textContent = megabytes(received) + (total > 0 ? " / ~" + megabytes(total) : "");
          return next();
        });
      }
      return next().then(function (blob) {
        bar.max = 1; bar.value = 1;
        link.href = URL.createObjectURL(blob); link.setAttribute("download", name || "passport.zip");
        link.hidden = false; status.textContent = form.getAttribute("data-ready-text");
      });
    }).catch(function (error) {
      status.textContent = (error && error.message) || form.getAttribute("data-failed-text");
    }).then(function () { button.disabled = false; });
  });
})();
