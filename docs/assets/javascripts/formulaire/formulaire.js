// The form of /contribuer/ that writes a case study for its contributor: generated from the
// published JSON Schema (a new field of the schema appears here without new code), checked
// with the messages of `centre-ressources check` (validation.js), written as index.md
// (fichier.js), kept as a draft in localStorage. User text only ever reaches the page
// through textContent and form values, never as HTML.

import { validate, fieldName } from "./validation.js";
import { indexMd, bodyFrom, slugify, DEFAULT_SLUG } from "./fichier.js";

const SITE_ROOT = new URL("../../../", import.meta.url);
const SCHEMA_URL = new URL("schemas/etude-de-cas.json", SITE_ROOT);
const CHOICES_URL = new URL("api/choix-du-formulaire.json", SITE_ROOT);  // phases and sheet titles only
const DRAFT_KEY = "centre-ressources:brouillon-etude-de-cas";
const GITHUB_URL_LIMIT = 8000;  // longer prefilled addresses are refused by GitHub or browsers
// A stored draft larger than this is not read: twice the largest file `check` accepts
// (centre_ressources/checks/limits.py), as JSON escapes some characters.
const MAX_DRAFT_CHARACTERS = 512 * 1024;
const MAX_LIST_ITEMS = 200;  // as centre_ressources/checks/limits.py

// Fields whose value is the slug of a phase or a sheet (by the field's name, wherever it is
// in the schema): offered as a choice from the catalogue, never typed.
const CATALOGUE_FIELDS = new Map([["phase", "phases"], ["fiches", "fiches"]]);
// Fields of the schema a new case study has no use for.
const HIDDEN_FIELDS = new Set(["alias"]);

// --- small DOM helpers ----------------------------------------------------------------

function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name === "text") element.textContent = value;
    else if (name.startsWith("on")) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}

// « cr-- »: no heading of a content can take such an id (centre_ressources/content/contributed_markup.py).
const idFor = (path) => "cr--" + (path.length ? path.join("-") : "racine");

// --- the schema -------------------------------------------------------------------------

