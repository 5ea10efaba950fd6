/* Skillfolio upload: the "Add artifact" and "New version" forms (#artifact-form) and the artifact page's "Add an
   audio or video reflection" form (#recording-form). Each sends its metadata as JSON to the REST API (session
   cookie + X-CSRF-Token), the file's bytes straight to the store's UploadTarget with progress (PUT, POST form, or
   MULTIPART parts retried up to 3 times), then "complete", then opens the artifact page.
   Without JavaScript the artifact forms post normally (links only). */
(function () {
  "use strict";
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";
  var FORBIDDEN = /^(content-length|host|connection|expect)$/i;
  var MAX_TRIES = 3;
  var REPLICA_TRIES = 10;

  function byId(id) { return document.getElementById(id); }

  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }

  /* A JSON call to the REST API. A POST carries one Idempotency-Key for all its attempts (a create is safe to
     repeat); an answer "not yet replicated" (503) is repeated after its Retry-After, up to REPLICA_TRIES times. */
  function api(method, url, body, key, attempt) {
    key = key || (method === "POST" ? newKey() : "");
    attempt = attempt || 1;
    var headers = { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf };
    if (key) headers["Idempotency-Key"] = key;
    return fetch(url, { method: method, credentials: "same-origin", headers: headers, body: JSON.stringify(body) })
      .then(function (response) {
        return response.text().then(function (text) {
          var data = null;
          try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
          var lagging = response.status === 503 && data && data.error && data.error.code === "NOT_YET_REPLICATED";
          if (lagging && attempt < REPLICA_TRIES) {
            var seconds = parseInt(response.headers.get("Retry-After"), 10) || 1;
            return new Promise(function (resolve) { setTimeout(resolve, seconds * 1000); })
              .then(function () { return api(method, url, body, key, attempt + 1); });
          }
          if (!response.ok) {
            var error = (data && data.error) || {};
            var failure = new Error(error.message || ("The server answered " + response.status + "."));
            failure.problems = error.problems || [];
            throw failure;
          }
          return data;
        });
      });
  }

  /* One request with upload progress; resolves with the XMLHttpRequest when the store answers 2xx. */
  function send(method, url, headers, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      Object.keys(headers || {}).forEach(function (name) {
        if (!FORBIDDEN.test(name)) xhr.setRequestHeader(name, headers[name]);
      });
      xhr.upload.onprogress = function (event) { if (event.lengthComputable) onProgress(event.loaded); };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) resolve(xhr);
        else reject(new Error("The file store refused the upload (" + xhr.status + ")."));
      };
      xhr.onerror = function () { reject(new Error("The connection to the file store failed.")); };
      xhr.send(body);
    });
  }

  /* The status line, progress bar, error summary and upload of one form. parts: form, status, area, bar, summary
     (elements) and controlOf(field) -> the id of the control that shows a problem with that field. */
  function uploader(parts) {
    var lastAnnounced = -1;

    function say(text) { parts.status.textContent = text; }

    function progress(done, total) {
      var percent = total ? Math.floor(done * 100 / total) : 0;
      parts.bar.value = percent;
      parts.bar.textContent = percent + "%";
      var step = Math.floor(percent / 25);           // announce at 0, 25, 50, 75, 100 %: not every tick
      if (step !== lastAnnounced) { lastAnnounced = step; say("Uploading… " + percent + "%"); }
    }

    function clearErrors() {
      parts.summary.hidden = true;
      parts.summary.querySelector("ul").innerHTML = "";
      Array.prototype.forEach.call(parts.form.querySelectorAll(".field-error"), function (p) {
        p.hidden = true; p.querySelector(".text").textContent = "";
        var field = p.closest(".field"); if (field) field.classList.remove("has-error");
      });
      Array.prototype.forEach.call(parts.form.querySelectorAll("[aria-invalid]"), function (el) {
        el.removeAttribute("aria-invalid");
      });
    }

    function showErrors(message, problems) {
      var list = parts.summary.querySelector("ul");
      var items = problems && problems.length ? problems : [{ field: "", reason: message }];
      items.forEach(function (problem) {
        var id = parts.controlOf(problem.field || "");
        var target = byId(id);
        var text = problem.reason;
        var li = document.createElement("li");
        if (target) {
          var a = document.createElement("a");
          a.href = "#" + id; a.textContent = text; li.appendChild(a);
          var error = byId(id + "-error");
          if (error) {
            error.hidden = false; error.querySelector(".text").textContent = text;
            var field = error.closest(".field"); if (field) field.classList.add("has-error");
            if (target.tagName !== "FIELDSET") {
              target.setAttribute("aria-invalid", "true");
              var described = (target.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
              if (described.indexOf(id + "-error") < 0) described.push(id + "-error");
              target.setAttribute("aria-describedby", described.join(" "));
            }
          }
        } else {
          li.textContent = text;
        }
        list.appendChild(li);
      });
      parts.summary.hidden = false;
      parts.summary.focus();
      say("");
    }

    function withRetries(attempt, tries) {
      return attempt().catch(function (error) {
        if (tries <= 1) throw error;
        say("A part failed; trying again…");
        return new Promise(function (r) { setTimeout(r, 1000); }).then(function () {
          return withRetries(attempt, tries - 1);
        });
      });
    }

    function uploadMultipart(target, file) {
      var size = target.part_size, etags = [], doneBytes = 0;
      function part(i) {
        if (i >= target.part_urls.length) return Promise.resolve(etags);
        var blob = file.slice(i * size, Math.min((i + 1) * size, file.size));
        return withRetries(function () {
          return send("PUT", target.part_urls[i], {}, blob, function (loaded) { progress(doneBytes + loaded, file.size); });
        }, MAX_TRIES).then(function (xhr) {
          etags.push(xhr.getResponseHeader("ETag") || "");
          doneBytes += blob.size;
          progress(doneBytes, file.size);
          return part(i + 1);
        });
      }
      return part(0);
    }

    /* Send ``file`` to ``target``; resolves with the parts' ETags (empty unless MULTIPART). */
    function upload(target, file) {
      parts.area.hidden = false;
      progress(0, file.size);
      var onProgress = function (loaded) { progress(loaded, file.size); };
      if (target.method === "MULTIPART") return uploadMultipart(target, file);
      if (target.method === "POST") {
        var data = new FormData();
        Object.keys(target.fields || {}).forEach(function (name) { data.append(name, target.fields[name]); });
        data.append("file", file);
        return send("POST", target.url, {}, data, onProgress).then(function () { return []; });
      }
      return withRetries(function () { return send("PUT", target.url, target.headers, file, onProgress); }, MAX_TRIES)
        .then(function () { return []; });
    }

    return { say: say, clearErrors: clearErrors, showErrors: showErrors, upload: upload,
             hideProgress: function () { parts.area.hidden = true; } };
  }

  function artifactForm(form) {
    var submit = byId("submit");
    var kindSelect = byId("kind");
    var fileInput = byId("file");
    var linkInput = byId("link_url");
    var ACCEPT = { image: "image/*", audio: "audio/*,video/webm,video/mp4", video: "video/*",
                   document: ".pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods,.odp,.txt,text/plain,application/pdf" };
    var ui = uploader({ form: form, status: byId("upload-status"), area: byId("upload-area"),
                        bar: byId("upload-progress"), summary: byId("error-summary"), controlOf: function (field) {
      if (/skill/.test(field)) return "skills";
      if (/link_url$/.test(field)) return "link_url";
      if (/^(file|content)\b/.test(field) || /size_bytes|content_type|media/.test(field)) return fileInput ? "file" : "link_url";
      return field;
    } });

    function kind() { return kindSelect ? kindSelect.value : form.getAttribute("data-kind"); }

    function showFields() {
      if (!kindSelect) return;
      var link = kind() === "link";
      byId("link_url-field").hidden = !link;
      byId("file-field").hidden = link;
      if (fileInput) fileInput.setAttribute("accept", ACCEPT[kind()] || "");
      var hint = byId("file-hint");
      if (hint) hint.textContent = "Choose a file from your device. Large files upload in parts and resume after a short break in the connection.";
    }

    function guessKind(file) {
      var type = (file.type || "").split("/")[0];
      if (type === "image" || type === "audio" || type === "video") return type;
      return file.type ? "document" : "";
    }

    function checkedSkills() {
      return Array.prototype.map.call(form.querySelectorAll('input[name="skill_ids"]:checked'), function (b) { return b.value; });
    }

    function content(file) {
      if (kind() === "link") return { link_url: linkInput.value.trim() };
      if (!file) return null;
      return { file: { name: file.name, content_type: file.type || "application/octet-stream", size_bytes: file.size } };
    }

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      ui.clearErrors();
      var file = fileInput && fileInput.files.length ? fileInput.files[0] : null;
      var body = content(file);
      if (!body) { ui.showErrors("", [{ field: "file", reason: "Choose a file to upload." }]); return; }
      var createUrl = form.getAttribute("data-create-url");
      if (createUrl) {
        body.title = byId("title").value;
        body.description = byId("description").value;
        body.kind = kind();
        body.skill_ids = checkedSkills();
        var year = byId("school_year_id").value;
        if (year) body.school_year_id = year;
      }
      submit.disabled = true;
      ui.say(file ? "Saving the details…" : "Saving…");
      var artifact;
      api("POST", createUrl || form.getAttribute("data-version-url"), body)
        .then(function (reply) {
          artifact = reply.artifact;
          if (!reply.upload || !file) return null;
          return ui.upload(reply.upload, file).then(function (etags) {
            ui.say("Upload finished. Checking the file…");
            return api("POST", "/api/v1/artifacts/" + artifact.id + "/versions/" + artifact.current_version + "/complete",
                       { part_etags: etags });
          });
        })
        .then(function () { window.location.assign("/artifacts/" + artifact.id); })
        .catch(function (error) {
          submit.disabled = false;
          ui.hideProgress();
          if (artifact) {
            ui.showErrors("", [{ field: "file", reason: error.message + " The artifact was saved; open it to try the upload again with “Upload a new version”." }]);
          } else {
            ui.showErrors(error.message, error.problems);
          }
        });
    });

    if (kindSelect) kindSelect.addEventListener("change", showFields);
    if (fileInput && kindSelect) fileInput.addEventListener("change", function () {
      var file = fileInput.files[0];
      var guessed = file && guessKind(file);
      if (guessed && guessed !== kind()) { kindSelect.value = guessed; ui.say("Kind set to " + kindSelect.options[kindSelect.selectedIndex].text + " to match the file."); }
    });
    showFields();
  }

  /* An audio/video reflection: declare the file (POST .../reflections with media), send it, complete the revision;
     the page then shows "Processing…" until the reflections service has checked the recording. */
  function recordingForm(form) {
    var submit = byId("recording-submit");
    var fileInput = byId("recording-file");
    var ui = uploader({ form: form, status: byId("recording-status"), area: byId("recording-area"),
                        bar: byId("recording-progress"), summary: byId("recording-summary"), controlOf: function (field) {
      if (field === "prompt_id") return "recording-prompt";
      if (field === "text") return "recording-caption";
      return "recording-file";
    } });
    var artifactPage = "/artifacts/" + form.getAttribute("data-artifact-id");

    form.addEventListener("submit", function (event) {
      event.preventDefault();
      ui.clearErrors();
      var file = fileInput.files.length ? fileInput.files[0] : null;
      if (!file) { ui.showErrors("", [{ field: "media", reason: "Choose a recording to upload." }]); return; }
      var type = file.type || "application/octet-stream";
      var body = { text: byId("recording-caption").value, prompt_id: byId("recording-prompt").value,
                   media: { kind: /^video\//.test(type) ? "video" : "audio", file_name: file.name,
                            content_type: type, size_bytes: file.size } };
      submit.disabled = true;
      ui.say("Saving…");
      var reflection;
      api("POST", form.getAttribute("data-create-url"), body)
        .then(function (reply) {
          reflection = reply;
          var number = reply.revisions[reply.revisions.length - 1].number;
          return ui.upload(reply.upload, file).then(function (etags) {
            ui.say("Upload finished. Checking the recording…");
            return api("POST", "/api/v1/reflections/" + reply.id + "/revisions/" + number + "/complete",
                       { part_etags: etags });
          });
        })
        .then(function () { window.location.assign(artifactPage + "?done=recording#reflections"); })
        .catch(function (error) {
          submit.disabled = false;
          ui.hideProgress();
          if (reflection) {
            ui.showErrors("", [{ field: "media", reason: error.message + " The recording did not arrive; please try again." }]);
          } else {
            ui.showErrors(error.message, error.problems);
          }
        });
    });
  }

  var artifact = byId("artifact-form");
  if (artifact) artifactForm(artifact);
  var recording = byId("recording-form");
  if (recording) recordingForm(recording);
})();
