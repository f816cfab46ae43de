// The post-mortem form: what is written stays in this browser (localStorage), a copy of each answer
// is kept in a print-only block (a printed textarea shows only its visible lines), and two buttons
// print the page or clear the note.
(function () {
  "use strict";
  var KEY = "handbook-post-mortem";

  function read() {
    try {
      return JSON.parse(window.localStorage.getItem(KEY) || "{}") || {};
    } catch (err) {
      return {};
    }
  }

  function write(notes) {
    try {
      window.localStorage.setItem(KEY, JSON.stringify(notes));
    } catch (err) {
      // private mode or storage full: the note still prints
    }
  }

  var form = document.getElementById("post-mortem-form");
  if (!form || form.getAttribute("data-ready")) return;
  form.setAttribute("data-ready", "true");
  var notes = read();
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

  var bar = document.createElement("p");
  bar.className = "post-mortem__controls";
  var print = document.createElement("button");
  print.type = "button";
  print.className = "md-button md-button--primary";
  print.textContent = "Print";
  print.addEventListener("click", function () { window.print(); });
  var clear = document.createElement("button");
  clear.type = "button";
  clear.className = "md-button";
  clear.textContent = "Clear the note";
  clear.addEventListener("click", function () {
    notes = {};
    write(notes);
    fields.forEach(function (field) { field.value = ""; mirror(field); });
  });
  bar.appendChild(print);
  bar.appendChild(document.createTextNode(" "));
  bar.appendChild(clear);
  form.appendChild(bar);
})();
