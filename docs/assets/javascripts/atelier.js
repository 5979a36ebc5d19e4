/* Mon atelier: the « Ajouter à mon atelier » buttons of each sheet and the planner of /atelier/.
 *
 * This small script runs on every page and does nothing unless the page has a sheet to add
 * (`#cr--atelier-ajout`) or the planner (`#cr--atelier-planificateur`); it then loads the scripts of
 * docs/assets/javascripts/atelier/ and, for the planner, the data of the sheets a plan holds
 * (atelier/fiches/<slug>.js, written by the build: centre_ressources/publish/session_planner.py).
 * Classic scripts, not modules or fetched JSON: the offline pack, opened from file://, can
 * load nothing else. Every page works without it.
 */
(function () {
  "use strict";

  var A = (window.CRAtelier = window.CRAtelier || {});
  var here = document.currentScript ? document.currentScript.src : window.location.href;
  A.scripts = new URL("atelier/", here); // assets/javascripts/atelier/
  A.root = new URL("../../", here); // the site's root
  // Maps by slug, never plain objects: a slug comes from the address or the storage, and
  // « constructor » must not find Object's own.
  A.data = { index: null, fiches: new Map() };

  /** Called by each data file of the build with {index: [...]} or {fiche: {...}}. */
  A.recevoir = function (data) {
    if (!data) return;
    if (Array.isArray(data.index)) A.data.index = data.index;
    if (data.fiche && typeof data.fiche.slug === "string") A.data.fiches.set(data.fiche.slug, data.fiche);
  };

  var loading = new Map(); // address -> its promise
  A.loadScript = function (url) {
    var address = String(url);
    if (!loading.has(address)) {
      loading.set(address, new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.async = false; // fetched at once, run in the order asked for
        script.src = address;
        script.onload = function () { resolve(address); };
        script.onerror = function () { loading.delete(address); script.remove(); reject(new Error(address)); };
        document.head.appendChild(script);
      }));
    }
    return loading.get(address);
  };

  /** Loads the data of these sheets; resolves with the slugs that could not be loaded. */
  A.loadSheets = function (slugs) {
    var missing = [];
    return Promise.all(slugs.map(function (slug) {
      if (A.data.fiches.has(slug)) return null;
      return A.loadScript(new URL("atelier/fiches/" + slug + ".js", A.root)).catch(function () {
        missing.push(slug);
      });
    })).then(function () { return missing; });
  };

  /** The address of one of the site's pages, from the site's root: `atelier/` online, or the
   * file the offline pack has for it (`atelier.html`), as the site's own `link` to it tells
   * (found by an id no content can take). A link that leads anywhere else is not followed. */
  A.pageHref = function (path, link) {
    var online = new URL(path, A.root).href;
    var files = [online.replace(/\/$/, ".html"), online + "index.html"];
    var href = link && link.href ? link.href.split("#")[0] : "";
    return files.indexOf(href) >= 0 ? href : online;
  };

  A.loadIndex = function () {
    return A.loadScript(new URL("atelier/fiches.js", A.root)).then(function () { return A.data.index || []; });
  };

  function inOrder(names) {
    return Promise.all(names.map(function (name) { return A.loadScript(new URL(name, A.scripts)); }));
  }

  function start() {
    // By ids no heading of a content can take (« cr-- »: centre_ressources/content/contributed_markup.py).
    var planner = document.getElementById("cr--atelier-planificateur");
    var sheet = document.getElementById("cr--atelier-ajout");
    if (planner) {
      A.loadIndex().catch(function () {}); // the planner's list of sheets, fetched meanwhile
      inOrder(["plan.js", "impression.js", "animation.js", "planificateur.js"]).then(function () {
        A.startPlanner(planner);
      });
    } else if (sheet) {
      inOrder(["plan.js", "ajout.js"]).then(function () { A.startAdding(sheet); });
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
