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

  // Countdowns: <strong data-countdown data-deadline="2026-12-01T10:00:00Z">. At zero the page
  // reloads, and the server says what happens next (back to the waiting room, hold expired).
  function pad(n) { return n < 10 ? "0" + n : "" + n; }
  function tick() {
    document.querySelectorAll("[data-countdown]").forEach(function (el) {
      var left = Math.max(0, Math.floor((Date.parse(el.dataset.deadline) - Date.now()) / 1000));
      var hours = Math.floor(left / 3600);
      var text = (hours > 0 ? hours + ":" + pad(Math.floor(left / 60) % 60) : Math.floor(left / 60)) + ":" + pad(left % 60);
      if (el.textContent !== text) el.textContent = text;
      el.classList.toggle("urgent", left < 60);
      if (left === 0 && !el.dataset.done) {
        el.dataset.done = "1";
        setTimeout(function () { window.location.reload(); }, 1500);
      }
    });
  }
  setInterval(tick, 1000);
  document.addEventListener("DOMContentLoaded", tick);
  document.addEventListener("htmx:afterSettle", tick);

  // A hint that shows only while its target is wider than the screen: <p data-scroll-hint="#seat-map" hidden>.
  function scrollHints() {
    document.querySelectorAll("[data-scroll-hint]").forEach(function (hint) {
      var target = document.querySelector(hint.dataset.scrollHint);
      hint.hidden = !target || target.scrollWidth <= target.clientWidth + 1;
    });
  }
  document.addEventListener("DOMContentLoaded", scrollHints);
  document.addEventListener("htmx:afterSettle", scrollHints);
  window.addEventListener("resize", scrollHints);

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