function pointer(root, ref) {
  return ref.replace(/^#\/?/, "").split("/").filter(Boolean).reduce((node, part) => node[part], root);
}

function resolve(root, node) {
  if (!node || !node.$ref) return node || {};
  const { $ref, ...own } = node;
  return { ...resolve(root, pointer(root, $ref)), ...own };
}

function types(node) {
  if (node.enum) return ["enum"];
  if (Array.isArray(node.type)) return node.type;
  if (node.type) return [node.type];
  return node.properties ? ["object"] : ["string"];
}

const nullable = (node) => types(node).includes("null");
const mainType = (node) => types(node).find((t) => t !== "null") || "string";
const lastName = (path) => [...path].reverse().find((p) => typeof p === "string");

function isLongText(node) {
  const example = (node.examples || [])[0];
  return (node.minLength || 0) >= 10 || (nullable(node) && typeof example === "string" && example.length > 40);
}

/** The document the form stands for, from its raw values: what index.md will contain. */
function clean(root, node, raw) {
  node = resolve(root, node);
  const type = mainType(node);
  if (type === "object") {
    const result = {};
    for (const [key, child] of Object.entries(node.properties || {})) {
      if (HIDDEN_FIELDS.has(key)) continue;
      const value = clean(root, child, raw ? raw[key] : undefined);
      if (value !== undefined) result[key] = value;
    }
    return result;
  }
  if (type === "array") {
    return (Array.isArray(raw) ? raw : []).map((item) => {
      const value = clean(root, node.items, item);
      return value === undefined ? "" : value;
    });
  }
  if (type === "enum") return raw ? raw : undefined;
  const text = typeof raw === "string" ? raw.trim() : "";
  if (!text) return nullable(node) ? null : undefined;
  if (type === "integer" && /^-?\d+$/.test(text)) return Number(text);
  return text;
}

/** A stored draft's value for `node`, read back from the schema: only its fields, each of the
 * kind the form writes (text, lists, groups of fields); anything else is left out and counted
 * in `report.dropped`. Groups have no prototype: their keys come from the storage. */
function restore(root, node, raw, report) {
  if (raw === undefined || raw === null) return undefined;
  node = resolve(root, node);
  const type = mainType(node);
  if (type === "object") {
    if (typeof raw !== "object" || Array.isArray(raw)) { report.dropped += 1; return undefined; }
    const known = new Map(Object.entries(node.properties || {}).filter(([key]) => !HIDDEN_FIELDS.has(key)));
    const result = Object.create(null);
    for (const [key, value] of Object.entries(raw)) {
      if (!known.has(key)) { report.dropped += 1; continue; }
      const kept = restore(root, known.get(key), value, report);
      if (kept !== undefined) result[key] = kept;
    }
    return result;
  }
  if (type === "array") {
    if (!Array.isArray(raw)) { report.dropped += 1; return undefined; }
    if (raw.length > MAX_LIST_ITEMS) report.dropped += 1;
    return raw.slice(0, MAX_LIST_ITEMS).map((item) => {
      const kept = restore(root, node.items, item, report);
      return kept === undefined ? emptyValue(root, node.items) : kept;
    });
  }
  if (typeof raw === "string") return raw;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  report.dropped += 1;
  return undefined;
}

function emptyValue(root, node) {
  node = resolve(root, node);
  const type = mainType(node);
  if (type === "object") return Object.create(null);
  if (type === "array") return [];
  return "";
}

// --- the form ---------------------------------------------------------------------------

class CaseStudyForm {
  constructor(container, schema, catalogue) {
    this.container = container;
    this.schema = schema;
    this.catalogue = catalogue;
    this.repo = (container.dataset.depot || "").replace(/\/+$/, "");
    this.touched = new Set();
    this.submitted = false;
    this.draft = this.loadDraft();
    this.render();
  }

  // The draft: {data, recit} as the contributor typed it. What the storage holds is input too
  // (an older form, a hand edit, another script): only what fits the schema comes back, and
  // the contributor is told when something did not.
  loadDraft() {
    const data = Object.create(null);
    data.mise_a_jour = new Date().toISOString().slice(0, 10);
    const fresh = { data, recit: "" };
    this.draftNotice = "";
    let text = null;
    try { text = localStorage.getItem(DRAFT_KEY); } catch (error) { return fresh; }  // storage refused
    if (text === null) return fresh;
    let saved = null;
    if (text.length <= MAX_DRAFT_CHARACTERS) {
      try { saved = JSON.parse(text); } catch (error) { saved = null; }
    }
    if (!saved || typeof saved !== "object" || Array.isArray(saved)) {
      this.draftNotice = "Le brouillon enregistré dans ce navigateur n'a pas pu être relu : le formulaire repart de zéro.";
      return fresh;
    }
    const report = { dropped: 0 };
    const restored = restore(this.schema, this.schema, saved.data, report);
    const recit = typeof saved.recit === "string" ? saved.recit : "";
    if (saved.recit !== undefined && typeof saved.recit !== "string") report.dropped += 1;
    if (report.dropped) {
      this.draftNotice = "Une partie du brouillon enregistré dans ce navigateur n'a pas pu être reprise "
        + "(elle ne correspond à aucun champ de ce formulaire) : vérifiez les champs ci-dessous.";
    }
    return { data: restored || fresh.data, recit };
  }

  saveDraft() {
    try { localStorage.setItem(DRAFT_KEY, JSON.stringify(this.draft)); } catch (error) { /* private mode */ }
  }

  get(path) {
    return path.reduce((node, part) => (node == null ? undefined : node[part]), this.draft.data);
  }

  set(path, value) {
    let node = this.draft.data;
    path.slice(0, -1).forEach((part, index) => {
      if (node[part] == null || typeof node[part] !== "object") {
        node[part] = typeof path[index + 1] === "number" ? [] : Object.create(null);
      }
      node = node[part];
    });
    node[path[path.length - 1]] = value;
  }

  announce(text) {
    this.live.textContent = "";
    window.setTimeout(() => { this.live.textContent = text; }, 50);
  }

  // --- rendering ---

  render(focusId) {
    const scroll = window.scrollY;
    this.container.replaceChildren();
    this.live = h("p", { class: "cr-annonce", "aria-live": "polite" });
    this.summary = h("div", { class: "cr-erreurs", role: "alert", tabindex: "-1", hidden: true });
    const fields = Object.entries(this.schema.properties)
      .filter(([key]) => !HIDDEN_FIELDS.has(key))
      .map(([key, node]) => this.field(node, [key], (this.schema.required || []).includes(key)));
    const story = h("div", { class: "cr-champ" },
      h("label", { for: "cr--recit", text: "Récit (facultatif)" }),
      h("p", { class: "cr-aide", id: "cr--recit-aide",
        text: "Le texte de la page, en quelques paragraphes : le contexte, ce qui a marché, ce qui a coincé. "
          + "Un titre de section commence par « ## ». Les photos s'ajoutent après (voir plus bas)." }),
      h("textarea", { id: "cr--recit", rows: "8", "aria-describedby": "cr--recit-aide",
        oninput: (event) => { this.draft.recit = event.target.value; this.changed(); } }));
    story.querySelector("textarea").value = this.draft.recit || "";
    this.form = h("form", { class: "cr-formulaire", novalidate: true, "aria-labelledby": "cr--titre-formulaire",
      onsubmit: (event) => { event.preventDefault(); this.submit(); },
      onfocusout: (event) => this.leave(event) },
    h("h3", { id: "cr--titre-formulaire", text: "Proposer une étude de cas" }),
    h("p", { class: "cr-aide", text: "Les champs marqués « obligatoire » doivent être remplis ; laissez vides "
      + "ceux dont vos sources ne disent rien. Votre brouillon reste dans ce navigateur : rien n'est envoyé "
      + "tant que vous ne l'avez pas décidé." }),
    this.draftNotice ? h("p", { class: "cr-alerte", text: this.draftNotice }) : null,
    this.summary, ...fields, story,
    h("div", { class: "cr-actions" },
      h("button", { type: "submit", class: "md-button md-button--primary", text: "Vérifier et préparer le fichier" }),
      this.clearButtons()),
    this.live);
    this.preview = h("section", { class: "cr-apercu", "aria-labelledby": "cr--titre-apercu" });
    this.output = h("section", { class: "cr-resultat", "aria-labelledby": "cr--titre-resultat", hidden: true });
    this.container.append(this.form, this.preview, this.output);
    this.refresh();
    window.scrollTo(0, scroll);
    if (focusId) document.getElementById(focusId)?.focus();
  }

  clearButtons() {
    const confirm = h("span", { class: "cr-confirmation", hidden: true },
      h("span", { text: "Tout effacer ? " }),
      h("button", { type: "button", class: "md-button", text: "Oui, effacer le brouillon",
        onclick: () => this.clearDraft() }),
      h("button", { type: "button", class: "md-button", text: "Annuler",
        onclick: () => { confirm.hidden = true; ask.focus(); } }));
    const ask = h("button", { type: "button", class: "md-button", id: "cr--effacer", text: "Effacer le brouillon",
      onclick: () => { confirm.hidden = false; confirm.querySelector("button").focus(); } });
    return [ask, confirm];
  }

  clearDraft() {
    try { localStorage.removeItem(DRAFT_KEY); } catch (error) { /* nothing kept */ }
    this.draft = this.loadDraft();
    this.touched.clear();
    this.submitted = false;
    this.render("cr--effacer");
    this.announce("Brouillon effacé : le formulaire est vide.");
  }

  help(node, id) {
    const parts = [];
    if (node.description) parts.push(node.description);
    const example = (node.examples || [])[0];
    if (example !== undefined && example !== null) {
      const shown = Array.isArray(example) ? example.join(" ; ") : String(example);
      if (!CATALOGUE_FIELDS.has(lastName(id.path)) || !this.catalogue) parts.push(`Exemple : ${shown}`);
    }
    return parts.length ? h("p", { class: "cr-aide", id: id.help, text: parts.join(" ") }) : null;
  }

  label(node, path, required) {
    return (node.title || String(lastName(path))) + (required ? " (obligatoire)" : "");
  }

  field(rawNode, path, required) {
    const node = resolve(this.schema, rawNode);
    const type = mainType(node);
    const name = lastName(path);
    const catalogue = this.catalogue && CATALOGUE_FIELDS.get(name);
    if (type === "object") return this.group(node, path, required);
    if (type === "array" && catalogue === "fiches") return this.sheetChoice(node, path, required);
    if (type === "array") return this.list(node, path, required);
    return this.control(node, path, required, catalogue);
  }

  ids(path) {
    const id = idFor(path);
    return { path, id, help: `${id}-aide`, error: `${id}-erreur` };
  }

  control(node, path, required, catalogue) {
    const id = this.ids(path);
    const type = mainType(node);
    const value = this.get(path);
    const help = this.help(node, id);
    const common = { id: id.id, name: fieldName(path), "data-field": fieldName(path),
      "aria-describedby": help ? id.help : null,
      oninput: (event) => { this.set(path, event.target.value); this.changed(); } };
    let control;
    if (type === "enum" || catalogue === "phases") {
      const options = catalogue === "phases"
        ? this.catalogue.phases.map((p) => [p.slug, `${p.numero}. ${p.titre}`])
        : node.enum.map((v) => [String(v), String(v)]);
      control = h("select", { ...common, onchange: common.oninput, oninput: null },
        h("option", { value: "", text: "— Choisir —" }),
        options.map(([v, text]) => h("option", { value: v, text })));
    } else if (type === "string" && isLongText(node)) {
      control = h("textarea", { ...common, rows: "3" });
    } else {
      control = h("input", { ...common, type: "text", inputmode: type === "integer" ? "numeric" : null,
        autocomplete: "off" });
    }
    control.value = value == null ? "" : String(value);
    return h("div", { class: "cr-champ" }, h("label", { for: id.id, text: this.label(node, path, required) }),
      help, control);
  }

  group(node, path, required, legend) {
    const id = this.ids(path);
    const help = this.help(node, id);
    const requiredHere = node.required || [];
    const legendText = legend || this.label(node, path, required);
    return h("fieldset", { class: "cr-groupe", id: id.id, "data-field": fieldName(path),
      "aria-describedby": help ? id.help : null },
    h("legend", { text: legendText }), help,
    Object.entries(node.properties || {}).filter(([key]) => !HIDDEN_FIELDS.has(key))
      .map(([key, child]) => this.field(child, [...path, key], requiredHere.includes(key))));
  }

  list(node, path, required) {
    const id = this.ids(path);
    const help = this.help(node, id);
    const items = Array.isArray(this.get(path)) ? this.get(path) : [];
    const itemNode = resolve(this.schema, node.items);
    const title = node.title || String(lastName(path));
    const entries = items.map((_, index) => {
      const itemPath = [...path, index];
      const legend = `${title}, n° ${index + 1}`;
      const content = mainType(itemNode) === "object"
        ? this.group(itemNode, itemPath, false, legend)
        : this.control({ ...itemNode, title: legend }, itemPath, false);
      return h("li", { class: "cr-element" },
        content,
        h("div", { class: "cr-element-boutons" },
          this.moveButton("Monter", legend, path, index, -1, index === 0),
          this.moveButton("Descendre", legend, path, index, 1, index === items.length - 1),
          h("button", { type: "button", class: "md-button", id: `${idFor(itemPath)}-retirer`,
            "aria-label": `Retirer « ${legend} »`, text: "Retirer",
            onclick: () => this.removeItem(path, index) })));
    });
    const fieldset = h("fieldset", { class: "cr-groupe cr-liste", id: id.id, "data-field": fieldName(path),
      "aria-describedby": help ? id.help : null },
    h("legend", { text: this.label(node, path, required) }), help,
    entries.length ? h("ol", { class: "cr-elements" }, entries)
      : h("p", { class: "cr-vide", text: "Aucun élément pour l'instant." }),
    h("button", { type: "button", class: "md-button", id: `${id.id}-ajouter`,
      text: `Ajouter : ${title}`, onclick: () => this.addItem(path, itemNode) }));
    return fieldset;
  }

  moveButton(text, legend, path, index, step, disabled) {
    return h("button", { type: "button", class: "md-button", id: `${idFor([...path, index])}-${text.toLowerCase()}`,
      "aria-label": `${text} « ${legend} »`, "aria-disabled": disabled ? "true" : null, text,
      onclick: () => { if (!disabled) this.moveItem(path, index, step, text); } });
  }

  sheetChoice(node, path, required) {
    const id = this.ids(path);
    const help = this.help(node, id);
    const chosen = new Set(Array.isArray(this.get(path)) ? this.get(path) : []);
    const byPhase = this.catalogue.phases.map((phase) => {
      const sheets = this.catalogue.fiches.filter((f) => f.phase === phase.slug);
      return h("fieldset", { class: "cr-groupe cr-cases" },
        h("legend", { text: `Phase ${phase.numero} : ${phase.titre}` }),
        sheets.map((sheet) => {
          const boxId = `${id.id}-${sheet.slug}`;
          return h("div", { class: "cr-case" },
            h("input", { type: "checkbox", id: boxId, value: sheet.slug, checked: chosen.has(sheet.slug),
              onchange: () => {
                const boxes = document.getElementById(id.id).querySelectorAll("input[type=checkbox]");
                this.set(path, [...boxes].filter((b) => b.checked).map((b) => b.value));
                this.changed();
              } }),
            h("label", { for: boxId, text: sheet.titre }));
        }));
    });
    return h("fieldset", { class: "cr-groupe", id: id.id, "data-field": fieldName(path),
      "aria-describedby": help ? id.help : null },
    h("legend", { text: this.label(node, path, required) }), help, byPhase);
  }

  // --- lists ---

  addItem(path, itemNode) {
    const items = Array.isArray(this.get(path)) ? this.get(path) : [];
    items.push(emptyValue(this.schema, itemNode));
    this.set(path, items);
    this.saveDraft();
    const added = [...path, items.length - 1];
    const first = mainType(itemNode) === "object"
      ? idFor([...added, Object.keys(itemNode.properties)[0]]) : idFor(added);
    this.render(first);
    this.announce(`Élément ${items.length} ajouté.`);
  }

  moveItem(path, index, step, text) {
    const items = this.get(path);
    const target = index + step;
    [items[index], items[target]] = [items[target], items[index]];
    this.saveDraft();
    this.touched.clear();
    this.render(`${idFor([...path, target])}-${text.toLowerCase()}`);
    this.announce(`Élément déplacé en position ${target + 1}.`);
  }

  removeItem(path, index) {
    const items = this.get(path);
    items.splice(index, 1);
    this.saveDraft();
    this.touched.clear();
    const next = items.length ? `${idFor([...path, Math.min(index, items.length - 1)])}-retirer` : `${idFor(path)}-ajouter`;
    this.render(next);
    this.announce("Élément retiré.");
  }

  // --- checking and output ---

  document() {
    return clean(this.schema, this.schema, this.draft.data);
  }

  changed() {
    this.saveDraft();
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => this.refresh(), 150);
  }

  leave(event) {
    const field = event.target.dataset && event.target.dataset.field;
    if (field) {
      this.touched.add(field);
      this.refresh();
    }
  }

  refresh() {
    const data = this.document();
    const errors = validate(this.schema, data);
    this.showErrors(errors.filter((e) => this.submitted || this.touched.has(e.field)));
    this.renderPreview(data);
    if (!this.output.hidden || this.submitted) this.renderOutput(data, errors);
    return errors;
  }

  elementFor(path) {
    for (let end = path.length; end >= 0; end -= 1) {
      const element = document.getElementById(idFor(path.slice(0, end)));
      if (element) return element;
    }
    return this.form;
  }

  showErrors(errors) {
    this.form.querySelectorAll(".cr-erreur").forEach((e) => e.remove());
    this.form.querySelectorAll("[aria-invalid]").forEach((element) => {
      element.removeAttribute("aria-invalid");
      const ids = (element.getAttribute("aria-describedby") || "").split(" ").filter((i) => !i.endsWith("-erreur"));
      if (ids.length) element.setAttribute("aria-describedby", ids.join(" "));
      else element.removeAttribute("aria-describedby");
    });
    const byElement = new Map();
    for (const error of errors) {
      const element = this.elementFor(error.path);
      if (!byElement.has(element)) byElement.set(element, []);
      byElement.get(element).push(error);
    }
    for (const [element, found] of byElement) {
      const errorId = `${element.id}-erreur`;
      const message = h("p", { class: "cr-erreur", id: errorId },
        h("span", { class: "cr-erreur-mot", text: "Erreur : " }),
        found.map((e) => (e.path.length && element.id === idFor(e.path) ? e.message : `« ${e.field} » : ${e.message}`)).join(" "));
      const ids = (element.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
      element.setAttribute("aria-describedby", [...ids, errorId].join(" "));
      element.setAttribute("aria-invalid", "true");
      if (element.tagName === "FIELDSET") element.querySelector(":scope > legend")?.after(message);
      else element.before(message);
    }
    return byElement;
  }

  labelOf(path) {
    const element = this.elementFor(path);
    const label = element.tagName === "FIELDSET" ? element.querySelector(":scope > legend")
      : this.form.querySelector(`label[for="${element.id}"]`);
    return label ? label.textContent.replace(" (obligatoire)", "") : fieldName(path);
  }

  submit() {
    this.submitted = true;
    const errors = this.refresh();
    if (errors.length) {
      this.summary.replaceChildren(
        h("h4", { text: errors.length === 1 ? "Une erreur à corriger" : `${errors.length} erreurs à corriger` }),
        h("ul", {}, errors.map((e) => h("li", {},
          h("a", { href: `#${this.elementFor(e.path).id}`, text: `${this.labelOf(e.path)} — champ « ${e.field} » : ${e.message}`,
            onclick: (event) => { event.preventDefault(); this.elementFor(e.path).focus(); } })))));
      this.summary.hidden = false;
      this.summary.focus();
    } else {
      this.summary.hidden = true;
      this.summary.replaceChildren();
      this.output.querySelector("h3")?.focus();
    }
  }

  renderPreview(data) {
    const phases = new Map((this.catalogue?.phases || []).map((p) => [p.slug, p]));
    const sheets = new Map((this.catalogue?.fiches || []).map((f) => [f.slug, f]));
    const territory = data.territoire || {};
    const carrier = data.structure_porteuse || {};
    const moments = Array.isArray(data.chronologie) ? data.chronologie : [];
    this.preview.replaceChildren(
      h("h3", { id: "cr--titre-apercu", text: "Aperçu de la page" }),
      h("div", { class: "cr-apercu-page" },
        h("p", { class: "cr-apercu-titre", text: data.titre || "(titre à écrire)" }),
        data.resume ? h("p", { text: data.resume }) : null,
        territory.commune || carrier.nom ? h("p", { class: "cr-aide",
          text: [territory.commune && `${territory.commune}${territory.type ? ` (${territory.type})` : ""}`,
            carrier.nom && `${carrier.nom}${carrier.statut ? `, ${carrier.statut}` : ""}`].filter(Boolean).join(" — ") }) : null,
        moments.length ? h("ol", { class: "cr-apercu-chronologie" }, moments.map((m) => h("li", {},
          h("strong", { text: [phases.get(m.phase)?.titre || m.phase || "(phase à choisir)", m.periode].filter(Boolean).join(", ")
            + (m.titre ? ` : ${m.titre}` : "") }),
          m.texte ? h("span", { text: ` ${m.texte}` }) : null,
          Array.isArray(m.fiches) && m.fiches.length
            ? h("span", { class: "cr-aide", text: ` Fiches : ${m.fiches.map((s) => sheets.get(s)?.titre || s).join(", ")}.` }) : null)))
          : null));
  }

  renderOutput(data, errors) {
    this.output.replaceChildren();
    if (errors.length) {
      this.output.hidden = true;
      return;
    }
    const slug = slugify(data.titre || "") || DEFAULT_SLUG;
    const text = indexMd(this.schema, data, bodyFrom(this.draft.recit), slug);
    const filename = `${slug}/index.md`;
    const newFile = this.repo ? `${this.repo}/new/main/case_studies?filename=${filename}` : "";
    const prefilled = newFile ? `${newFile}&value=${encodeURIComponent(text)}` : "";
    const fits = prefilled && prefilled.length <= GITHUB_URL_LIMIT;
    const download = h("button", { type: "button", class: "md-button", text: "Télécharger le fichier",
      onclick: () => {
        const link = h("a", { href: URL.createObjectURL(new Blob([text], { type: "text/markdown" })), download: "index.md" });
        document.body.append(link);
        link.click();
        link.remove();
        window.setTimeout(() => URL.revokeObjectURL(link.href), 1000);
      } });
    const textarea = h("textarea", { id: "cr--fichier", readonly: true, rows: "14", class: "cr-fichier",
      "aria-describedby": "cr--fichier-aide" });
    textarea.value = text;
    this.output.append(
      h("h3", { id: "cr--titre-resultat", tabindex: "-1", text: "Votre fichier est prêt" }),
      h("p", { id: "cr--fichier-aide", text: `Le fichier case_studies/${filename} : la vérification du site l'accepte tel quel. `
        + "Vous pouvez le relire ci-dessous." }),
      h("label", { for: "cr--fichier", text: `Contenu du fichier index.md (dossier ${slug})` }),
      textarea,
      fits ? h("p", {}, h("a", { class: "md-button md-button--primary", href: prefilled, id: "cr--github",
        text: "Proposer sur GitHub" }), " ",
      h("span", { class: "cr-aide", text: "GitHub ouvre la page de création du fichier, déjà remplie : "
        + "choisissez « Propose changes », puis « Create pull request »." })) : null,
      prefilled && !fits ? h("p", { text: "Le fichier est trop long pour être transmis par un lien : téléchargez-le." }) : null,
      h("p", {}, download),
      h("p", { text: fits ? "Ou, avec le fichier téléchargé, en trois étapes :" : "Puis, en trois étapes :" }),
      h("ol", {},
        h("li", {}, newFile
          ? h("a", { href: newFile, text: "Ouvrez la page de création du fichier sur GitHub" })
          : "Sur la page du dépôt du centre de ressources sur GitHub, choisissez « Add file » puis « Create new file »",
        ` (son nom : case_studies/${filename} ; connectez-vous, un compte gratuit suffit).`),
        h("li", { text: "Collez-y le contenu du fichier téléchargé (ou copiez-le depuis la zone ci-dessus)." }),
        h("li", { text: "Choisissez « Propose changes », puis « Create pull request » : l'équipe relit et publie." })),
      h("h4", { text: "Et les photos ?" }),
      h("p", { text: "Elles s'ajoutent après, dans la même demande de fusion : ouvrez la branche de votre demande, "
        + `puis le dossier case_studies/${slug}/, choisissez « Add file › Upload files » et déposez vos photos `
        + "(JPEG ou PNG, avec un nom simple comme atelier-charte.jpg). Insérez-les ensuite dans le texte de "
        + "index.md : ![Ce que montre la photo](atelier-charte.jpg)." }));
    this.output.hidden = false;
  }
}

// --- start ------------------------------------------------------------------------------

function catalogueFrom(document) {
  const phases = [];
  const fiches = [];
  for (const phase of document.phases || []) {
    phases.push({ slug: phase.slug, numero: phase.numero, titre: phase.titre });
    for (const sheet of phase.fiches || []) fiches.push({ slug: sheet.slug, titre: sheet.titre, phase: phase.slug });
  }
  return { phases: phases.sort((a, b) => a.numero - b.numero), fiches };
}

async function start() {
  const container = document.getElementById("cr--formulaire-etude-de-cas");
  if (!container) return;
  const style = h("link", { rel: "stylesheet", href: new URL("../../stylesheets/formulaire.css", import.meta.url).href });
  const styled = new Promise((done) => { style.onload = done; style.onerror = done; });
  document.head.append(style);
  const schema = await (await fetch(SCHEMA_URL)).json();
  let catalogue = null;
  try {
    catalogue = catalogueFrom(await (await fetch(CHOICES_URL)).json());
  } catch (error) { /* without the catalogue, phases and sheets are typed as slugs */ }
  new CaseStudyForm(container, schema, catalogue);
  await styled;
  container.hidden = false;
  const notice = document.getElementById("cr--formulaire-sans-js");
  if (notice) notice.hidden = true;
}

start();
