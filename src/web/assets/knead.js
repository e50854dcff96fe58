// knead.js: small enhancements. Every page works without it.
"use strict";

// A form that changes data is sent once: a second tap on a phone while
// the first is on its way would log the run twice. The buttons are
// disabled just after the submit (disabled at once, the pressed one would
// not be sent) and say what is happening.
document.addEventListener("submit", (e) => {
  const form = e.target;
  if (!(form instanceof HTMLFormElement) || form.method.toLowerCase() !== "post") {
    return;
  }
  if (form.dataset.sent) {
    e.preventDefault();
    return;
  }
  form.dataset.sent = "1";
  form.setAttribute("aria-busy", "true");
  setTimeout(() => {
    for (const b of form.querySelectorAll("button, input[type=submit]")) {
      b.disabled = true;
      if (b === e.submitter && form.enctype === "multipart/form-data") {
        b.textContent = "Importing\u2026";
      }
    }
  }, 0);
});

// Back to a page from the browser's history shows it as it was sent:
// let its forms be used again.
window.addEventListener("pageshow", (e) => {
  if (!e.persisted) {
    return;
  }
  for (const form of document.querySelectorAll("form[data-sent]")) {
    delete form.dataset.sent;
    form.removeAttribute("aria-busy");
    for (const b of form.querySelectorAll("button, input[type=submit]")) {
      b.disabled = false;
    }
  }
});
