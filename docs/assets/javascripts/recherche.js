// The search in the header (docs/overrides/partials/recherche.html), driven by Pagefind.
// Nothing is loaded before the visitor uses the field: then the library (pagefind.js and its
// WebAssembly), and for each query only the parts of the index it needs, all from the site.
// Material's keyboard shortcuts are kept: "/", "s" or "f" opens the search, the arrows move
// through the results, Enter opens the first one, Escape closes.
(function () {
  "use strict";
  // The site's own elements, by ids no heading of a content can take (« cr-- »); Material's
  // toggle by its own, which starts with « _ » as no heading id does.
  const byId = (id) => document.getElementById(id);
  const root = byId("cr--recherche");
  const toggle = byId("__search");
  if (!root || !toggle) return; // Material's own search (the offline pack)

  const field = byId("cr--recherche-champ");
  const form = field.form;
  const state = byId("cr--recherche-etat");
  const list = byId("cr--recherche-resultats");
  const more = byId("cr--recherche-plus");
  const filters = [byId("cr--recherche-type"), byId("cr--recherche-phase")];
  const filterBox = byId("cr--recherche-filtres"); // shown with the first query
  const PAGE = 10; // results shown at once
  const KINDS = ["Fiche", "Étude de cas", "Phase", "Parcours", "Page"]; // the order of the filter
  const UNAVAILABLE = "La recherche n'est pas disponible ici : son index est écrit par la " +
    "construction du site (« centre-ressources build »), pas pendant l'aperçu.";

  let engine = null; // the Pagefind module, once loaded
  let shown = []; // the results of the last query
  let count = 0; // of shown, how many are drawn
  let sequence = 0; // each query's number: a slow answer to an older query is dropped

  function absolute(relative) {
    return new URL(relative, document.baseURI).href;
  }

  function load() {
    if (!engine) {
      const bundle = absolute(root.dataset.rechercheIndex); // …/pagefind/, at the site's root
      engine = import(bundle + "pagefind.js").then(async (pagefind) => {
        // Pagefind's addresses start at the site's root: the folder holding its own.
        await pagefind.options({ baseUrl: new URL("..", bundle).pathname, excerptLength: 24 });
        await pagefind.init();
        fillFilters(await pagefind.filters());
        return pagefind;
      });
      engine.catch(() => { state.textContent = UNAVAILABLE; });
    }
    return engine;
  }

  function fillFilters(available) {
    for (const select of filters) {
      const name = select.dataset.rechercheFiltre;
      const values = available && Object.hasOwn(available, name) ? Object.keys(available[name]) : [];
      const rank = (value) => (KINDS.includes(value) ? KINDS.indexOf(value) : KINDS.length);
      values.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "fr", { numeric: true }));
      for (const value of values) {
        select.append(new Option(value, value));
      }
    }
  }

  // Pagefind takes the filters as an object: built from the two filters' own names only.
  function chosenFilters() {
    return Object.fromEntries(filters.filter((select) => select.value)
      .map((select) => [select.dataset.rechercheFiltre, select.value]));
  }

  // The excerpt is Pagefind's text with <mark> around the words found: only those two kinds
  // of nodes are copied into the page, never any other markup.
  function excerpt(html) {
    const paragraph = document.createElement("p");
    paragraph.className = "recherche-extrait";
    const parsed = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html").body.firstChild;
    for (const node of parsed.childNodes) {
      if (node.nodeName === "MARK") {
        const mark = document.createElement("mark");
        mark.textContent = node.textContent;
        paragraph.append(mark);
      } else {
        paragraph.append(node.textContent);
      }
    }
    return paragraph;
  }

  function item(data) {
    const entry = document.createElement("li");
    entry.className = "md-search-result__item recherche-resultat";
    const link = document.createElement("a");
    link.className = "md-search-result__link recherche-lien";
    link.href = data.url;
    const kind = document.createElement("span");
    kind.className = "recherche-genre";
    const phases = (data.filters && data.filters.phase) || [];
    kind.textContent = [data.meta.type || "Page", ...phases].join(" · ");
    const title = document.createElement("span");
    title.className = "recherche-titre";
    title.textContent = data.meta.title || data.url;
    link.append(kind, title);
    entry.append(link, excerpt(data.excerpt || ""));
    return entry;
  }

  function plural(n) {
    return n === 0 ? "Aucun résultat" : n === 1 ? "1 résultat" : `${n} résultats`;
  }

  async function drawMore() {
    const number = sequence;
    const next = await Promise.all(shown.slice(count, count + PAGE).map((result) => result.data()));
    if (number !== sequence) return;
    list.append(...next.map(item));
    count += next.length;
    more.parentElement.hidden = count >= shown.length;
  }

  async function search() {
    const number = ++sequence;
    const term = field.value.trim();
    const chosen = chosenFilters();
    const empty = !term && Object.keys(chosen).length === 0;
    filterBox.hidden = empty;
    if (empty) {
      shown = [];
      list.replaceChildren();
      more.parentElement.hidden = true;
      state.textContent = "Taper pour démarrer la recherche";
      return;
    }
    let pagefind;
    try {
      pagefind = await load();
    } catch {
      return; // the message is already shown
    }
    const found = await pagefind.search(term || null, { filters: chosen });
    if (number !== sequence || !found) return;
    shown = found.results;
    count = 0;
    list.replaceChildren();
    state.textContent = plural(shown.length);
    await drawMore();
  }

  let timer = 0;
  function searchSoon() {
    clearTimeout(timer);
    timer = setTimeout(search, 150);
  }

  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
  }

  function close() {
    if (toggle.checked) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
    field.blur();
  }

  function links() {
    return Array.from(list.querySelectorAll("a"));
  }

  // A key typed in a form field or an editable area belongs to it, not to a shortcut.
  function typing(element) {
    return element && (element.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(element.tagName));
  }

  field.addEventListener("focus", () => {
    open();
    load().catch(() => {});
  });
  field.addEventListener("input", searchSoon);
  // Focus gone elsewhere on the page (Tab past the results): the search closes, as a menu
  // does, so that it does not cover what the focus reaches.
  root.addEventListener("focusout", (event) => {
    if (event.relatedTarget && !root.contains(event.relatedTarget)) close();
  });
  for (const select of filters) select.addEventListener("change", search);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const first = links()[0];
    if (first) first.click();
  });
  form.addEventListener("reset", () => setTimeout(() => { search(); field.focus(); }));
  more.addEventListener("click", drawMore);
  toggle.addEventListener("change", () => {
    if (toggle.checked && document.activeElement !== field) field.focus();
    if (!toggle.checked) field.blur();
  });

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (!toggle.checked) {
      if (["/", "s", "f"].includes(event.key) && !typing(document.activeElement)) {
        event.preventDefault();
        field.focus();
        field.select();
      }
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      const targets = [field, ...links()];
      const at = targets.indexOf(document.activeElement);
      if (at < 0 && document.activeElement !== document.body) return; // a filter: its own arrows
      event.preventDefault();
      const step = event.key === "ArrowDown" ? 1 : -1;
      targets[Math.max(0, Math.min(targets.length - 1, at + step))].focus();
    }
  });
})();
