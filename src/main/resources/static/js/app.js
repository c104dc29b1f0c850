// Stagedoor's only script: small progressive enhancements next to htmx. No inline scripts, so the
// Content-Security-Policy can forbid them.
(function () {
  "use strict";

  // CSRF header on every htmx request (the token lives in the page's <meta> tags).
  document.addEventListener("htmx:configRequest", function (event) {
    var header = document.querySelector('meta[name="csrf-header"]');
    var token = document.querySelector('meta[name="csrf-token"]');
    if (header && token) {
      event.detail.headers[header.content] = token.content;
    }
  });

  // A friendly note when htmx gets no answer or a server error.
  function toast(text) {
    var box = document.getElementById("toast");
    if (!box || !text) return;
    box.textContent = text;
    box.hidden = false;
    clearTimeout(box._timer);
    box._timer = setTimeout(function () { box.hidden = true; }, 5000);
  }
  function message(name) {
    var messages = document.getElementById("messages");
    return messages ? messages.dataset[name] : "";
  }
  document.addEventListener("htmx:sendError", function () { toast(message("networkError")); });
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr.status;
    if (status === 503) toast(message("networkError"));
    else if (status >= 500) toast(message("serverError"));
    else if (status === 401 || status === 403) toast(message("signedOut"));
  });

  // Countdowns: <strong data-countdown data-deadline="2026-12-01T10:00:00Z">. With data-now (the
  // server's time when it drew the page) they count by the server's clock, not a wrong phone's.
  // At zero the page reloads, and the server says what happens next (back to the waiting room,
  // hold expired); with data-on-zero="due" the nearest htmx element redraws itself instead, a
  // moment apart from page to page so a crowd does not ask in the same millisecond; with
  // data-on-zero="wait" nothing happens (the page's own poll brings the news).
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function skew(el) {
    if (el._skew === undefined) {
      el._skew = el.dataset.now ? Date.parse(el.dataset.now) - Date.now() : 0;
    }
    return el._skew;
  }
  function tick() {
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      var left = Math.max(0, Math.floor((Date.parse(el.dataset.deadline) - Date.now() - skew(el)) / 1000));
      var hours = Math.floor(left / 3600);
      var text = (hours > 0 ? hours + ":" + pad(Math.floor(left / 60) % 60) : Math.floor(left / 60)) + ":" + pad(left % 60);
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle("urgent", left < 60);
      if (left === 0 && !el.dataset.done) {
        el.dataset.done = "1";
        var onZero = el.dataset.onZero || "reload";
        if (onZero === "due") {
          var target = el.closest("[hx-trigger]");
          setTimeout(function () { if (target && window.htmx) window.htmx.trigger(target, "due"); }, 300 + Math.random() * 1700);
        } else if (onZero === "reload") {
          setTimeout(function () { window.location.reload(); }, 1500);
        }
      }
    });
  }
  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSettle", tick);

  // A hint that shows only while one of its visible targets scrolls sideways (is wider than what
  // shows of it): <p data-scroll-hint="#seat-map" hidden>. On a phone the open section's grid is
  // what scrolls; on a desktop the whole map.
  function scrollHints() {
    document.querySelectorAll("[data-scroll-hint]").forEach(function (hint) {
      var wide = Array.prototype.some.call(document.querySelectorAll(hint.dataset.scrollHint), function (target) {
        return target.offsetParent !== null && target.scrollWidth > target.clientWidth + 1;
      });
      hint.hidden = !wide;
    });
  }
  document.addEventListener("DOMContentLoaded", scrollHints);
  document.addEventListener("htmx:afterSettle", scrollHints);
  window.addEventListener("resize", scrollHints);

  // The seat map. On a phone it opens as an overview of the sections; a tapped section opens with
  // seats big enough for a thumb, zoom buttons, and row numbers that stay in view. Everywhere it is
  // a grid: one Tab stop, arrow keys move between seats, Enter or Space picks.
  var ZOOMS = 3;
  function mapArea() { return document.querySelector("[data-map-area]"); }
  function showOpenSection(area) {
    area.querySelectorAll(".section-block").forEach(function (block) {
      block.classList.toggle("open", block.dataset.sectionIndex === area.dataset.open);
    });
  }
  function openSection(index) {
    var area = mapArea();
    if (!area) return;
    area.dataset.open = index;
    area.classList.add("zoomed");
    showOpenSection(area);
    var first = visibleCells()[0];
    if (first) setCurrent(first);
    area.querySelector(".zoom-bar").scrollIntoView({ block: "start" });
    scrollHints();
  }
  function showOverview() {
    var area = mapArea();
    if (!area) return;
    var open = area.dataset.open;
    area.classList.remove("zoomed");
    delete area.dataset.open;
    showOpenSection(area);
    var button = area.querySelector('[data-open-section="' + open + '"]');
    if (button) button.focus();
    scrollHints();
  }
  function zoom(step) {
    var area = mapArea();
    var level = Math.max(0, Math.min(ZOOMS - 1, (parseInt(area.dataset.zoom, 10) || 0) + step));
    area.dataset.zoom = level;
    for (var i = 0; i < ZOOMS; i++) area.classList.toggle("zoom-" + i, i === level);
    scrollHints();
  }
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-open-section], [data-show-overview], [data-zoom]");
    if (!target) return;
    if (target.dataset.openSection !== undefined) openSection(target.dataset.openSection);
    else if (target.dataset.showOverview !== undefined) showOverview();
    else zoom(parseInt(target.dataset.zoom, 10));
  });

  // The grid's one Tab stop: the current seat (its checkbox, or the cell itself when the seat is taken).
  var currentSeat = null;
  function focusable(cell) {
    var input = cell.querySelector("input");
    return input && !input.disabled ? input : cell;
  }
  function visibleCells() {
    return Array.prototype.filter.call(document.querySelectorAll("[data-seat-grid] .seat"), function (cell) {
      return cell.offsetParent !== null;
    });
  }
  function setCurrent(cell, focus) {
    var old = currentSeat && document.getElementById("seat-" + currentSeat);
    if (old) {
      old.querySelector("input").tabIndex = -1;
      old.removeAttribute("tabindex");
    }
    currentSeat = cell.dataset.seatId;
    cell.querySelector("input").tabIndex = -1;
    var target = focusable(cell);
    target.tabIndex = 0;
    if (focus) target.focus();
  }
  function initGrid(root) {
    root.querySelectorAll(".seat input").forEach(function (input) { input.tabIndex = -1; });
    var cell = currentSeat && document.getElementById("seat-" + currentSeat);
    if (cell && root.contains(cell)) {
      setCurrent(cell, document.activeElement === document.body);
    } else if (!cell) {
      var first = visibleCells()[0] || document.querySelector("[data-seat-grid] .seat");
      if (first) setCurrent(first);
    }
  }
  function neighbour(cell, key) {
    var row = cell.parentElement;
    var cells = Array.prototype.filter.call(row.children, function (c) { return c.classList.contains("seat"); });
    var at = cells.indexOf(cell);
    if (key === "ArrowLeft") return cells[at - 1];
    if (key === "ArrowRight") return cells[at + 1];
    if (key === "Home") return cells[0];
    if (key === "End") return cells[cells.length - 1];
    var rows = Array.prototype.filter.call(document.querySelectorAll("[data-seat-grid] [role=row]"), function (r) {
      return r.offsetParent !== null;
    });
    var next = rows[rows.indexOf(row) + (key === "ArrowUp" ? -1 : 1)];
    if (!next) return null;
    var nextCells = next.querySelectorAll(".seat");
    return nextCells[Math.min(at, nextCells.length - 1)];
  }
  document.addEventListener("keydown", function (event) {
    var cell = event.target.closest && event.target.closest("[data-seat-grid] .seat");
    if (!cell) return;
    if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown", "Home", "End"].indexOf(event.key) >= 0) {
      var next = neighbour(cell, event.key);
      event.preventDefault();
      if (next) setCurrent(next, true);
    } else if (event.key === "Enter") {
      event.preventDefault();
      var input = cell.querySelector("input");
      if (!input.disabled) input.click();
    }
  });
  document.addEventListener("click", function (event) {
    var cell = event.target.closest("[data-seat-grid] .seat");
    if (cell) setCurrent(cell);
  });
  document.addEventListener("htmx:load", function (event) {
    var element = event.detail.elt;
    if (!element.matches) return;
    if (element.matches("[data-seat-grid] .seat")) {
      var input = element.querySelector("input");
      if (element.dataset.seatId === currentSeat) setCurrent(element, document.activeElement === document.body);
      else input.tabIndex = -1;
    } else if (element.querySelector("[data-seat-grid]") || element.matches("[data-seat-grid]")) {
      var area = mapArea();
      if (area) showOpenSection(area);
      initGrid(element);
    }
  });
  document.addEventListener("DOMContentLoaded", function () {
    var area = mapArea();
    if (!area) return;
    area.classList.add("js");
    initGrid(area);
  });

  // Picking past the limit keeps what is chosen and says why; the summary is not asked again.
  document.addEventListener("change", function (event) {
    var input = event.target;
    if (!input.matches('#seat-form input[name="seatIds"]') || !input.checked) return;
    var summary = document.getElementById("seat-summary");
    var limit = summary ? parseInt(summary.dataset.limit, 10) : NaN;
    if (input.form.querySelectorAll('input[name="seatIds"]:checked').length > limit) {
      input.checked = false;
      event.stopImmediatePropagation();
      var note = summary.querySelector("[data-limit-note]");
      if (note) note.hidden = false;
    }
  }, true);

  // Quick-amount chips fill an input: <button data-fill="#amount" data-value="10000">.
  document.addEventListener("click", function (event) {
    var chip = event.target.closest("[data-fill]");
    if (!chip) return;
    var input = document.querySelector(chip.dataset.fill);
    if (input) {
      input.value = chip.dataset.value;
      input.focus();
    }
  });
})();

// The door's field: after each answer it is empty and focused again, ready for the next scan.
document.addEventListener("htmx:afterRequest", function (event) {
  var form = event.target.closest && event.target.closest("form[data-check-in]");
  if (!form) return;
  form.reset();
  var field = form.querySelector("input[name=code]");
  if (field) field.focus();
});
