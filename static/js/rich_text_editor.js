// Turns each <textarea data-rich-text> into a Trix editor. Without JavaScript the textarea stays usable.
// The textarea is hidden and becomes the editor's input: Trix writes the HTML into it, the form posts it.
(function () {
  "use strict";
  if (!window.Trix) return;
  // Only what the server keeps (lib/html.py): paragraphs instead of <div>, <h2> for headings.
  Trix.config.blockAttributes.default.tagName = "p";
  Trix.config.blockAttributes.heading1.tagName = "h2";

  document.addEventListener("trix-file-accept", function (event) {
    event.preventDefault(); // no attachments: documents go elsewhere
  });

  document.querySelectorAll("textarea[data-rich-text]").forEach(function (area) {
    var toolbarId = area.id + "-toolbar";
    var toolbar = document.createElement("trix-toolbar");
    toolbar.id = toolbarId;
    var editor = document.createElement("trix-editor");
    editor.setAttribute("input", area.id);
    editor.setAttribute("toolbar", toolbarId);
    var label = document.querySelector('label[for="' + area.id + '"]');
    if (label) editor.setAttribute("aria-label", label.textContent.trim());
    var help = document.getElementById(area.id + "_helptext");
    if (help) editor.setAttribute("aria-describedby", help.id);
    editor.classList.add("rich-text-editor");
    area.hidden = true;
    area.after(toolbar, editor);
  });
})();
