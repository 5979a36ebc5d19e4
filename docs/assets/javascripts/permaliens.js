/* "Copier le lien" next to each step of a sheet (#etape-N): a progressive enhancement.
 *
 * Without JavaScript, the heading's own permalink (¶) still gives the step's address. With
 * it, a button copies the permanent address of the step: the page's canonical address (the
 * public site, even when read from a copy) followed by #etape-N. The result is announced
 * in a live region; if the clipboard is refused, the address is shown to copy by hand.
 */
(function () {
  "use strict";

  var STEP_ID = /^etape-\d+$/;

  function pageAddress() {
    var canonical = document.querySelector('link[rel="canonical"]');
    var base = canonical ? canonical.href : window.location.href;
    return base.split("#")[0].split("?")[0];
  }

  function copyWithSelection(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var copied = false;
    try {
      copied = document.execCommand("copy");
    } catch (error) {
      copied = false;
    }
    document.body.removeChild(field);
    return copied;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyWithSelection(text); }
      );
    }
    return Promise.resolve(copyWithSelection(text));
  }

  function addButton(heading) {
    var number = heading.id.split("-")[1];
    var line = document.createElement("p");
    line.className = "copier-lien__ligne";
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copier-lien";
    button.textContent = "Copier le lien";
    button.setAttribute("aria-label", "Copier le lien de l'étape " + number);
    var status = document.createElement("span");
    status.className = "copier-lien__etat";
    status.setAttribute("role", "status");
    line.appendChild(button);
    line.appendChild(document.createTextNode(" "));
    line.appendChild(status);
    heading.insertAdjacentElement("afterend", line);

    var timer = null;
    button.addEventListener("click", function () {
      var address = pageAddress() + "#" + heading.id;
      copy(address).then(function (copied) {
        window.clearTimeout(timer);
        if (copied) {
          status.textContent = "Lien de l'étape " + number + " copié.";
          timer = window.setTimeout(function () { status.textContent = ""; }, 4000);
        } else {
          status.textContent = "Copiez ce lien : " + address;
        }
      });
    });
  }

  function start() {
    // The sheet's own steps: a heading of a contributed text may be called « Étape 2 » too,
    // but never sits in a step's block (a class no content can set).
    var headings = document.querySelectorAll('.md-content .etape > h3[id^="etape-"]');
    Array.prototype.forEach.call(headings, function (heading) {
      if (STEP_ID.test(heading.id)) addButton(heading);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
