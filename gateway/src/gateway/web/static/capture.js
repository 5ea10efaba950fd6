/* Skillfolio class capture (/sections/{id}/capture): one file for many students, or many files matched to students.
   Metadata goes as JSON to the REST API (session cookie + X-CSRF-Token + one Idempotency-Key per create); the bytes
   go ONCE per file straight to the store's UploadTarget (PUT, POST form, or MULTIPART parts). Parts already sent
   are remembered in localStorage, so after a dropped connection or a reload the upload resumes where it stopped;
   each part is retried with backoff and waits for the browser to be back online. Progress is shown per student. */
(function () {
  "use strict";
  var form = document.getElementById("capture-form");
  if (!form) return;
  var csrfMeta = document.querySelector('meta[name="csrf-token"]');
  var csrf = csrfMeta ? csrfMeta.getAttribute("content") : "";
  var FORBIDDEN = /^(content-length|host|connection|expect)$/i;
  var section = form.getAttribute("data-section-id");
  var statusLine = byId("capture-status"), progressList = byId("capture-progress");
  var rows = {}, names = {};

  function byId(id) { return document.getElementById(id); }
  function msg(name) { return form.getAttribute("data-msg-" + name) || name; }
  function fmt(text, values) { return text.replace(/%\((\w+)\)s/g, function (_, k) { return values[k]; }); }
  function newKey() {
    if (window.crypto && window.crypto.randomUUID) return window.crypto.randomUUID();
    return String(Date.now()) + Math.random().toString(16).slice(2);
  }
  function sleep(ms) { return new Promise(function (r) { setTimeout(r, ms); }); }
  function online() {
    if (navigator.onLine !== false) return Promise.resolve();
    statusLine.textContent = msg("offline");
    return new Promise(function (r) { window.addEventListener("online", function () { r(); }, { once: true }); });
  }

  function api(method, url, body, key, attempt) {
    key = key || (method === "POST" ? newKey() : "");
    attempt = attempt || 1;
    var headers = { "Content-Type": "application/json", "Accept": "application/json", "X-CSRF-Token": csrf };
    if (key) headers["Idempotency-Key"] = key;
    var options = { method: method, credentials: "same-origin", headers: headers };
    if (body !== undefined) options.body = JSON.stringify(body);
    return online().then(function () { return fetch(url, options); }).then(function (response) {
      return response.text().then(function (text) {
        var data = null;
        try { data = text ? JSON.parse(text) : null; } catch (e) { data = null; }
        var retry = response.status === 503 || response.status === 502 || response.status === 504;
        if (retry && attempt < 10) {
          var seconds = parseInt(response.headers.get("Retry-After"), 10) || 1;
          return sleep(seconds * 1000).then(function () { return api(method, url, body, key, attempt + 1); });
        }
        if (!response.ok) {
          var error = (data && data.error) || {};
          var failure = new Error(error.message || ("The server answered " + response.status + "."));
          failure.problems = error.problems || [];
          throw failure;
        }
        return data;
      });
    }, function (error) {                                    // the network failed: the same key makes it safe
      if (attempt >= 10) throw error;
      statusLine.textContent = msg("retry");
      return sleep(Math.min(1000 * Math.pow(2, attempt), 15000)).then(function () {
        return api(method, url, body, key, attempt + 1);
      });
    });
  }

  function send(method, url, headers, body, onProgress) {
    return new Promise(function (resolve, reject) {
      var xhr = new XMLHttpRequest();
      xhr.open(method, url);
      Object.keys(headers || {}).forEach(function (n) { if (!FORBIDDEN.test(n)) xhr.setRequestHeader(n, headers[n]); });
      xhr.upload.onprogress = function (e) { if (e.lengthComputable) onProgress(e.loaded); };
      xhr.onload = function () {
        if (xhr.status >= 200 && xhr.status < 300) resolve(xhr);
        else reject(new Error("The file store refused the upload (" + xhr.status + ")."));
      };
      xhr.onerror = function () { reject(new Error("The connection to the file store failed.")); };
      xhr.send(body);
    });
  }

  function persistently(attempt, tries) {
    tries = tries || 1;
    return online().then(attempt).catch(function (error) {
      if (tries >= 8) throw error;
      statusLine.textContent = msg("retry");
      return sleep(Math.min(1000 * Math.pow(2, tries - 1), 15000)).then(function () {
        return persistently(attempt, tries + 1);
      });
    });
  }

  function remember(id, state) { try { localStorage.setItem("capture:" + id, JSON.stringify(state)); } catch (e) {} }
  function recall(id) { try { return JSON.parse(localStorage.getItem("capture:" + id) || "null"); } catch (e) { return null; } }
  function forget(id) { try { localStorage.removeItem("capture:" + id); } catch (e) {} }

  /* Send ``file`` to the capture's target, skipping the parts sent before; resolves with every part's ETag. */
  function upload(id, state, file, onProgress) {
    var target = state.upload;
    if (target.method === "MULTIPART") {
      var size = target.part_size, etags = state.etags || [];
      var part = function (i) {
        if (i >= target.part_urls.length) return Promise.resolve(etags);
        if (etags[i]) { onProgress(Math.min((i + 1) * size, file.size)); return part(i + 1); }
        var blob = file.slice(i * size, Math.min((i + 1) * size, file.size));
        return persistently(function () {
          return send("PUT", target.part_urls[i], {}, blob, function (n) { onProgress(i * size + n); });
        }).then(function (xhr) {
          etags[i] = xhr.getResponseHeader("ETag") || "";
          state.etags = etags; remember(id, state);
          return part(i + 1);
        });
      };
      return part(0);
    }
    return persistently(function () {
      if (target.method === "POST") {
        var data = new FormData();
        Object.keys(target.fields || {}).forEach(function (n) { data.append(n, target.fields[n]); });
        data.append("file", file);
        return send("POST", target.url, {}, data, onProgress);
      }
      return send("PUT", target.url, target.headers, file, onProgress);
    }).then(function () { return []; });
  }

  function row(studentId, name) {
    if (rows[studentId]) return rows[studentId];
    var li = document.createElement("li");
    li.setAttribute("data-student-id", studentId);
    li.appendChild(document.createTextNode(name + ": "));
    var state = document.createElement("span"); state.className = "state"; li.appendChild(state);
    progressList.appendChild(li);
    rows[studentId] = li;
    return li;
  }
  function setState(studentId, key, extra) {
    var li = rows[studentId]; if (!li) return;
    li.setAttribute("data-state", key);
    li.querySelector(".state").textContent = msg(key) + (extra || "");
  }
  function summary() {
    var all = Object.keys(rows), done = all.filter(function (s) { return rows[s].getAttribute("data-state") === "ready"; });
    statusLine.textContent = done.length === all.length ? msg("done") : fmt(msg("some"), { done: done.length, total: all.length });
  }

  function poll(ids) {
    var pending = ids.slice();
    var tick = function () {
      return Promise.all(pending.map(function (id) { return api("GET", "/api/v1/captures/" + id); })).then(function (found) {
        pending = [];
        found.forEach(function (capture) {
          capture.artifacts.forEach(function (a) {
            setState(a.student_id, a.status === "processing" ? (capture.status === "uploading" ? "waiting" : "checking") : a.status);
          });
          if (capture.status === "uploading" || capture.status === "processing") pending.push(capture.id);
        });
        summary();
        if (pending.length) return sleep(1500).then(tick);
        return null;
      });
    };
    return tick();
  }

  function showErrors(problems) {
    var box = byId("capture-errors"), list = box.querySelector("ul");
    list.innerHTML = "";
    problems.forEach(function (p) { var li = document.createElement("li"); li.textContent = p; list.appendChild(li); });
    box.hidden = !problems.length;
    if (problems.length) box.focus();
  }

  /* One capture: create it, send its file once, complete it; rows per student show how far it got. */
  function capture(base, file, recipients) {
    var body = Object.assign({}, base, { file: { name: file.name, content_type: file.type || "application/octet-stream",
                                                 size_bytes: file.size }, recipients: recipients });
    recipients.forEach(function (r) { row(r.student_id, names[r.student_id] || r.student_id); setState(r.student_id, "waiting"); });
    return api("POST", "/api/v1/sections/" + section + "/captures", body).then(function (reply) {
      var id = reply.capture.id, state = { upload: reply.upload, etags: [], name: file.name, size: file.size };
      remember(id, state);
      return finish(id, state, file, recipients.map(function (r) { return r.student_id; }));
    });
  }

  function finish(id, state, file, students) {
    return upload(id, state, file, function (loaded) {
      var percent = file.size ? Math.floor(loaded * 100 / file.size) : 100;
      students.forEach(function (s) { setState(s, "uploading", " " + percent + "%"); });
    }).then(function (etags) {
      students.forEach(function (s) { setState(s, "checking"); });
      return api("POST", "/api/v1/captures/" + id + "/complete", { part_etags: etags });
    }).then(function () { forget(id); return id; });
  }

  function normal(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, " ").trim();
  }
  function guess(fileName, options) {
    var name = " " + normal(fileName.replace(/\.[^.]*$/, "")) + " ", best = "", bestScore = 0;
    options.forEach(function (o) {
      var words = normal(o.text).split(" ").filter(Boolean);
      var score = words.filter(function (w) { return name.indexOf(" " + w + " ") >= 0; }).length;
      if (score > bestScore) { best = o.value; bestScore = score; }
    });
    return best;
  }

  var picks = Array.prototype.slice.call(form.querySelectorAll('input[name="student_ids"]'));
  picks.forEach(function (box) { names[box.value] = box.getAttribute("data-name"); });
  var all = byId("all-students");
  all.addEventListener("change", function () { picks.forEach(function (b) { b.checked = all.checked; }); });
  picks.forEach(function (b) { b.addEventListener("change", function () { all.checked = picks.every(function (x) { return x.checked; }); }); });
  function mode() { return byId("mode-many").checked ? "many" : "one"; }
  function showMode() {
    byId("one-file-field").hidden = mode() === "many";
    byId("many-files-field").hidden = mode() !== "many";
  }
  byId("mode-one").addEventListener("change", showMode);
  byId("mode-many").addEventListener("change", showMode);
  var options = Array.prototype.slice.call(byId("student-options").options).filter(function (o) { return o.value; });
  byId("files").addEventListener("change", function () {
    var table = byId("matches"), body = table.querySelector("tbody");
    body.innerHTML = "";
    Array.prototype.forEach.call(byId("files").files, function (file, i) {
      var tr = document.createElement("tr"), th = document.createElement("th"), td = document.createElement("td");
      th.scope = "row"; th.textContent = file.name; th.id = "match-file-" + i;
      var select = byId("student-options").cloneNode(true);
      select.hidden = false; select.removeAttribute("aria-hidden"); select.id = "match-" + i;
      select.setAttribute("aria-labelledby", "match-file-" + i);
      select.className = "capture-match"; select.value = guess(file.name, options);
      td.appendChild(select); tr.appendChild(th); tr.appendChild(td); body.appendChild(tr);
    });
    table.hidden = !byId("files").files.length;
  });
  showMode();

  function noteOf(studentId) {
    var input = form.querySelector('.capture-note[data-student-id="' + studentId + '"]');
    return input ? input.value : "";
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var skills = Array.prototype.map.call(form.querySelectorAll('input[name="skill_ids"]:checked'), function (b) { return b.value; });
    var base = { title: byId("title").value, description: byId("description").value, kind: byId("kind").value, skill_ids: skills };
    var problems = [], jobs = [];
    if (!skills.length) problems.push(msg("noskill"));
    if (mode() === "one") {
      var file = byId("file").files[0];
      var chosen = picks.filter(function (b) { return b.checked; }).map(function (b) { return { student_id: b.value, note: noteOf(b.value) }; });
      if (!file) problems.push(msg("nofile"));
      if (!chosen.length) problems.push(msg("nostudent"));
      jobs.push(function () { return capture(base, file, chosen); });
    } else {
      var files = byId("files").files;
      if (!files.length) problems.push(msg("nofile"));
      Array.prototype.forEach.call(files, function (f, i) {
        var student = byId("match-" + i).value;
        if (!student) { problems.push(msg("unmatched")); return; }
        jobs.push(function () { return capture(base, f, [{ student_id: student, note: noteOf(student) }]); });
      });
    }
    showErrors(problems.filter(function (p, i, a) { return a.indexOf(p) === i; }));
    if (problems.length) return;
    byId("capture-submit").disabled = true;
    statusLine.textContent = msg("saving");
    var ids = [], next = 0;
    var worker = function () {                                   // two files at a time
      if (next >= jobs.length) return Promise.resolve();
      var job = jobs[next++];
      return job().then(function (id) { ids.push(id); return worker(); });
    };
    Promise.all([worker(), worker()]).then(function () { return poll(ids); }).catch(function (error) {
      var reasons = (error.problems || []).map(function (p) { return (p.field ? p.field + ": " : "") + p.reason; });
      showErrors(reasons.length ? reasons : [error.message]);
    }).then(function () { byId("capture-submit").disabled = false; });
  });

  /* Captures left unfinished (a reload, a closed laptop): choose the same file again and the upload resumes. */
  Array.prototype.forEach.call(document.querySelectorAll(".capture-recent"), function (article) {
    var id = article.getAttribute("data-capture-id"), status = article.getAttribute("data-status");
    var state = recall(id);
    if (status !== "uploading" || !state) return;
    var label = document.createElement("label"), input = document.createElement("input");
    input.type = "file"; input.id = "resume-" + id; label.setAttribute("for", input.id); label.textContent = msg("resume");
    article.appendChild(label); article.appendChild(input);
    input.addEventListener("change", function () {
      var file = input.files[0];
      if (!file) return;
      var students = Array.prototype.map.call(article.querySelectorAll("li[data-student-id]"), function (li) {
        var s = li.getAttribute("data-student-id"); row(s, li.textContent.split(":")[0]); return s;
      });
      finish(id, state, file, students).then(function () { return poll([id]); }).catch(function (e) { showErrors([e.message]); });
    });
  });
})();
