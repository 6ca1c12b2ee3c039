/* postedit document review page: accept or reject each change and download the result.
 *
 * The resulting text is always recomputed from the report embedded in the page (original_text and
 * the edits), replaying the accepted edits exactly as pipeline.document.apply_edits does, so the
 * page, the JSON report and Python agree. Offsets in the report are Python string indices (Unicode
 * code points); JavaScript strings count UTF-16 units, so offsets are converted before slicing.
 * The page never builds HTML from strings: it toggles classes, clones server-rendered nodes and
 * sets textContent.
 */
(function () {
  "use strict";
  var report = JSON.parse(document.getElementById("report").textContent);
  var original = report.original_text || "";
  var edits = (report.edits || []).slice();
  var accepted = new Map();
  edits.forEach(function (e) { accepted.set(e.id, !!e.applied); });
  var hiddenCategories = new Set();
  var minConfidence = 0;
  var view = "inline";

  /* ---- replay, the JavaScript twin of apply_edits ---- */
  var unitOffset = codePointToUnit(original);

  function codePointToUnit(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) { return function (i) { return i; }; }
    var map = [], unit = 0;
    for (var ch of text) { map.push(unit); unit += ch.length; }
    map.push(unit);
    return function (i) { return map[i]; };
  }

  function slice(start, end) { return original.slice(unitOffset(start), unitOffset(end)); }

  function replay(isAccepted) {
    var chosen = edits.filter(function (e) { return isAccepted(e); })
      .sort(function (a, b) { return a.start - b.start || a.end - b.end; });
    var length = Array.from(original).length, previousEnd = 0, pieces = [], cursor = 0;
    chosen.forEach(function (e) {
      if (!(0 <= e.start && e.start <= e.end && e.end <= length)) { throw new Error("edit " + e.id + " is outside the text"); }
      if (e.start < previousEnd) { throw new Error("edit " + e.id + " overlaps the edit before it"); }
      if (slice(e.start, e.end) !== e.before) { throw new Error("edit " + e.id + " 'before' does not match the original text"); }
      previousEnd = Math.max(previousEnd, e.end);
    });
    chosen.forEach(function (e) {
      pieces.push(slice(cursor, e.start), e.after);
      cursor = e.end;
    });
    pieces.push(original.slice(unitOffset(cursor)));
    return pieces.join("");
  }

  function currentText() { return replay(function (e) { return accepted.get(e.id); }); }

  /* ---- state shown in the page ---- */
  function visible(e) {
    return !hiddenCategories.has(categoryOf(e.id)) && e.confidence >= minConfidence;
  }
  var categoryById = new Map();
  document.querySelectorAll("#change-list .item").forEach(function (li) { categoryById.set(li.dataset.edit, li.dataset.category); });
  function categoryOf(id) { return categoryById.get(id); }

  function refresh() {
    document.querySelectorAll(".chg[data-edit]").forEach(function (node) {
      var id = node.dataset.edit, on = accepted.get(id);
      node.classList.toggle("on", on);
      node.classList.toggle("off", !on);
      node.classList.toggle("muted", !visible(edit(id)));
    });
    document.querySelectorAll("#change-list .item").forEach(function (li) {
      var id = li.dataset.edit, on = accepted.get(id);
      li.classList.toggle("hidden", !visible(edit(id)));
      li.querySelector("button.accept").setAttribute("aria-pressed", String(on));
      li.querySelector("button.reject").setAttribute("aria-pressed", String(!on));
      li.querySelector(".state").textContent = on ? "accepted" : "rejected";
    });
    document.querySelectorAll("mark.flag, #flag-list .item").forEach(function (node) {
      var shown = !hiddenCategories.has(node.dataset.category) && Number(node.dataset.confidence) >= minConfidence;
      node.classList.toggle(node.tagName === "MARK" ? "muted" : "hidden", !shown);
    });
    var status = document.getElementById("status");
    try {
      var text = currentText();
      document.getElementById("result-text").textContent = text;
      var count = edits.filter(function (e) { return accepted.get(e.id); }).length;
      status.textContent = count + " of " + edits.length + " changes accepted" +
        (text === report.cleaned_text ? " (same text as the pipeline's)" : " (differs from the pipeline's text)");
      status.classList.remove("error");
    } catch (err) {
      status.textContent = "These decisions cannot be replayed: " + err.message;
      status.classList.add("error");
    }
  }

  var editsById = new Map(edits.map(function (e) { return [e.id, e]; }));
  function edit(id) { return editsById.get(id); }

  function decide(ids, value) {
    ids.forEach(function (id) { if (accepted.has(id)) { accepted.set(id, value); } });
    refresh();
  }

  /* ---- controls ---- */
  document.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button) {
      var row = event.target.closest("#change-list .item");
      if (row) { focusChange(row.dataset.edit); }
      return;
    }
    if (button.matches(".item button.accept, .item button.reject")) {
      markCurrent(button.closest(".item").dataset.edit);
      decide([currentId], button.classList.contains("accept"));
    } else if (button.dataset.bulk) {
      var category = button.dataset.category;
      var ids = edits.filter(function (e) { return category ? categoryOf(e.id) === category : visible(e); })
        .map(function (e) { return e.id; });
      decide(ids, button.dataset.bulk === "accept");
    } else if (button.id === "reset") {
      edits.forEach(function (e) { accepted.set(e.id, !!e.applied); });
      refresh();
    } else if (button.dataset.view) {
      showView(button.dataset.view);
    } else if (button.id === "download-text") {
      download(currentText(), baseName() + ".cleaned.txt", "text/plain;charset=utf-8");
    } else if (button.id === "download-report") {
      download(JSON.stringify(reviewedReport(), null, 1), baseName() + ".reviewed.json", "application/json");
    }
  });

  document.querySelectorAll("input[data-filter-category]").forEach(function (box) {
    box.addEventListener("change", function () {
      if (box.checked) { hiddenCategories.delete(box.dataset.filterCategory); } else { hiddenCategories.add(box.dataset.filterCategory); }
      refresh();
    });
  });
  var slider = document.getElementById("min-confidence");
  slider.addEventListener("input", function () {
    minConfidence = Number(slider.value);
    document.getElementById("min-confidence-value").textContent = minConfidence.toFixed(2);
    refresh();
  });

  function baseName() {
    var parts = String(report.document || "document").split(/[\\/]/);
    return parts[parts.length - 1] || "document";
  }

  function reviewedReport() {
    var copy = JSON.parse(JSON.stringify(report));
    copy.edits.forEach(function (e) { e.applied = accepted.get(e.id); });
    copy.cleaned_text = currentText();
    return copy;
  }

  function download(text, name, type) {
    var link = document.getElementById("download-link");
    if (link.href) { URL.revokeObjectURL(link.href); }
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    link.click();
  }

  /* ---- views ---- */
  function showView(name) {
    view = name;
    if (name === "side") { buildSideBySide(); }
    ["inline", "side", "result"].forEach(function (v) {
      document.getElementById(v).hidden = v !== name;
      var tab = document.querySelector('button[data-view="' + v + '"]');
      tab.setAttribute("aria-pressed", String(v === name));
    });
  }

  var sideBuilt = false;
  function buildSideBySide() {
    if (sideBuilt) { return; }
    sideBuilt = true;
    var rows = document.getElementById("side-rows");
    document.querySelectorAll("#inline .blk").forEach(function (block) {
      var row = document.createElement("div");
      row.className = "row";
      ["before", "after"].forEach(function (side) {
        var copy = block.cloneNode(true);
        copy.classList.add(side);
        row.appendChild(copy);
      });
      rows.appendChild(row);
    });
    refresh();
  }

  /* ---- keyboard: j/k (or n/p) move between changes, a/r accept/reject, space toggles ---- */
  function navigable() {
    var root = document.getElementById(view === "side" ? "side-rows" : "inline");
    var selector = view === "side" ? ".after .chg[data-edit]" : ".chg[data-edit]";
    return Array.from(root.querySelectorAll(selector)).filter(function (n) { return !n.classList.contains("muted"); });
  }

  var currentId = null;
  function markCurrent(id) {
    currentId = id;
    document.querySelectorAll(".current").forEach(function (n) { n.classList.remove("current"); });
    document.querySelectorAll('[data-edit="' + CSS.escape(id) + '"]').forEach(function (n) { n.classList.add("current"); });
  }

  function focusChange(id) {
    markCurrent(id);
    var target = navigable().find(function (n) { return n.dataset.edit === id; });
    if (view === "result") { showView("inline"); target = navigable().find(function (n) { return n.dataset.edit === id; }); }
    if (target) { target.focus(); target.scrollIntoView({ block: "center" }); }
    var row = document.querySelector('#change-list .item[data-edit="' + CSS.escape(id) + '"]');
    if (row) { row.scrollIntoView({ block: "nearest" }); }
  }

  document.addEventListener("focusin", function (event) {
    var node = event.target.closest && event.target.closest(".chg[data-edit]");
    if (node && node.dataset.edit !== currentId) {
      markCurrent(node.dataset.edit);
      var row = document.querySelector('#change-list .item[data-edit="' + CSS.escape(currentId) + '"]');
      if (row) { row.scrollIntoView({ block: "nearest" }); }
    }
  });

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) { return; }
    var target = event.target;
    if (target.matches && target.matches("input, textarea, select") && event.key !== "j" && event.key !== "k") { return; }
    if (target.matches && target.matches("button") && (event.key === " " || event.key === "Enter")) { return; }
    var nodes = navigable();
    var index = nodes.findIndex(function (n) { return n.dataset.edit === currentId; });
    var key = event.key;
    if (key === "j" || key === "n") {
      if (nodes.length) { focusChange(nodes[Math.min(index + 1, nodes.length - 1)].dataset.edit); }
    } else if (key === "k" || key === "p") {
      if (nodes.length) { focusChange(nodes[Math.max(index - 1, 0)].dataset.edit); }
    } else if ((key === "a" || key === "r") && currentId) {
      decide([currentId], key === "a");
    } else if (key === " " && currentId && event.target.closest && event.target.closest(".chg")) {
      decide([currentId], !accepted.get(currentId));
    } else {
      return;
    }
    event.preventDefault();
  });

  document.documentElement.classList.add("js");
  refresh();
})();
