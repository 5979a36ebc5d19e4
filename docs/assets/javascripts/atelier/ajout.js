/* Mon atelier, on a sheet's page: « Ajouter à mon atelier » for the whole sheet (at the top)
 * and for each step (under its heading). The plan is kept in the browser's storage; the link
 * « Voir mon atelier » carries it in its address too, should the storage be refused. */
(function () {
  "use strict";

  var A = window.CRAtelier;
  var STEP_ID = /^etape-(\d+)$/;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  A.startAdding = function (box) {
    var slug = box.getAttribute("data-atelier-fiche");
    var link = document.getElementById("cr--atelier-voir");
    var plannerAddress = A.pageHref("atelier/", link);
    link.href = plannerAddress;
    // The sheet's own steps, in their blocks (a class no content can set): a heading of a
    // contributed text may be called « Étape 2 » too.
    var headings = Array.prototype.filter.call(document.querySelectorAll('.md-content .etape > h3[id^="etape-"]'), function (h) {
      return STEP_ID.test(h.id);
    });
    var all = headings.map(function (h) { return parseInt(STEP_ID.exec(h.id)[1], 10); });

    function add(numbers, status, whole) {
      var stored = A.load();
      var plan = stored.plan || A.emptyPlan();
      var added = A.addSteps(plan, slug, numbers);
      var message;
      if (added < 0) {
        message = (whole ? "Cette fiche ne tient plus" : "Cette étape ne tient plus") + " dans votre atelier : " +
          A.limits() + ". Retirez-en une partie depuis « Voir mon atelier ».";
      } else {
        var saved = A.save(plan);
        link.href = plannerAddress + "#" + A.serialize(plan);
        var steps = plan.items.filter(function (item) { return !item.pause; }).length;
        if (!added) message = whole ? "Cette fiche est déjà dans votre atelier." : "Cette étape est déjà dans votre atelier.";
        else message = (whole ? "Fiche ajoutée" : "Étape ajoutée") + " à votre atelier (" + steps +
          " étape" + (steps > 1 ? "s" : "") + " en tout).";
        if (stored.refused) message += " " + stored.refused;
        if (!saved) message += " Votre navigateur n'enregistre pas l'atelier : ouvrez-le avec le lien « Voir mon atelier ».";
      }
      status.textContent = "";
      window.setTimeout(function () { status.textContent = message; }, 50);
    }

    var line = element("p", "atelier-ajout__ligne");
    var button = element("button", "atelier-bouton", "Ajouter la fiche à mon atelier");
    button.type = "button";
    var status = element("span", "atelier-ajout__etat");
    status.setAttribute("role", "status");
    line.append(button, " ", link, " ", status);
    box.replaceChildren(line);
    box.hidden = false;
    button.addEventListener("click", function () { add(all, status, true); });

    headings.forEach(function (heading, index) {
      var number = all[index];
      var title = heading.textContent.replace(/¶$/, "").trim();
      var stepButton = element("button", "atelier-bouton atelier-bouton--etape", "Ajouter à mon atelier");
      stepButton.type = "button";
      stepButton.setAttribute("aria-label", "Ajouter à mon atelier : " + title);
      var stepStatus = element("span", "atelier-ajout__etat");
      stepStatus.setAttribute("role", "status");
      var stepLine = element("p", "atelier-ajout__ligne atelier-ajout__ligne--etape");
      stepLine.append(stepButton, " ", stepStatus);
      // after the line of « Copier le lien » when permaliens.js has added it
      var after = heading.nextElementSibling && heading.nextElementSibling.classList.contains("copier-lien__ligne")
        ? heading.nextElementSibling : heading;
      after.insertAdjacentElement("afterend", stepLine);
      stepButton.addEventListener("click", function () { add([number], stepStatus, false); });
    });
  };
})();
