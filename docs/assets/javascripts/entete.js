// The header's menu and search icons as buttons: Material draws them as labels of its hidden
// checkboxes (#__drawer, #__search), which a screen reader does not announce as controls.
// Each button clicks its checkbox, so Material's own scripts see the change as before, and
// says whether what it opens is open. A classic script: the offline pack runs from file://.
(function () {
  "use strict";

  /**
   * @param {HTMLElement} button
   * @param {HTMLInputElement} toggle
   */
  function connect(button, toggle) {
    var panel = button.dataset.fenetre ? document.getElementById(button.dataset.fenetre) : null;
    function show() {
      button.setAttribute("aria-expanded", String(toggle.checked));
      // The search panel is a dialog only while it is open (on a laptop it is the header's field).
      if (!panel) return;
      if (toggle.checked) {
        panel.setAttribute("role", "dialog");
        panel.setAttribute("aria-label", panel.dataset.nomFenetre || "");
      } else {
        panel.removeAttribute("role");
        panel.removeAttribute("aria-label");
      }
    }
    button.addEventListener("click", function () { toggle.click(); });
    toggle.addEventListener("change", show);
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape" || !toggle.checked || toggle.id !== "__drawer") return;
      toggle.click();
      button.focus();
    });
    show();
  }

  // By the site's own ids: a contribution's text can never place an element the script takes.
  var ids = ["cr--bouton-menu", "cr--bouton-recherche"];
  for (var i = 0; i < ids.length; i++) {
    var button = document.getElementById(ids[i]);
    var toggle = button ? document.getElementById(button.dataset.bascule || "") : null;
    if (button && toggle instanceof HTMLInputElement) connect(button, toggle);
  }
})();
