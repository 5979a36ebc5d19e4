/* Mon atelier on paper: the facilitator's run sheet, drawn beside the planner and shown only
 * in print (docs/assets/stylesheets/atelier.css): a one-page agenda with clock times, the
 * materials checklist with boxes, each step's instructions with room for notes, then the
 * sheets' addresses with their QR codes (SVG drawn by the build). */
(function () {
  "use strict";

  var A = window.CRAtelier;

  function blocksOf(parent, blocks) {
    blocks.forEach(function (block) {
      if (block.p) parent.append(A.h("p", { text: block.p }));
      else if (block.liste) parent.append(A.h("ul", {}, block.liste.map(function (t) { return A.h("li", { text: t }); })));
    });
  }

  function qrCode(svgText) {
    // SVG drawn by the build (centre_ressources/render/pictures/qrcode.py), not user text; parsed
    // in a detached document, where nothing runs, as the page's own HTML parser reads inline SVG.
    var parsed = new DOMParser().parseFromString(svgText, "text/html").querySelector("svg");
    return parsed ? document.importNode(parsed, true) : null;
  }

  A.renderPrint = function (container, plan, sheets, schedule) {
    var h = A.h;
    if (!plan.items.length) { container.replaceChildren(); return; }
    var group = A.groupSize(plan, sheets);
    var title = plan.titre || "Atelier";
    var rows = schedule.rows;
    var agenda = h("section", { "class": "atelier-impression__agenda" },
      h("p", { "class": "atelier-impression__surtitre", text: "Feuille de route de l'animateur" }),
      h("h2", { text: title }),
      h("p", {}, "Date : ____________________   De " + A.clock(schedule.debut) + " à " + A.clock(schedule.fin) +
        " (" + A.duration(schedule.total) + ", pauses comprises)" +
        (group && group.possible ? " · " + group.min + " à " + group.max + " personnes" : "")),
      schedule.depassement ? h("p", { text: "Attention : la séance dépasse de " + A.duration(schedule.depassement) +
        " l'heure de fin prévue (" + A.clock(schedule.finVoulue) + ")." }) : null,
      h("table", { "class": "atelier-impression__tableau" },
        h("thead", {}, h("tr", {}, ["Horaire", "Étape", "Fiche", "Durée"].map(function (t) { return h("th", { scope: "col", text: t }); }))),
        h("tbody", {}, rows.map(function (row) {
          return h("tr", { "class": row.pause ? "atelier-impression__pause" : null },
            h("td", { text: A.clockRange(row.debut, row.fin) }),
            h("td", { text: row.item.pause ? "Pause" : row.step.titre }),
            h("td", { text: row.item.pause ? "" : row.sheet.titre }),
            h("td", { text: A.duration(row.duree) }));
        }))));

    var list = A.materials(plan, sheets);
    var material = h("section", { "class": "atelier-impression__materiel" },
      h("h2", { text: "Matériel à préparer" }),
      list.length ? h("ul", { "class": "atelier-impression__cases" }, list.map(function (entry) {
        var details = A.quantities(entry); // the sheets' names kept where quantities differ
        return h("li", {}, h("span", { "class": "atelier-impression__case" }), h("strong", { text: entry.nom }),
          details.length ? " : " + details.join(" ; ") : "");
      })) : h("p", { text: "Aucun matériel particulier." }),
      A.sheetsOf(plan, sheets).filter(function (s) { return s.salle; }).map(function (sheet) {
        return h("p", {}, h("strong", { text: "Salle (" + sheet.titre + ") : " }), sheet.salle);
      }));

    var steps = h("section", { "class": "atelier-impression__etapes" },
      h("h2", { text: "Déroulé pas à pas" }),
      rows.map(function (row) {
        var step = row.step;
        var part = h("div", { "class": "atelier-impression__etape" },
          h("h3", { text: A.clockRange(row.debut, row.fin) + " · " + (row.item.pause ? "Pause" : step.titre) +
            " (" + A.duration(row.duree) + ")" }),
          row.item.pause ? null : h("p", { "class": "atelier-impression__source", text: row.sheet.titre + ", étape " + step.numero }));
        if (step) {
          if (step.invitation) part.append(h("p", { "class": "atelier-impression__invitation" },
            h("strong", { text: "Ce que vous dites : " }), "« " + step.invitation + " »"));
          if (step.groupes) part.append(h("p", {}, h("strong", { text: "Groupes : " }), step.groupes));
          if (step.materiel.length) part.append(h("p", {}, h("strong", { text: "Matériel : " }), step.materiel.join(", ") + "."));
          blocksOf(part, step.consignes);
        }
        part.append(h("p", { "class": "atelier-impression__notes", text: "Notes :" }));
        return part;
      }));

    var addresses = h("section", { "class": "atelier-impression__adresses" },
      h("h2", { text: "Les fiches en ligne" }),
      A.sheetsOf(plan, sheets).map(function (sheet) {
        return h("div", { "class": "atelier-impression__adresse" },
          sheet.qr ? qrCode(sheet.qr) : null,
          h("p", {}, h("strong", { text: sheet.titre }), h("br"), sheet.adresse || A.sheetHref(sheet.slug)));
      }));

    container.replaceChildren(agenda, material, steps, addresses);
  };
})();
