/* Mon atelier, the model: a session plan, its address, its clock times. No DOM here.
 *
 * A plan is a start time, an optional end the session must not overrun, an optional title,
 * and a flat list of items: a step of a sheet ({fiche, numero, duree}, `duree` null when
 * the sheet's own duration holds) or a break ({pause: minutes}). Consecutive steps of one
 * sheet make a block. The whole plan fits in the address (after #, never sent to a server):
 *   #debut=18:30&fin=21:00&titre=…&plan=slug.1.2_20.3~_15~autre-fiche
 * a block is a sheet's slug followed by its step numbers (`_20`: 20 minutes for this
 * session), or `_15` for a 15-minute break; a slug alone stands for the whole sheet.
 *
 * The sheets' data is a Map by slug (atelier.js): a slug comes from the address or the
 * storage, and « constructor » or « __proto__ » must name nothing but a sheet.
 */
(function () {
  "use strict";

  var A = (window.CRAtelier = window.CRAtelier || {});

  A.STORAGE_KEY = "centre-ressources:atelier";
  A.DEFAULT_START = "18:00"; // as the sheets' agendas (records.DEFAULT_START)
  A.BREAK_MINUTES = 15;
  A.LONG_STRETCH = 90; // minutes without a break after which one is suggested
  A.MAX_MINUTES = 600;
  // Two full days of workshops fit, with room to spare; the address of such a plan stays
  // short enough to be sent by e-mail or chat, and to open at once.
  A.MAX_ITEMS = 100;
  A.MAX_ADDRESS = 8000; // characters after « # », and of the stored plan
  A.MAX_TITLE = 120;

  var CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;
  var SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

  function minutes(value) {
    var n = parseInt(value, 10);
    return n >= 1 && n <= A.MAX_MINUTES ? n : null;
  }

  A.clockMinutes = function (text) {
    var match = CLOCK.exec(text || "");
    return match ? parseInt(match[1], 10) * 60 + parseInt(match[2], 10) : null;
  };

  /** Minutes since midnight -> « 18 h 05 », as the sheets print it; a time past midnight
   * says so: « 0 h 30 (lendemain) », then « (jour 3) »… */
  A.clock = function (total) {
    var day = ((total % 1440) + 1440) % 1440;
    var rest = day % 60;
    var days = Math.floor(total / 1440);
    var after = days === 1 ? " (lendemain)" : days > 1 ? " (jour " + (days + 1) + ")" : "";
    return Math.floor(day / 60) + " h " + (rest < 10 ? "0" : "") + rest + after;
  };

  /**
   * From one time to another, the day said once, at the end: « 0 h 30 – 0 h 45 (lendemain) ».
   * @param {number} from minutes since the first midnight
   * @param {number} to
   * @returns {string}
   */
  A.clockRange = function (from, to) {
    var start = A.clock(from);
    var end = A.clock(to);
    var day = / \([^)]*\)$/.exec(end);
    if (day && start.slice(-day[0].length) === day[0]) start = start.slice(0, -day[0].length);
    return start + " – " + end;
  };

  /** A duration -> « 45 min », « 1 h », « 2 h 05 ». */
  A.duration = function (total) {
    var hours = Math.floor(total / 60);
    var rest = total % 60;
    if (!hours) return rest + " min";
    return rest ? hours + " h " + (rest < 10 ? "0" : "") + rest : hours + " h";
  };

  A.emptyPlan = function () {
    return { debut: A.DEFAULT_START, fin: "", titre: "", items: [] };
  };

  // --- the address ---------------------------------------------------------------------

  /** 8000 -> « 8 000 », as French writes it (without loading the browser's locale data). */
  function number(n) {
    return String(n).replace(/\B(?=(\d{3})+$)/g, "\u202f");
  }

  /** The limits of a plan, said in the planner and in the README (« Mon atelier »). */
  A.limits = function () {
    return "un atelier compte au plus " + A.MAX_ITEMS + " étapes et pauses, et son lien au plus " +
      number(A.MAX_ADDRESS) + " caractères";
  };

  function refusal(what) {
    return "Ce lien d'atelier " + what + " : il n'a pas été ouvert (" + A.limits() + ").";
  }

  /** A plan from its address, or from the stored copy of it: {plan, refused, names, unknown}.
   * `plan` is null when the text holds none, or when it is over a limit: `refused` then says
   * which, in French. `names`: the sheets it names, in order; `unknown`, those of them that
   * cannot be slugs (left out).
   * The length is checked first, so that an address of any size costs nothing to refuse. */
  A.read = function (text) {
    var source = String(text || "").replace(/^#/, "");
    var result = { plan: null, refused: "", names: [], unknown: [] };
    if (source.length > A.MAX_ADDRESS) {
      result.refused = refusal("compte " + number(source.length) + " caractères");
      return result;
    }
    var plan = A.emptyPlan();
    var seen = new Set(); // a key given twice counts once, the first time
    var names = new Set();
    var unknown = new Set();
    var found = false;
    var over = false;

    function push(item) {
      if (plan.items.length >= A.MAX_ITEMS) over = true;
      else plan.items.push(item);
    }

    source.split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (at < 0) return;
      var key = pair.slice(0, at);
      if (seen.has(key)) return;
      seen.add(key);
      var value;
      try {
        value = decodeURIComponent(pair.slice(at + 1).replace(/\+/g, " "));
      } catch (error) {
        return;
      }
      if (key === "debut" && A.clockMinutes(value) !== null) plan.debut = value;
      else if (key === "fin" && A.clockMinutes(value) !== null) plan.fin = value;
      else if (key === "titre") plan.titre = value.slice(0, A.MAX_TITLE);
      else if (key === "plan") {
        found = true;
        value.split("~").forEach(function (block) {
          if (over || !block) return;
          var pause = /^_(\d{1,3})$/.exec(block);
          if (pause) {
            if (minutes(pause[1])) push({ pause: minutes(pause[1]) });
            return;
          }
          var parts = block.split(".");
          if (parts[0]) names.add(parts[0]);
          if (!SLUG.test(parts[0])) {
            if (parts[0]) unknown.add(parts[0]);
            return;
          }
          if (parts.length === 1) {
            push({ fiche: parts[0], numero: null, duree: null }); // the whole sheet
            return;
          }
          parts.slice(1).forEach(function (part) {
            var step = /^(\d{1,3})(?:_(\d{1,3}))?$/.exec(part);
            if (step && parseInt(step[1], 10) >= 1) {
              push({ fiche: parts[0], numero: parseInt(step[1], 10), duree: minutes(step[2]) });
            }
          });
        });
      }
    });
    result.names = Array.from(names);
    result.unknown = Array.from(unknown);
    if (over) result.refused = refusal("compte plus de " + A.MAX_ITEMS + " étapes et pauses");
    else if (found || plan.titre) result.plan = plan;
    return result;
  };

  A.parse = function (text) {
    return A.read(text).plan;
  };

  /** Whether a plan keeps within the limits (its items, its address). */
  A.fits = function (plan) {
    return plan.items.length <= A.MAX_ITEMS && A.serialize(plan).length <= A.MAX_ADDRESS;
  };

  A.serialize = function (plan) {
    var blocks = A.blocks(plan.items).map(function (block) {
      var first = plan.items[block.start];
      if (first.pause) return "_" + first.pause;
      var parts = [first.fiche];
      for (var i = block.start; i < block.end; i++) {
        var item = plan.items[i];
        parts.push(item.duree ? item.numero + "_" + item.duree : String(item.numero));
      }
      return parts.join(".");
    });
    var text = "debut=" + plan.debut;
    if (plan.fin) text += "&fin=" + plan.fin;
    if (plan.titre) text += "&titre=" + encodeURIComponent(plan.titre);
    return text + "&plan=" + blocks.join("~");
  };

  /** The plan stored in this browser, read as an address is: {plan, refused, unknown}. */
  A.load = function () {
    var text = "";
    try {
      text = window.localStorage.getItem(A.STORAGE_KEY) || "";
    } catch (error) {
      text = ""; // storage refused (private browsing, file:// in some browsers)
    }
    var result = A.read(text);
    if (result.refused) {
      result.refused = "L'atelier enregistré dans ce navigateur dépassait les limites (" + A.limits() +
        ") : il a été laissé de côté.";
    }
    return result;
  };

  A.save = function (plan) {
    try {
      window.localStorage.setItem(A.STORAGE_KEY, A.serialize(plan));
      return true;
    } catch (error) {
      return false;
    }
  };

  // --- changing a plan ---------------------------------------------------------------------

  /** Runs of consecutive items of one sheet; a break is a block of its own. `suite`: the
   * sheet already had a block before this one (a step moved past another sheet's block). */
  A.blocks = function (items) {
    var blocks = [];
    items.forEach(function (item, index) {
      var last = blocks[blocks.length - 1];
      if (last && !item.pause && !items[index - 1].pause && items[index - 1].fiche === item.fiche) {
        last.end = index + 1;
      } else {
        var suite = !item.pause && blocks.some(function (b) { return b.fiche === item.fiche; });
        blocks.push({ start: index, end: index + 1, fiche: item.pause ? null : item.fiche, suite: suite });
      }
    });
    return blocks;
  };

  /** Adds steps of a sheet (numbers in the sheet's order): into the block that already
   * holds that sheet, in their order, or as a new block at the end. Returns how many were
   * new; -1, and the plan left as it was, when they would take it over its limits. */
  A.addSteps = function (plan, slug, numbers) {
    var trial = { debut: plan.debut, fin: plan.fin, titre: plan.titre, items: plan.items.slice() };
    var added = insertSteps(trial, slug, numbers);
    if (!A.fits(trial)) return -1;
    plan.items = trial.items;
    return added;
  };

  function insertSteps(plan, slug, numbers) {
    var present = plan.items.filter(function (item) { return item.fiche === slug; });
    var added = 0;
    numbers.forEach(function (numero) {
      if (present.some(function (item) { return item.numero === numero; })) return;
      var item = { fiche: slug, numero: numero, duree: null };
      var before = -1;
      var lastOfSheet = -1;
      plan.items.forEach(function (other, index) {
        if (other.fiche !== slug) return;
        lastOfSheet = index;
        if (before < 0 && other.numero > numero) before = index;
      });
      if (before >= 0) plan.items.splice(before, 0, item);
      else if (lastOfSheet >= 0) plan.items.splice(lastOfSheet + 1, 0, item);
      else plan.items.push(item);
      present.push(item);
      added += 1;
    });
    return added;
  }

  /** Replaces each « whole sheet » item (a slug alone in an address) by the sheet's steps.
   * The caller checks the limits again: a slug alone may stand for many steps. */
  A.expand = function (plan, sheets) {
    var items = [];
    plan.items.forEach(function (item) {
      if (item.fiche && item.numero === null) {
        var sheet = sheets.get(item.fiche);
        (sheet ? sheet.etapes : []).forEach(function (step) {
          items.push({ fiche: item.fiche, numero: step.numero, duree: null });
        });
      } else {
        items.push(item);
      }
    });
    plan.items = items;
  };

  A.move = function (list, from, to) {
    var moved = list.splice(from, 1)[0];
    list.splice(to, 0, moved);
  };

  /** Moves a block before or after its neighbour block (delta -1 or +1). */
  A.moveBlock = function (plan, blockIndex, delta) {
    var blocks = A.blocks(plan.items);
    var block = blocks[blockIndex];
    var other = blocks[blockIndex + delta];
    if (!block || !other) return false;
    var taken = plan.items.splice(block.start, block.end - block.start);
    var at = delta < 0 ? other.start : other.end - taken.length;
    Array.prototype.splice.apply(plan.items, [at, 0].concat(taken));
    return true;
  };

  /** Inserts a break; false, and nothing inserted, when the plan is full. */
  A.insertBreak = function (plan, afterIndex, length) {
    if (plan.items.length >= A.MAX_ITEMS) return false;
    plan.items.splice(afterIndex + 1, 0, { pause: minutes(length) || A.BREAK_MINUTES });
    if (A.fits(plan)) return true;
    plan.items.splice(afterIndex + 1, 1);
    return false;
  };

  // --- the schedule ------------------------------------------------------------------------

  function stepOf(sheets, item) {
    var sheet = sheets.get(item.fiche);
    if (!sheet) return null;
    for (var i = 0; i < sheet.etapes.length; i++) {
      if (sheet.etapes[i].numero === item.numero) return sheet.etapes[i];
    }
    return null;
  }

  /** Clock times of every item from the start time, the total, the end, and what overruns. */
  A.schedule = function (plan, sheets) {
    var start = A.clockMinutes(plan.debut);
    if (start === null) start = A.clockMinutes(A.DEFAULT_START);
    var clock = start;
    var rows = plan.items.map(function (item, index) {
      var step = item.pause ? null : stepOf(sheets, item);
      var planned = item.pause ? item.pause : step ? step.duree : 0;
      var length = item.pause ? item.pause : item.duree || planned;
      var row = {
        index: index, item: item, step: step, sheet: item.pause ? null : sheets.get(item.fiche) || null,
        pause: Boolean(item.pause || (step && step.pause)), duree: length, prevue: planned,
        debut: clock, fin: clock + length,
      };
      clock += length;
      return row;
    });
    var result = { rows: rows, debut: start, fin: clock, total: clock - start, depassement: 0 };
    var end = A.clockMinutes(plan.fin);
    if (end !== null) {
      if (end <= start) end += 1440; // an end before the start is the next day
      result.finVoulue = end;
      result.depassement = Math.max(0, clock - end);
    }
    return result;
  };

  /** Where a break would help: in the first stretch of more than LONG_STRETCH minutes
   * without one, at the step boundary nearest its middle. Null when none is needed. */
  A.suggestBreak = function (schedule) {
    if (schedule.total <= A.LONG_STRETCH) return null;
    var runStart = 0;
    var rows = schedule.rows;
    for (var i = 0; i <= rows.length; i++) {
      if (i < rows.length && !rows[i].pause) continue;
      var run = rows.slice(runStart, i);
      var length = run.reduce(function (sum, row) { return sum + row.duree; }, 0);
      if (length > A.LONG_STRETCH && run.length > 1) {
        var middle = run[0].debut + length / 2;
        var best = run[0];
        run.slice(0, -1).forEach(function (row) {
          if (Math.abs(row.fin - middle) < Math.abs(best.fin - middle)) best = row;
        });
        return breakCost(schedule, { apres: best.index, heure: best.fin, duree: A.BREAK_MINUTES });
      }
      runStart = i + 1;
    }
    return null;
  };

  /**
   * What a suggested break costs: the session's new end, and by how much it would then
   * overrun the chosen end time (0 when there is none, or when the break fits before it).
   * @param {{fin: number, finVoulue?: number}} schedule
   * @param {{apres: number, heure: number, duree: number}} suggestion
   * @returns {{apres: number, heure: number, duree: number, fin: number, depassement: number}}
   */
  function breakCost(schedule, suggestion) {
    var end = schedule.fin + suggestion.duree;
    var over = schedule.finVoulue === undefined ? 0 : Math.max(0, end - schedule.finVoulue);
    return { apres: suggestion.apres, heure: suggestion.heure, duree: suggestion.duree, fin: end, depassement: over };
  }

  /**
   * The cuts the sheets allow with little time (a step's `duree_minimale`, a `facultative`
   * step: their « Avec peu de temps » variants), chosen to bring the session back under its
   * end time: while some overrun is left, the smallest cut that absorbs it, else the largest.
   * In the plan's order. `refused`: keys of cuts the facilitator turned down.
   * @param {{rows: Array<Object>, depassement: number}} schedule
   * @param {Set<string>} refused
   * @returns {{cuts: Array<{cle: string, index: number, item: Object, action: string, duree: number, gain: number}>, reste: number}}
   */
  A.fitCuts = function (schedule, refused) {
    var candidates = [];
    schedule.rows.forEach(function (row) {
      if (!row.step || row.item.pause) return; // the session's own breaks are the facilitator's
      var shortest = row.step.duree_minimale;
      if (row.step.facultative) {
        candidates.push({ cle: "retirer-" + row.item.id, index: row.index, item: row.item, action: "retirer", duree: 0, gain: row.duree });
      }
      if (shortest && shortest < row.duree) {
        candidates.push({ cle: "raccourcir-" + row.item.id, index: row.index, item: row.item, action: "raccourcir",
          duree: shortest, gain: row.duree - shortest });
      }
    });
    candidates = candidates.filter(function (cut) { return !refused.has(cut.cle); });
    var chosen = [];
    var left = schedule.depassement;
    while (left > 0 && candidates.length) {
      var enough = candidates.filter(function (cut) { return cut.gain >= left; });
      var pool = enough.length ? enough : candidates;
      var pick = pool.reduce(function (best, cut) {
        return (enough.length ? cut.gain < best.gain : cut.gain > best.gain) ? cut : best;
      });
      chosen.push(pick);
      candidates = candidates.filter(function (cut) { return cut.item !== pick.item; }); // one cut per step
      left -= pick.gain;
    }
    chosen.sort(function (a, b) { return a.index - b.index; });
    return { cuts: chosen, reste: Math.max(0, left) };
  };

  /**
   * A merged material's quantities as said: one when every sheet asks the same, else each
   * with the sheets that ask for it, on screen as on paper.
   * @param {{quantites: Array<{quantite: string, fiche: string}>}} entry
   * @returns {string[]}
   */
  A.quantities = function (entry) {
    var groups = [];
    var byKey = new Map();
    entry.quantites.forEach(function (q) {
      if (!q.quantite) return;
      var k = key(q.quantite).replace(/[\s.;,]+$/, "");
      if (!byKey.has(k)) {
        byKey.set(k, { quantite: q.quantite, fiches: [] });
        groups.push(byKey.get(k));
      }
      if (byKey.get(k).fiches.indexOf(q.fiche) < 0) byKey.get(k).fiches.push(q.fiche);
    });
    if (groups.length === 1) return [groups[0].quantite];
    return groups.map(function (g) { return g.quantite + " (" + g.fiches.join(", ") + ")"; });
  };

  /** The number of people that suits every sheet of the plan: the overlap of their ranges. */
  A.groupSize = function (plan, sheets) {
    var used = A.sheetsOf(plan, sheets);
    if (!used.length) return null;
    var low = Math.max.apply(null, used.map(function (s) { return s.participants.min; }));
    var high = Math.min.apply(null, used.map(function (s) { return s.participants.max; }));
    return { min: low, max: high, possible: low <= high, fiches: used };
  };

  /** The sheets a plan uses, each once, in the order they first appear. */
  A.sheetsOf = function (plan, sheets) {
    var seen = new Set();
    var used = [];
    plan.items.forEach(function (item) {
      if (item.pause || seen.has(item.fiche) || !sheets.has(item.fiche)) return;
      seen.add(item.fiche);
      used.push(sheets.get(item.fiche));
    });
    return used;
  };

  function key(name) {
    return name.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/\s+/g, " ").trim();
  }

  /** One checklist for the session: every material of a sheet whose steps are all planned,
   * only what the planned steps use of a sheet taken in part; the same name once, with the
   * quantity each sheet asks for. */
  A.materials = function (plan, sheets) {
    var merged = [];
    var byName = new Map(); // names written by contributors: « constructor » is a material too
    var planned = new Map(); // slug -> its planned items
    plan.items.forEach(function (item) {
      if (item.pause) return;
      if (!planned.has(item.fiche)) planned.set(item.fiche, []);
      planned.get(item.fiche).push(item);
    });
    A.sheetsOf(plan, sheets).forEach(function (sheet) {
      var mine = planned.get(sheet.slug);
      var numbers = new Set(mine.map(function (item) { return item.numero; }));
      var whole = sheet.etapes.every(function (step) { return numbers.has(step.numero); });
      var usedNames = new Set();
      mine.forEach(function (item) {
        var step = stepOf(sheets, item);
        (step ? step.materiel : []).forEach(function (name) { usedNames.add(key(name)); });
      });
      sheet.materiel.forEach(function (entry) {
        var k = key(entry.nom);
        if (!whole && !usedNames.has(k)) return;
        if (!byName.has(k)) {
          byName.set(k, { nom: entry.nom, quantites: [] });
          merged.push(byName.get(k));
        }
        byName.get(k).quantites.push({ quantite: entry.quantite, fiche: sheet.titre });
      });
    });
    return merged;
  };
})();
