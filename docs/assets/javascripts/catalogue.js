/* Filters of the sheet catalogue (/fiches/): a progressive enhancement.
 *
 * Without JavaScript the form stays hidden and every card shows. With it, the form appears;
 * each change filters the cards on their data-* attributes, writes the filters into the
 * address (?phase=…&duree=…) so that a filtered view can be shared, and announces the
 * number of results in a live region. Reloading the address restores the same view.
 */
(function () {
  "use strict";

  var DEBOUNCE_MS = 400; // wait for the visitor to stop typing before announcing

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function plural(count, one, many) {
    return count + " " + (count > 1 ? many : one);
  }

  function setUp(form, catalogue) {
    var cards = Array.prototype.slice.call(catalogue.querySelectorAll(".fiche-carte"));
    var sections = Array.prototype.slice.call(catalogue.querySelectorAll(".catalogue__phase"));
    var empty = document.getElementById("cr--catalogue-vide");
    var status = document.getElementById("cr--catalogue-compte");
    var fields = {
      q: document.getElementById("cr--filtre-texte"),
      phase: document.getElementById("cr--filtre-phase"),
      duree: document.getElementById("cr--filtre-duree"),
      participants: document.getElementById("cr--filtre-participants"),
      mot_cle: document.getElementById("cr--filtre-mot-cle"),
      distance: document.getElementById("cr--filtre-distance")
    };
    var texts = cards.map(function (card) { return fold(card.textContent); });
    var announceTimer = null;

    function hasOption(select, value) {
      return Array.prototype.some.call(select.options, function (option) { return option.value === value; });
    }

    function readAddress() {
      var params = new URLSearchParams(window.location.search);
      fields.q.value = params.get("q") || "";
      var phase = params.get("phase") || "";
      fields.phase.value = hasOption(fields.phase, phase) ? phase : "";
      var duree = params.get("duree") || "";
      fields.duree.value = hasOption(fields.duree, duree) ? duree : "";
      var participants = parseInt(params.get("participants") || "", 10);
      var most = parseInt(fields.participants.max, 10) || 1000;
      fields.participants.value = participants > 0 && participants <= most ? String(participants) : "";
      var keyword = params.get("mot_cle") || "";
      fields.mot_cle.value = hasOption(fields.mot_cle, keyword) ? keyword : "";
      fields.distance.checked = params.get("distance") === "oui";
    }

    function current() {
      return {
        q: fields.q.value.trim(),
        phase: fields.phase.value,
        duree: fields.duree.value,
        participants: parseInt(fields.participants.value, 10) || 0,
        mot_cle: fields.mot_cle.value,
        distance: fields.distance.checked
      };
    }

    function writeAddress(filters) {
      var params = new URLSearchParams();
      if (filters.q) params.set("q", filters.q);
      if (filters.phase) params.set("phase", filters.phase);
      if (filters.duree) params.set("duree", filters.duree);
      if (filters.participants) params.set("participants", String(filters.participants));
      if (filters.mot_cle) params.set("mot_cle", filters.mot_cle);
      if (filters.distance) params.set("distance", "oui");
      var query = params.toString();
      var address = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
      window.history.replaceState(null, "", address);
    }

    function matches(card, index, filters) {
      var data = card.dataset;
      if (filters.phase && data.phase !== filters.phase) return false;
      if (filters.duree && parseInt(data.duree, 10) > parseInt(filters.duree, 10)) return false;
      if (filters.participants && (filters.participants < parseInt(data.min, 10) ||
                                   filters.participants > parseInt(data.max, 10))) return false;
      if (filters.mot_cle && (" " + data.motsCles + " ").indexOf(" " + filters.mot_cle + " ") < 0) return false;
      if (filters.distance && data.distance !== "oui") return false;
      if (filters.q) {
        var words = fold(filters.q).split(/\s+/);
        for (var i = 0; i < words.length; i++) {
          if (texts[index].indexOf(words[i]) < 0) return false;
        }
      }
      return true;
    }

    function message(shown, total) {
      if (shown === total) return "Toutes les fiches sont affichées (" + total + ").";
      if (shown === 0) return "Aucune fiche ne correspond à ces critères.";
      return plural(shown, "fiche correspond", "fiches correspondent") + " à ces critères, sur " + total + ".";
    }

    // On a phone the filters fold behind one button that counts those in use (catalogue.css).
    var toggle = document.getElementById("cr--filtres-bascule");
    function countActive(filters) {
      var active = [filters.q, filters.phase, filters.duree, filters.participants, filters.mot_cle, filters.distance]
        .filter(Boolean).length;
      toggle.textContent = active ? "Filtrer (" + plural(active, "actif", "actifs") + ")" : "Filtrer";
    }
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      form.classList.toggle("catalogue-filtres--ouvert", open);
    });

    function apply(options) {
      var filters = current();
      countActive(filters);
      var shown = 0;
      cards.forEach(function (card, index) {
        var visible = matches(card, index, filters);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      sections.forEach(function (section) {
        section.hidden = !section.querySelector(".fiche-carte:not([hidden])");
      });
      empty.hidden = shown > 0;
      catalogue.setAttribute("data-affichees", String(shown));
      if (options.address) writeAddress(filters);
      var text = message(shown, cards.length);
      window.clearTimeout(announceTimer);
      if (options.immediate) {
        status.textContent = text;
      } else {
        announceTimer = window.setTimeout(function () { status.textContent = text; }, DEBOUNCE_MS);
      }
    }

    form.addEventListener("input", function () { apply({ address: true }); });
    form.addEventListener("change", function () { apply({ address: true }); });
    form.addEventListener("submit", function (event) {
      event.preventDefault(); // Enter in the text field: nothing to send, the list is filtered
      apply({ address: true, immediate: true });
    });
    form.addEventListener("reset", function () {
      // The reset event fires before the fields are emptied.
      window.setTimeout(function () { apply({ address: true, immediate: true }); }, 0);
    });
    window.addEventListener("popstate", function () {
      readAddress();
      apply({ address: false, immediate: true });
    });

    readAddress();
    form.hidden = false;
    apply({ address: false, immediate: true });
  }

  function start() {
    // By ids no heading of a content can take (« cr-- »: centre_ressources/content/contributed_markup.py).
    var form = document.getElementById("cr--catalogue-filtres");
    var catalogue = document.getElementById("cr--catalogue");
    if (form && catalogue) setUp(form, catalogue);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
