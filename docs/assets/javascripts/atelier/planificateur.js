/* Mon atelier, the planner of /atelier/: the session's blocks in order with their clock
 * times, breaks, durations for this session, the group size and the materials, kept in the
 * address and the browser's storage. User text reaches the page through textContent and
 * form values only. Every change is announced in one live region. */
(function () {
  "use strict";

  var A = window.CRAtelier;

  function h(tag, attributes) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name.slice(0, 2) === "on") node.addEventListener(name.slice(2), value);
      else node.setAttribute(name, value === true ? "" : value);
    });
    for (var i = 2; i < arguments.length; i++) {
      var child = arguments[i];
      if (child === null || child === undefined || child === false) continue;
      [].concat(child).forEach(function (c) {
        if (c !== null && c !== undefined && c !== false) node.append(c);
      });
    }
    return node;
  }
  A.h = h;

  /** The address of a sheet's page: `fiches/x/` online, `fiches/x.html` in the offline pack
   * (told by how the page links to the catalogue, `fiches/` or `fiches/index.html`). */
  A.sheetHref = function (slug) {
    var href = A.pageHref("fiches/", document.getElementById("cr--atelier-catalogue"));
    return /index\.html$/.test(href) ? href.replace(/index\.html$/, slug + ".html") : href.replace(/[^/]*$/, "") + slug + "/";
  };

  var uid = 0;
  function tag(items) {
    items.forEach(function (item) { if (!item.id) item.id = ++uid; });
  }

  A.startPlanner = function (root) {
    var plan = null;
    var previous = null; // the plan this browser held before a shared link replaced it
    var sheets = A.data.fiches;
    var missing = []; // names of sheets the opened plan held and the site lacks
    var notes = []; // what the opening left out and why, said above the plan
    var lastGood = ""; // the address of the plan as last saved: a change over the limits goes back to it

    var live = h("p", { "class": "atelier-annonce", role: "status", "aria-live": "polite" });
    var dynamic = h("div", { "class": "atelier-dynamique" });
    var printed = h("div", { "class": "atelier-impression", "aria-hidden": "true" });

    // --- the session's fields (made once: re-rendering would lose the typing) ------------------
    var title = h("input", { type: "text", id: "cr--atelier-titre", autocomplete: "off", maxlength: String(A.MAX_TITLE) });
    var start = h("input", { type: "time", id: "cr--atelier-debut", required: true });
    var end = h("input", { type: "time", id: "cr--atelier-fin", "aria-describedby": "cr--atelier-fin-aide" });
    var fields = h("fieldset", { "class": "atelier-seance" },
      h("legend", { text: "La séance" }),
      h("p", {}, h("label", { "for": "cr--atelier-titre", text: "Titre (facultatif)" }), title),
      h("div", { "class": "atelier-heures" },
        h("p", {}, h("label", { "for": "cr--atelier-debut", text: "Heure de début" }), start),
        h("p", {}, h("label", { "for": "cr--atelier-fin", text: "Heure de fin à ne pas dépasser (facultatif)" }), end,
          h("span", { id: "cr--atelier-fin-aide", "class": "atelier-aide", text: "Un avertissement s'affiche si la séance finit plus tard." }))));

    function sessionChanged(message) {
      return function () {
        if (A.clockMinutes(start.value) !== null) plan.debut = start.value;
        plan.fin = A.clockMinutes(end.value) !== null ? end.value : "";
        changed(message);
      };
    }
    // The title changes no clock time: the list is left as it is (re-drawing it would take
    // away a control the pointer is moving to).
    title.addEventListener("change", function () {
      var before = plan.titre;
      plan.titre = title.value.trim().slice(0, A.MAX_TITLE);
      if (!A.fits(plan)) {
        plan.titre = title.value = before;
        announce("Ce titre ne tient pas dans le lien de l'atelier : " + A.limits() + ".");
        return;
      }
      A.save(plan);
      lastGood = A.serialize(plan);
      window.history.replaceState(null, "", "#" + A.serialize(plan));
      A.renderPrint(printed, plan, sheets, A.schedule(plan, sheets));
      announce("Titre de la séance enregistré.");
    });
    start.addEventListener("change", sessionChanged("Heure de début changée."));
    end.addEventListener("change", sessionChanged("Heure de fin changée."));

    // --- actions ------------------------------------------------------------------------------
    var shareField = h("input", { type: "text", readonly: true, id: "cr--atelier-lien", "class": "atelier-lien" });
    var shareBox = h("p", { "class": "atelier-partage", hidden: true },
      h("label", { "for": "cr--atelier-lien", text: "Lien de cet atelier, à copier : " }), shareField);
    var actions = h("div", { "class": "atelier-actions" },
      h("button", { type: "button", "class": "atelier-bouton atelier-bouton--principal", "data-action": "animer",
        text: "Animer la séance", onclick: function (event) { A.startFacilitator(current(), event.currentTarget); } }),
      h("button", { type: "button", "class": "atelier-bouton", "data-action": "imprimer",
        text: "Imprimer la feuille de route", onclick: function () { window.print(); } }),
      h("button", { type: "button", "class": "atelier-bouton", "data-action": "partager",
        text: "Copier le lien de l'atelier", onclick: share }),
      h("button", { type: "button", "class": "atelier-bouton", "data-action": "vider",
        text: "Vider l'atelier", onclick: clear }));

    function address() {
      return window.location.href.split("#")[0] + "#" + A.serialize(plan);
    }

    function share() {
      var link = address();
      shareField.value = link;
      var done = function (copied) {
        shareBox.hidden = copied;
        announce(copied ? "Lien de l'atelier copié : envoyez-le à la personne qui co-anime."
          : "Copiez le lien affiché sous les boutons.");
        if (!copied) shareField.select();
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(link).then(function () { done(true); }, function () { done(false); });
      } else {
        done(false);
      }
    }

    function clear() {
      previous = plan;
      plan = A.emptyPlan();
      plan.debut = previous.debut;
      changed("Atelier vidé. Le bouton « Rétablir l'atelier » le fait revenir.");
    }

    // --- changes ---------------------------------------------------------------------------
    var pendingFocus = null;
    var fitting = null; // while adjusting to the end time: {refused: keys of the cuts turned down}

    function current() {
      return { plan: plan, sheets: sheets, schedule: A.schedule(plan, sheets) };
    }

    function announce(message) {
      live.textContent = "";
      window.setTimeout(function () { live.textContent = message; }, 60);
    }

    function changed(message, focus) {
      if (!A.fits(plan)) {
        // a step moved out of its block, a longer duration: the address would be over its limit
        plan = A.parse(lastGood) || A.emptyPlan();
        tag(plan.items);
        render();
        announce("Ce changement n'a pas été fait : " + A.limits() + ".");
        return;
      }
      tag(plan.items);
      A.save(plan);
      lastGood = A.serialize(plan);
      window.history.replaceState(null, "", "#" + A.serialize(plan));
      pendingFocus = focus || (document.activeElement && document.activeElement.getAttribute("data-cle"));
      render();
      var schedule = A.schedule(plan, sheets);
      var times = plan.items.length
        ? " Horaires mis à jour : de " + A.clock(schedule.debut) + " à " + A.clock(schedule.fin) + "."
        : "";
      if (schedule.depassement) times += " La séance dépasse de " + A.duration(schedule.depassement) + " l'heure de fin choisie.";
      announce((message || "") + times);
    }

    function nameOf(row) {
      if (row.item.pause) return "Pause";
      return row.step ? row.step.titre : "Étape " + row.item.numero;
    }

    function moveItem(index, delta) {
      var target = index + delta;
      if (target < 0 || target >= plan.items.length) return;
      var item = plan.items[index];
      A.move(plan.items, index, target);
      var label = item.pause ? "La pause" : "L'étape « " + nameOf({ item: item, step: stepOf(item) }) + " »";
      changed(label + " est maintenant en position " + (target + 1) + " sur " + plan.items.length + ".",
        (delta < 0 ? "monter-" : "descendre-") + item.id);
    }

    function moveBlock(blockIndex, delta, focusKey) {
      var block = A.blocks(plan.items)[blockIndex];
      var first = plan.items[block.start];
      if (!A.moveBlock(plan, blockIndex, delta)) return;
      var blocks = A.blocks(plan.items);
      var position = blocks.findIndex(function (b) { return plan.items[b.start] === first; });
      var name = first.pause ? "La pause" : "La fiche « " + sheetTitle(first.fiche) + " »";
      changed(name + " est maintenant en position " + (position + 1) + " sur " + blocks.length + ".",
        focusKey || (delta < 0 ? "bloc-monter-" : "bloc-descendre-") + first.id);
    }

    function stepOf(item) {
      var sheet = sheets.get(item.fiche);
      return sheet ? sheet.etapes.find(function (s) { return s.numero === item.numero; }) || null : null;
    }

    function sheetTitle(slug) {
      return sheets.has(slug) ? sheets.get(slug).titre : slug;
    }

    // --- drawing ---------------------------------------------------------------------------
    function commandButton(text, label, key, disabled, action) {
      return h("button", { type: "button", "class": "atelier-commande", "aria-label": label, title: label,
        "data-cle": key, disabled: disabled, onclick: action, text: text });
    }

    function durationField(row) {
      var id = "cr--atelier-duree-" + row.item.id;
      var input = h("input", { type: "number", id: id, min: "1", max: String(A.MAX_MINUTES), step: "1",
        inputmode: "numeric", value: String(row.duree), "data-cle": "duree-" + row.item.id });
      input.addEventListener("change", function () {
        var value = parseInt(input.value, 10);
        if (!(value >= 1 && value <= A.MAX_MINUTES)) {
          input.value = String(row.duree);
          announce("Durée non valable : entre 1 et " + A.MAX_MINUTES + " minutes.");
          return;
        }
        if (row.item.pause) row.item.pause = value;
        else row.item.duree = value === row.prevue ? null : value;
        changed("Durée de « " + nameOf(row) + " » : " + A.duration(value) + ".");
      });
      var note = !row.item.pause && row.item.duree
        ? h("span", { "class": "atelier-aide", text: "(fiche : " + A.duration(row.prevue) + ")" }) : null;
      return h("span", { "class": "atelier-duree" },
        h("label", { "for": id }, "Durée", h("span", { "class": "atelier-invisible", text: " de « " + nameOf(row) + " »" }), " (min)"),
        input, note);
    }

    /** A step's times; the day, past midnight, on a line of its own where the column is narrow.
     * @param {number} from
     * @param {number} to
     * @returns {Array<string|HTMLElement>} */
    function timeSpan(from, to) {
      var text = A.clockRange(from, to);
      var day = / \([^)]*\)$/.exec(text);
      return day ? [text.slice(0, -day[0].length), h("span", { "class": "atelier-jour", text: day[0] })] : [text];
    }

    function stepRow(row, total) {
      var name = nameOf(row);
      var what = row.item.pause ? "la pause" : "l'étape « " + name + " »";
      return h("li", { "class": "atelier-etape" + (row.pause ? " atelier-etape--pause" : "") },
        h("span", { "class": "atelier-horaire" }, timeSpan(row.debut, row.fin)),
        h("span", { "class": "atelier-etape__titre" },
          row.item.pause ? "Pause" : (row.step ? "Étape " + row.step.numero + " : " + name : name)),
        durationField(row),
        h("span", { "class": "atelier-commandes" },
          commandButton("↑", "Monter " + what, "monter-" + row.item.id, row.index === 0,
            function () { moveItem(row.index, -1); }),
          commandButton("↓", "Descendre " + what, "descendre-" + row.item.id, row.index === total - 1,
            function () { moveItem(row.index, 1); }),
          commandButton("✕", "Retirer " + what, "retirer-" + row.item.id, false, function () {
            plan.items.splice(row.index, 1);
            changed((row.item.pause ? "Pause retirée." : "Étape « " + name + " » retirée."),
              "retirer-" + (plan.items[row.index] || plan.items[row.index - 1] || {}).id);
          })));
    }

    var dragged = null;

    function blockElement(block, blockIndex, blocks, schedule) {
      var rows = schedule.rows.slice(block.start, block.end);
      var first = plan.items[block.start];
      var isBreak = Boolean(first.pause);
      var suite = block.suite ? " (suite)" : ""; // the sheet's steps continue after another block
      var heading = isBreak ? h("h3", { text: "Pause" })
        : h("h3", {}, h("a", { href: A.sheetHref(first.fiche), text: sheetTitle(first.fiche) }), suite);
      var what = isBreak ? "la pause" : "la fiche « " + sheetTitle(first.fiche) + " »" + suite;
      var head = h("div", { "class": "atelier-bloc__tete" },
        h("span", { "class": "atelier-poignee", "aria-hidden": "true", title: "Glisser pour déplacer", text: "⠿" }),
        heading,
        h("span", { "class": "atelier-bloc__horaire" },
          A.clockRange(rows[0].debut, rows[rows.length - 1].fin) + " · " +
          A.duration(rows[rows.length - 1].fin - rows[0].debut)),
        isBreak ? null : h("span", { "class": "atelier-commandes" },
          commandButton("Monter", "Monter " + what, "bloc-monter-" + first.id, blockIndex === 0,
            function () { moveBlock(blockIndex, -1); }),
          commandButton("Descendre", "Descendre " + what, "bloc-descendre-" + first.id, blockIndex === blocks.length - 1,
            function () { moveBlock(blockIndex, 1); }),
          commandButton("Retirer", "Retirer " + what, "bloc-retirer-" + first.id, false, function () {
            plan.items.splice(block.start, block.end - block.start);
            changed("Fiche « " + sheetTitle(first.fiche) + " »" + suite + " retirée.");
          })));
      var list = h("ol", { "class": "atelier-etapes" }, rows.map(function (row) { return stepRow(row, plan.items.length); }));
      var node = h("li", { "class": "atelier-bloc" + (isBreak ? " atelier-bloc--pause" : ""), draggable: "true" }, head, list);
      // The mouse drags a block onto another; the buttons do the same from the keyboard.
      node.addEventListener("dragstart", function (event) {
        if (event.target !== node) return;
        dragged = blockIndex;
        event.dataTransfer.effectAllowed = "move";
        event.dataTransfer.setData("text/plain", String(blockIndex));
        node.classList.add("atelier-bloc--deplace");
      });
      node.addEventListener("dragend", function () { node.classList.remove("atelier-bloc--deplace"); dragged = null; });
      node.addEventListener("dragover", function (event) {
        if (dragged === null || dragged === blockIndex) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = "move";
      });
      node.addEventListener("drop", function (event) {
        if (dragged === null || dragged === blockIndex) return;
        event.preventDefault();
        var from = dragged;
        dragged = null;
        var step = from < blockIndex ? 1 : -1;
        var at = from;
        while (at !== blockIndex) { A.moveBlock(plan, at, step); at += step; }
        changed("Bloc déplacé en position " + (blockIndex + 1) + " sur " + blocks.length + ".");
      });
      return node;
    }

    function summary(schedule) {
      var parts = [];
      var group = A.groupSize(plan, sheets);
      parts.push(h("p", { "class": "atelier-resume" },
        "De ", h("strong", { text: A.clock(schedule.debut) }), " à ", h("strong", { "class": "atelier-fin", text: A.clock(schedule.fin) }),
        " · " + A.duration(schedule.total) + ", pauses comprises",
        group && group.possible ? " · " + (group.min === group.max ? group.min : group.min + " à " + group.max) + " personnes" : ""));
      if (group && !group.possible) {
        var low = group.fiches.find(function (s) { return s.participants.min === group.min; });
        var high = group.fiches.find(function (s) { return s.participants.max === group.max; });
        parts.push(h("p", { "class": "atelier-alerte" },
          "Ces fiches ne conviennent pas à un même groupe : « " + low.titre + " » demande au moins " + group.min +
          " personnes, « " + high.titre + " » au plus " + group.max + "."));
      }
      if (schedule.finVoulue !== undefined) {
        parts.push(schedule.depassement
          ? h("p", { "class": "atelier-alerte" }, "La séance dépasse de " + A.duration(schedule.depassement) +
            " l'heure de fin choisie (" + A.clock(schedule.finVoulue) + ") : raccourcissez une étape ou retirez-en une.")
          : h("p", { "class": "atelier-ok", tabindex: "-1", "data-cle": "tient" }, "La séance tient avant " + A.clock(schedule.finVoulue) +
            (schedule.finVoulue > schedule.fin ? " (il reste " + A.duration(schedule.finVoulue - schedule.fin) + ")." : ".")));
        if (schedule.depassement) parts.push(fitPanel(schedule));
        else fitting = null; // it fits: a later overrun starts again from the button
      }
      // While the session overruns, cutting comes first: no break is suggested then.
      var suggestion = schedule.depassement ? null : A.suggestBreak(schedule);
      if (suggestion) {
        var after = schedule.rows[suggestion.apres];
        // what the break costs, when the session has an end it would push back
        var cost = suggestion.depassement
          ? " Elle ferait finir la séance à " + A.clock(suggestion.fin) + ", " + A.duration(suggestion.depassement) +
            " après l'heure de fin choisie (" + A.clock(schedule.finVoulue) + ") : raccourcissez une étape d'autant."
          : "";
        parts.push(h("div", { "class": "atelier-suggestion" },
          h("p", {}, "Plus de " + A.LONG_STRETCH + " minutes sans pause : une pause de " + suggestion.duree +
            " min vers " + A.clock(suggestion.heure) + ", après « " + nameOf(after) + " », laisserait souffler le groupe." + cost),
          h("button", { type: "button", "class": "atelier-bouton", "data-cle": "suggestion",
            text: suggestion.depassement ? "Ajouter cette pause : fin à " + A.clock(suggestion.fin) : "Ajouter cette pause",
            onclick: function () {
              if (!A.insertBreak(plan, suggestion.apres, suggestion.duree)) {
                announce("Cette pause ne tient plus dans l'atelier : " + A.limits() + ".");
                return;
              }
              changed("Pause de " + suggestion.duree + " min ajoutée après « " + nameOf(after) + " ».", "suggestion");
            } })));
      }
      return parts;
    }

    /** Minutes of session the end time leaves: « Ajuster à 2 h 30 ».
     * @param {{debut: number, finVoulue: number}} schedule
     * @returns {string} */
    function fitLabel(schedule) {
      return "Ajuster à " + A.duration(schedule.finVoulue - schedule.debut);
    }

    /** Says what a cut does: « Retirer l'étape « … » (fiche « … ») : 30 min de moins ».
     * @param {{action: string, item: Object, duree: number, gain: number}} cut
     * @returns {string} */
    function cutText(cut) {
      var step = stepOf(cut.item);
      var sheet = "(" + sheetTitle(cut.item.fiche) + ")";
      var name = step && step.pause ? sheet : "« " + (step ? step.titre : "Étape " + cut.item.numero) + " » " + sheet;
      var what = step && step.pause ? "la pause " : "l'étape ";
      return (cut.action === "retirer" ? "Retirer " + what + name
        : "Raccourcir " + what + name + " à " + A.duration(cut.duree)) + " : " + A.duration(cut.gain) + " de moins";
    }

    /** The session overruns: « Ajuster à 2 h 30 » opens the cuts the sheets allow with little
     * time, each accepted or refused by the facilitator; what is left to cut is said.
     * @param {Object} schedule
     * @returns {HTMLElement} */
    function fitPanel(schedule) {
      var proposal = A.fitCuts(schedule, fitting ? fitting.refused : new Set());
      var label = fitLabel(schedule);
      if (!fitting) {
        if (!proposal.cuts.length) {
          return h("p", { "class": "atelier-aide" }, "Les fiches de cette séance ne disent pas quelles étapes raccourcir " +
            "ou laisser de côté (variante « Avec peu de temps ») : choisissez vous-même.");
        }
        return h("p", {}, h("button", { type: "button", "class": "atelier-bouton atelier-bouton--principal", "data-cle": "ajuster",
          text: label, onclick: function () {
            fitting = { refused: new Set() };
            pendingFocus = "coupe-oui-0";
            render();
            announce(A.fitCuts(A.schedule(plan, sheets), fitting.refused).cuts.length +
              " coupes proposées par les fiches : acceptez ou refusez chacune.");
          } }));
      }
      var decide = function (cut, position, accepted) {
        return function () {
          var said;
          if (accepted) {
            var at = plan.items.indexOf(cut.item);
            if (cut.action === "retirer") plan.items.splice(at, 1);
            else cut.item.duree = cut.duree;
            said = cutText(cut).replace(/^Retirer/, "Retirée :").replace(/^Raccourcir/, "Raccourcie :") + ".";
          } else {
            fitting.refused.add(cut.cle);
            said = "Coupe refusée.";
          }
          var next = A.schedule(plan, sheets);
          var left = next.depassement ? A.fitCuts(next, fitting.refused).cuts.length : 0;
          if (!next.depassement) fitting = null;
          changed(said, !next.depassement ? "tient" : left ? "coupe-oui-" + Math.min(position, left - 1) : "ajuster-fin");
        };
      };
      var items = proposal.cuts.map(function (cut, position) {
        var text = cutText(cut);
        return h("li", {}, h("span", { text: text }),
          h("span", { "class": "atelier-commandes" },
            h("button", { type: "button", "class": "atelier-bouton", "data-cle": "coupe-oui-" + position,
              "aria-label": "Accepter : " + text, text: "Accepter", onclick: decide(cut, position, true) }),
            h("button", { type: "button", "class": "atelier-bouton", "data-cle": "coupe-non-" + position,
              "aria-label": "Refuser : " + text, text: "Refuser", onclick: decide(cut, position, false) })));
      });
      return h("section", { "class": "atelier-ajuster", "aria-labelledby": "cr--atelier-ajuster-titre" },
        h("h3", { id: "cr--atelier-ajuster-titre", text: label }),
        proposal.cuts.length ? h("p", { text: "Ce que les fiches permettent avec peu de temps (leur variante « Avec peu de temps ») : " +
          proposal.cuts.length + (proposal.cuts.length > 1 ? " coupes, " : " coupe, ") +
          A.duration(proposal.cuts.reduce(function (sum, cut) { return sum + cut.gain; }, 0)) +
          " de moins en tout. Acceptez ou refusez chaque coupe :" }) : null,
        proposal.cuts.length ? h("ol", { "class": "atelier-coupes" }, items) : null,
        proposal.reste ? h("p", { "class": "atelier-alerte" }, (proposal.cuts.length ? "Même avec ces coupes, la séance dépasserait encore de "
          : "Les fiches ne proposent pas d'autre coupe : la séance dépasse encore de ") + A.duration(proposal.reste) +
          " : retirez une étape ou une fiche à la main, ou choisissez une heure de fin plus tardive.") : null,
        h("p", {}, h("button", { type: "button", "class": "atelier-bouton", "data-cle": "ajuster-fin", text: "Arrêter l'ajustement",
          onclick: function () { fitting = null; changed("Ajustement arrêté.", "ajuster"); } })));
    }

    function breakForm(schedule) {
      var where = h("select", { id: "cr--atelier-pause-apres", "data-cle": "pause-apres" },
        h("option", { value: "-1", text: "au début" }),
        schedule.rows.map(function (row) {
          return h("option", { value: String(row.index), text: "après « " + nameOf(row) + " » (" + A.clock(row.fin) + ")" });
        }));
      where.value = String(plan.items.length - 1);
      var length = h("input", { type: "number", id: "cr--atelier-pause-duree", min: "1", max: "120", value: String(A.BREAK_MINUTES),
        inputmode: "numeric" });
      return h("div", { "class": "atelier-formulaire" },
        h("h3", { text: "Insérer une pause" }),
        h("p", { "class": "atelier-ligne" },
          h("span", {}, h("label", { "for": "cr--atelier-pause-duree", text: "Durée (min)" }), length),
          h("span", {}, h("label", { "for": "cr--atelier-pause-apres", text: "Place" }), where),
          h("button", { type: "button", "class": "atelier-bouton", "data-cle": "pause-ajouter", text: "Insérer la pause",
            onclick: function () {
              var after = parseInt(where.value, 10);
              if (!A.insertBreak(plan, after, parseInt(length.value, 10))) {
                announce("Cette pause ne tient plus dans l'atelier : " + A.limits() + ".");
                return;
              }
              changed("Pause de " + plan.items[after + 1].pause + " min insérée en position " + (after + 2) + ".", "pause-ajouter");
            } })));
    }

    var sheetChoice = h("select", { id: "cr--atelier-fiche-choix" }, h("option", { value: "", text: "Choisir une fiche…" }));
    var addSheet = h("div", { "class": "atelier-formulaire" },
      h("h3", { text: "Ajouter une fiche" }),
      h("p", { "class": "atelier-ligne" },
        h("span", {}, h("label", { "for": "cr--atelier-fiche-choix", text: "Fiche" }), sheetChoice),
        h("button", { type: "button", "class": "atelier-bouton", "data-cle": "fiche-ajouter", text: "Ajouter la fiche",
          onclick: function () {
            var slug = sheetChoice.value;
            if (!slug) { announce("Choisissez d'abord une fiche dans la liste."); sheetChoice.focus(); return; }
            A.loadSheets([slug]).then(function (failed) {
              if (failed.length) { announce("Cette fiche n'a pas pu être chargée."); return; }
              if (A.addSteps(plan, slug, sheets.get(slug).etapes.map(function (s) { return s.numero; })) < 0) {
                announce("Cette fiche ne tient plus dans l'atelier : " + A.limits() + ".");
                return;
              }
              changed("Fiche « " + sheets.get(slug).titre + " » ajoutée.", "fiche-ajouter");
            });
          } })));
    A.loadIndex().then(function (index) {
      var groups = new Map(); // by phase: names written by contributors
      index.forEach(function (entry) {
        if (!groups.has(entry.phase)) {
          groups.set(entry.phase, h("optgroup", { label: entry.phase }));
          sheetChoice.append(groups.get(entry.phase));
        }
        groups.get(entry.phase).append(h("option", { value: entry.slug, text: entry.titre + " (" + A.duration(entry.duree) + ")" }));
      });
    }, function () { addSheet.hidden = true; });

    function materials() {
      var list = A.materials(plan, sheets);
      return h("section", { "class": "atelier-materiel", "aria-labelledby": "cr--atelier-materiel-titre" },
        h("h3", { id: "cr--atelier-materiel-titre", text: "Matériel de la séance" }),
        list.length ? h("ul", {}, list.map(function (entry, index) {
          var id = "cr--atelier-materiel-" + index;
          var details = A.quantities(entry);
          return h("li", {}, h("input", { type: "checkbox", id: id }),
            h("label", { "for": id }, h("strong", { text: entry.nom }), details.length ? " : " + details.join(" ; ") : ""));
        })) : h("p", { text: "Aucun matériel particulier." }));
    }

    function render() {
      var schedule = A.schedule(plan, sheets);
      title.value = plan.titre;
      start.value = plan.debut;
      end.value = plan.fin;
      var parts = [];
      notes.forEach(function (note) { parts.push(h("p", { "class": "atelier-alerte" }, note)); });
      if (missing.length) {
        var shown = missing.slice(0, 10).map(function (name) { return name.length > 60 ? name.slice(0, 59) + "…" : name; });
        var others = missing.length - shown.length;
        parts.push(h("p", { "class": "atelier-alerte" }, "Ces fiches du lien n'existent pas sur ce site et ont été laissées de côté : " +
          shown.join(", ") + (others > 0 ? " et " + others + " autre" + (others > 1 ? "s" : "") : "") + "."));
      }
      if (previous) {
        parts.push(h("p", { "class": "atelier-retour" },
          h("button", { type: "button", "class": "atelier-bouton", "data-cle": "retablir", text: "Rétablir l'atelier précédent",
            onclick: function () {
              var back = previous;
              previous = null;
              prepare(back).then(function () {
                plan = back;
                changed("Atelier précédent rétabli.");
              });
            } })));
      }
      if (!plan.items.length) {
        parts.push(h("p", { "class": "atelier-vide" },
          "Votre atelier est vide. Sur chaque fiche, le bouton « Ajouter à mon atelier » ajoute la fiche entière " +
          "ou une de ses étapes ; vous pouvez aussi choisir une fiche ci-dessous."));
      } else {
        parts.push(summary(schedule));
        var blocks = A.blocks(plan.items);
        parts.push(h("h2", { id: "cr--atelier-deroule", text: "Déroulé" }));
        parts.push(h("ol", { "class": "atelier-blocs", "aria-labelledby": "cr--atelier-deroule" },
          blocks.map(function (block, index) { return blockElement(block, index, blocks, schedule); })));
        parts.push(breakForm(schedule));
      }
      parts.push(addSheet);
      if (plan.items.length) parts.push(materials());
      dynamic.replaceChildren.apply(dynamic, [].concat.apply([], parts));
      actions.querySelectorAll("button").forEach(function (button) { button.disabled = !plan.items.length; });
      A.renderPrint(printed, plan, sheets, schedule);
      if (pendingFocus) {
        var target = root.querySelector('[data-cle="' + pendingFocus + '"]');
        if (target && target.disabled) {
          // at the top or the bottom now: the other direction's button keeps the focus near
          var other = pendingFocus.replace(/^(bloc-)?(monter|descendre)/, function (m, bloc, dir) {
            return (bloc || "") + (dir === "monter" ? "descendre" : "monter");
          });
          target = root.querySelector('[data-cle="' + other + '"]') || target;
        }
        if (target && !target.disabled) target.focus();
        pendingFocus = null;
      }
    }

    // --- start ---------------------------------------------------------------------------------

    /** Loads the data of a plan's sheets, unfolds its whole sheets and leaves out the steps the
     * site lacks; resolves with the names of the sheets it lacks, or null when the plan, once
     * unfolded, is over the limits. A name the index does not hold is not asked for: a link
     * naming unknown sheets costs no request per name. */
    function prepare(candidate) {
      var slugs = Array.from(new Set(candidate.items.filter(function (i) { return !i.pause; }).map(function (i) { return i.fiche; })));
      return A.loadIndex().then(null, function () { return []; }).then(function (index) {
        var known = index.length ? new Set(index.map(function (entry) { return entry.slug; })) : null;
        var absent = known ? slugs.filter(function (slug) { return !known.has(slug); }) : [];
        return A.loadSheets(known ? slugs.filter(function (slug) { return known.has(slug); }) : slugs)
          .then(function (failed) { return absent.concat(failed); });
      }).then(function (lacking) {
        A.expand(candidate, sheets);
        candidate.items = candidate.items.filter(function (item) { return item.pause || stepOf(item); });
        return A.fits(candidate) ? lacking : null;
      });
    }

    /** Opens the plan of the address, or else the stored one, or else an empty one; says what
     * was refused. Resolves with the notes said. */
    function open(fromAddress) {
      var shared = A.read(window.location.hash);
      var stored = A.load();
      var said = [];
      var candidates = [];
      if (shared.plan) candidates.push({ plan: shared.plan, read: shared, shared: true });
      else if (shared.refused) said.push(shared.refused);
      if (stored.plan) candidates.push({ plan: stored.plan, read: stored, stored: true });
      else if (stored.refused) said.push(stored.refused);
      candidates.push({ plan: A.emptyPlan(), read: { names: [], unknown: [] } });

      function attempt(index) {
        var candidate = candidates[index];
        return prepare(candidate.plan).then(function (lacking) {
          if (lacking !== null) return { chosen: candidate, lacking: lacking };
          said.push(candidate.shared
            ? "Ce lien d'atelier compte plus de " + A.MAX_ITEMS + " étapes et pauses une fois ses fiches dépliées : " +
              "il n'a pas été ouvert (" + A.limits() + ")."
            : "L'atelier enregistré dans ce navigateur dépassait les limites (" + A.limits() + ") : il a été laissé de côté.");
          return attempt(index + 1);
        });
      }

      return attempt(0).then(function (opened) {
        var chosen = opened.chosen;
        if (said.length && !chosen.shared && (shared.plan || shared.refused)) {
          said.push(chosen.stored ? "L'atelier enregistré dans ce navigateur est ouvert à sa place." : "Un atelier vide est ouvert à sa place.");
        }
        plan = chosen.plan;
        notes = said;
        var lacking = new Set(chosen.read.unknown.concat(opened.lacking));
        missing = chosen.read.names.filter(function (name) { return lacking.has(name); });
        if (chosen.shared && stored.plan && fromAddress && stored.plan.items.length &&
            A.serialize(shared.plan) !== A.serialize(stored.plan)) {
          previous = stored.plan; // opening a link must not lose the plan this browser was preparing
        }
        tag(plan.items);
        A.save(plan);
        lastGood = A.serialize(plan);
        window.history.replaceState(null, "", plan.items.length || plan.titre ? "#" + lastGood : window.location.pathname);
        render();
        return said;
      });
    }

    var limits = A.limits();
    var limitsNote = h("p", { "class": "atelier-aide atelier-limites",
      text: "Limites : " + limits + " ; un lien plus long n'est pas ouvert." });
    root.replaceChildren(fields, dynamic, actions, shareBox, limitsNote, live, printed);
    root.hidden = false;
    var notice = document.getElementById("cr--atelier-sans-js");
    if (notice) notice.hidden = true;
    document.body.classList.add("atelier-actif");
    window.addEventListener("hashchange", function () {
      var next = A.read(window.location.hash);
      if (next.refused || (next.plan && A.serialize(next.plan) !== A.serialize(plan))) {
        open(true).then(function (said) { announce(said.length ? said.join(" ") : "Atelier ouvert depuis le lien."); });
      }
    });
    // A sheet added in another tab shows here at once.
    window.addEventListener("storage", function (event) {
      if (event.key !== A.STORAGE_KEY || !event.newValue || event.newValue === A.serialize(plan)) return;
      if (event.newValue.length > A.MAX_ADDRESS) return; // another script's: the limits hold for it too
      window.history.replaceState(null, "", "#" + event.newValue);
      open(false).then(function () { announce("Atelier mis à jour depuis un autre onglet."); });
    });
    A.planner = { current: current };
    open(true);
  };
})();
