// Concerto's few behaviours in the browser. Each one only adds to a page that works without JavaScript:
// the partnership's menu folds behind a "Menu" button on narrow screens, and a long list of checkboxes
// (the evidence of a finding, the factors of a service) gets a search field that narrows it.
(function () {
  "use strict";

  function foldMenus() {
    document.querySelectorAll("[data-menu-toggle]").forEach(function (button) {
      var menu = document.getElementById(button.getAttribute("aria-controls"));
      if (!menu) return;
      button.hidden = false;
      menu.classList.add("foldable");
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        button.setAttribute("aria-expanded", String(open));
        menu.classList.toggle("unfolded", open);
      });
    });
  }

  // Accents and case do not count: « ecole » finds « École ».
  function plain(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function narrow(list, field, status) {
    var words = plain(field.value).split(/\s+/).filter(Boolean);
    var labels = list.querySelectorAll("label:has(input[type=checkbox])");
    var shown = 0;
    labels.forEach(function (label) {
      var text = plain(label.textContent);
      var checked = label.querySelector("input").checked;
      var match = checked || words.every(function (word) { return text.indexOf(word) !== -1; });
      label.hidden = !match;
      if (match) shown += 1;
    });
    // A group whose choices are all hidden hides its heading too.
    list.querySelectorAll(":scope > div:has(> div)").forEach(function (group) {
      group.hidden = !group.querySelector("label:has(input[type=checkbox]):not([hidden])");
    });
    status.textContent = status.dataset.template.replace("{shown}", shown).replace("{total}", labels.length);
  }

  function addSearch(list, index) {
    var template = document.getElementById("choice-search-template");
    if (!template || list.dataset.searchable || list.querySelectorAll("input[type=checkbox]").length < 12) return;
    list.dataset.searchable = "true";
    var search = template.content.firstElementChild.cloneNode(true);
    var field = search.querySelector("input");
    var status = search.querySelector("[data-status]");
    var legend = list.closest("fieldset") && list.closest("fieldset").querySelector("legend");
    var label = document.querySelector('label[for="' + list.id + '"]') || legend;
    field.id = "choice-search-" + index;
    search.querySelector("label").htmlFor = field.id;
    if (label) search.querySelector("[data-name]").textContent = label.textContent.replace(/[\s\u00a0]*:[\s\u00a0]*$/, "").trim();
    field.setAttribute("aria-controls", list.id);
    list.before(search);
    field.addEventListener("input", function () { narrow(list, field, status); });
    narrow(list, field, status);
  }

  function addSearches() {
    document.querySelectorAll("div.choice-list").forEach(addSearch);
  }

  document.addEventListener("DOMContentLoaded", function () {
    foldMenus();
    addSearches();
  });
  // A form that htmx puts back (after an error, a conflict) gets its search fields again.
  document.addEventListener("htmx:afterSettle", addSearches);
})();
