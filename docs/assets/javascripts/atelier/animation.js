/* Mon atelier, the facilitator's mode: the current step full screen in large type (title,
 * spoken invitation, instructions), a countdown that changes colour as time runs out, the
 * time left in the session, next and previous from the keyboard (arrows, Page Up/Down as a
 * presenter's remote sends them). Everything it shows is already loaded: no network. */
(function () {
  "use strict";

  var A = window.CRAtelier;
  var SOON = 0.2; // the last fifth of a step (at least one minute) shows « bientôt fini »

  function countdown(ms) {
    // whole seconds still to go (a countdown shows 0:01 until the time is up), then seconds over
    var seconds = ms > 0 ? Math.ceil(ms / 1000) : Math.floor(-ms / 1000);
    var m = Math.floor(seconds / 60);
    var s = seconds % 60;
    return (ms < 0 ? "+" : "") + m + ":" + (s < 10 ? "0" : "") + s;
  }

  A.startFacilitator = function (state, opener) {
    var h = A.h;
    var rows = state.schedule.rows;
    if (!rows.length) return;
    var index = 0;
    var elapsed = rows.map(function () { return 0; }); // ms spent on each step
    var runningSince = null;
    var lastState = "";
    var timer = null;

    var live = h("p", { "class": "atelier-annonce", role: "status", "aria-live": "polite" });
    var position = h("p", { "class": "animation__position" });
    var sessionLeft = h("p", { "class": "animation__seance" });
    var title = h("h2", { id: "cr--animation-titre", "class": "animation__titre" });
    var source = h("p", { "class": "animation__source" });
    var clock = h("p", { "class": "animation__compte", role: "timer", "aria-live": "off" });
    var clockState = h("p", { "class": "animation__etat" });
    var body = h("div", { "class": "animation__corps" });
    var previous = h("button", { type: "button", "class": "atelier-bouton", text: "← Précédente", onclick: function () { go(-1); } });
    var play = h("button", { type: "button", "class": "atelier-bouton atelier-bouton--principal", onclick: toggle });
    var next = h("button", { type: "button", "class": "atelier-bouton", text: "Suivante →", onclick: function () { go(1); } });
    var close = h("button", { type: "button", "class": "atelier-bouton", text: "Quitter le mode animation", onclick: quit });
    var panel = h("div", { "class": "animation", role: "dialog", "aria-modal": "true", "aria-labelledby": "cr--animation-titre", tabindex: "-1" },
      h("div", { "class": "animation__haut" }, position, sessionLeft),
      h("div", { "class": "animation__minuteur" }, clock, clockState),
      h("div", { "class": "animation__commandes" }, previous, play, next, close),
      title, source, body,
      h("p", { "class": "animation__aide", text: "Clavier : flèches ou Page précédente / suivante pour changer d'étape, Espace pour démarrer ou arrêter le minuteur, Échap pour quitter." }),
      live);

    function spent(i) {
      return elapsed[i] + (i === index && runningSince !== null ? Date.now() - runningSince : 0);
    }

    function left(i) {
      return rows[i].duree * 60000 - spent(i);
    }

    function tick() {
      var remaining = left(index);
      var total = rows[index].duree * 60000;
      var status = remaining <= 0 ? "fini" : remaining <= Math.max(60000, total * SOON) ? "bientot" : "normal";
      clock.textContent = countdown(remaining);
      clock.setAttribute("aria-label", "Temps restant pour l'étape : " + countdown(remaining));
      clockState.textContent = {
        normal: runningSince === null ? "Minuteur arrêté" : "En cours",
        bientot: "Bientôt fini",
        fini: "Temps écoulé",
      }[status];
      panel.setAttribute("data-etat", status);
      if (status !== lastState && lastState && status !== "normal") {
        say(status === "fini" ? "Temps écoulé pour cette étape." : "Plus que " + countdown(remaining) + " pour cette étape.");
      }
      lastState = status;
      var rest = Math.max(0, Math.ceil(remaining / 1000) * 1000); // as the countdown shows it
      for (var i = index + 1; i < rows.length; i++) rest += rows[i].duree * 60000;
      var minutes = Math.ceil(rest / 60000);
      sessionLeft.textContent = "Reste dans la séance : " + A.duration(minutes) +
        " · fin prévue à " + A.clock(state.schedule.fin);
    }

    function say(message) {
      live.textContent = "";
      window.setTimeout(function () { live.textContent = message; }, 60);
    }

    function show() {
      var row = rows[index];
      var step = row.step;
      position.textContent = "Étape " + (index + 1) + " sur " + rows.length + " · " +
        A.clockRange(row.debut, row.fin);
      title.textContent = row.item.pause ? "Pause" : step.titre;
      source.textContent = row.item.pause ? "" : row.sheet.titre + ", étape " + step.numero;
      var parts = [];
      if (step && step.invitation) {
        parts.push(h("p", { "class": "animation__invitation" }, h("strong", { text: "Ce que vous dites : " }), "« " + step.invitation + " »"));
      }
      if (step && step.groupes) parts.push(h("p", {}, h("strong", { text: "Groupes : " }), step.groupes));
      if (step && step.materiel.length) parts.push(h("p", {}, h("strong", { text: "Matériel : " }), step.materiel.join(", ") + "."));
      if (step) {
        step.consignes.forEach(function (block) {
          if (block.p) parts.push(h("p", { text: block.p }));
          else parts.push(h("ul", {}, block.liste.map(function (t) { return h("li", { text: t }); })));
        });
      }
      if (!step) parts.push(h("p", { text: "Pause de " + A.duration(row.duree) + "." }));
      var following = rows[index + 1];
      if (following) {
        parts.push(h("p", { "class": "animation__ensuite" }, h("strong", { text: "Ensuite, à " + A.clock(following.debut) + " : " }),
          following.item.pause ? "Pause" : following.step.titre));
      }
      body.replaceChildren.apply(body, parts);
      previous.disabled = index === 0;
      next.disabled = index === rows.length - 1;
      lastState = "";
      tick();
      play.textContent = runningSince === null ? "Démarrer le minuteur" : "Arrêter le minuteur";
    }

    function toggle() {
      if (runningSince === null) {
        runningSince = Date.now();
      } else {
        elapsed[index] += Date.now() - runningSince;
        runningSince = null;
      }
      play.textContent = runningSince === null ? "Démarrer le minuteur" : "Arrêter le minuteur";
      say(runningSince === null ? "Minuteur arrêté." : "Minuteur démarré.");
      tick();
    }

    function go(delta) {
      var target = index + delta;
      if (target < 0 || target >= rows.length) return;
      var running = runningSince !== null;
      if (running) { elapsed[index] += Date.now() - runningSince; runningSince = Date.now(); }
      index = target;
      show();
      say("Étape " + (index + 1) + " sur " + rows.length + " : " + title.textContent + ".");
    }

    function onKey(event) {
      var onButton = event.target && event.target.tagName === "BUTTON";
      if (event.key === "ArrowRight" || event.key === "PageDown") { event.preventDefault(); go(1); }
      else if (event.key === "ArrowLeft" || event.key === "PageUp") { event.preventDefault(); go(-1); }
      else if (event.key === "Escape") { event.preventDefault(); quit(); }
      else if ((event.key === " " || event.key === "Spacebar") && !onButton) { event.preventDefault(); toggle(); }
      else if (event.key === "Tab") {
        // the focus stays in the dialog
        var controls = panel.querySelectorAll("button:not([disabled])");
        var first = controls[0];
        var last = controls[controls.length - 1];
        if (event.shiftKey && (document.activeElement === first || document.activeElement === panel)) { event.preventDefault(); last.focus(); }
        else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
      }
    }

    function quit() {
      window.clearInterval(timer);
      panel.removeEventListener("keydown", onKey);
      if (document.fullscreenElement && document.exitFullscreen) document.exitFullscreen().catch(function () {});
      panel.remove();
      document.body.classList.remove("atelier-anime");
      if (opener) opener.focus();
    }

    document.body.append(panel);
    document.body.classList.add("atelier-anime");
    panel.addEventListener("keydown", onKey);
    show();
    timer = window.setInterval(tick, 250);
    if (panel.requestFullscreen) panel.requestFullscreen().catch(function () {}); // refused: the panel covers the window anyway
    panel.focus();
    say("Mode animation. Étape 1 sur " + rows.length + " : " + title.textContent + ".");
  };
})();
