// The post-mortem form: what is written stays in this browser (localStorage), a copy of each answer
// is kept in a print-only block (a printed textarea shows only its visible lines), and two buttons
// print the page or clear the note.
(function () {
  "use strict";
  var H = window.Handbook;
  var KEY = "handbook-post-mortem";

  // A note is a mapping from field id to the text written there.
  function isNote(value) {
    return H.isPlainObject(value) && Object.keys(value).every(function (k) { return typeof value[k] === "string"; });
  }

  function write(notes) {
    H.store(KEY, notes);
  }

  var form = document.getElementById("post-mortem-form");
  if (!form || form.getAttribute("data-ready")) return;
  form.setAttribute("data-ready", "true");
  var kept = H.stored(KEY, isNote, function () { return {}; });
  var notes = kept.value;
  if (kept.problem) form.insertBefore(H.h("p", { "class": "post-mortem__reset", role: "status" }, kept.problem), form.firstChild);
  var fields = Array.prototype.slice.call(form.querySelectorAll("input, textarea"));

  function mirror(field) {
    var copy = form.querySelector('.post-mortem__print[data-for="' + field.id + '"]');
    if (copy) copy.textContent = field.value;
  }

  fields.forEach(function (field) {
    if (typeof notes[field.id] === "string") field.value = notes[field.id];
    mirror(field);
    field.addEventListener("input", function () {
      notes[field.id] = field.value;
      write(notes);
      mirror(field);
    });
  });

  var print = H.button("Print", "md-button md-button--primary", function () { window.print(); });
  var clear = H.button("Clear the note", "md-button", function () {
    notes = {};
    write(notes);
    fields.forEach(function (field) { field.value = ""; mirror(field); });
  });
  form.appendChild(H.h("p", { "class": "post-mortem__controls" }, [print, " ", clear]));
})();
