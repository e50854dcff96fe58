// knead.js: small enhancements. Every page works without it.
"use strict";

// A <select data-autosubmit> sends its form when it changes (month pickers).
document.addEventListener("change", (e) => {
  const el = e.target;
  if (el instanceof HTMLElement && el.matches("[data-autosubmit]") && el.form) {
    el.form.requestSubmit();
  }
});
