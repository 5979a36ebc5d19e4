// Validation of a proposed case study in the browser, with the wording of
// `centre-ressources check`: a faithful port of centre_ressources/validate.py
// (`field_name`, `describe`, `_translate`, `_type_hint`, difflib's close match for unknown
// fields) and of centre_ressources/examples.py (the shape of a block, shown in a message).
// tests/browser/test_form_messages.py runs one corpus of invalid documents through both and
// asserts the same (field, message) pairs: change the two together.

import { Validator } from "../../vendor/cfworker-json-schema/index.js";

const TYPE_NAMES = new Map([
  ["string", "un texte"],
  ["integer", "un nombre entier"],
  ["number", "un nombre"],
  ["boolean", "« true » ou « false »"],
  ["array", "une liste (lignes commençant par « - »)"],
  ["object", "un groupe de champs indentés"],
  ["null", "une valeur vide"],
]);

// Keywords that only report that a subschema failed: the leaf error says why.
const WRAPPERS = new Set(["properties", "items", "$ref", "false", "allOf", "prefixItems",
  "additionalItems", "unevaluatedProperties", "unevaluatedItems", "patternProperties"]);

/** ["deroule", 2, "duree"] -> "deroule[3].duree" (items counted from 1 for people). */
export function fieldName(path) {
  let name = "";
  for (const part of path) {
    if (typeof part === "number") name += `[${part + 1}]`;
    else name += name ? `.${part}` : String(part);
  }
  return name;
}

/** Python's str() of a number: 3 -> "3", 2.5 -> "2.5". */
function pyNumber(value) {
  return Number.isInteger(value) ? String(value) : String(value);
}

/** Python's str() of a JSON value, as in an f-string. */
function pyStr(value) {
  if (value === null) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return pyNumber(value);
  if (typeof value === "string") return value;
  return pyRepr(value);
}

function pyRepr(value) {
  if (typeof value === "string") {
    const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
    const escaped = value.replace(/\\/g, "\\\\").replace(/\n/g, "\\n").replace(/\t/g, "\\t");
    return quote + (quote === "'" ? escaped.replace(/'/g, "\\'") : escaped) + quote;
  }
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(", ")}]`;
  if (value && typeof value === "object") {
    return `{${Object.entries(value).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(", ")}}`;
  }
  return pyStr(value);
}

export function describe(value) {
  if (value === null || value === undefined) return "une valeur vide";
  if (typeof value === "boolean") return `« ${value} »`;
  if (typeof value === "number") return `le nombre ${pyNumber(value)}`;
  if (typeof value === "string") {
    const chars = Array.from(value);  // Python counts code points
    const shown = chars.length <= 40 ? value : chars.slice(0, 37).join("") + "…";
    return `le texte « ${shown} »`;
  }
  if (Array.isArray(value)) return "une liste";
  return "un groupe de champs";
}

// --- difflib.get_close_matches(word, possibilities, n=1, cutoff=0.6), ported -------------

function matchingCharacters(a, b) {
  // SequenceMatcher(None, a, b) without junk (autojunk only applies from 200 items of b).
  const b2j = new Map();
  b.forEach((item, j) => {
    if (!b2j.has(item)) b2j.set(item, []);
    b2j.get(item).push(j);
  });
  const longest = (alo, ahi, blo, bhi) => {
    let [besti, bestj, bestsize] = [alo, blo, 0];
    let j2len = new Map();
    for (let i = alo; i < ahi; i += 1) {
      const next = new Map();
      for (const j of b2j.get(a[i]) || []) {
        if (j < blo) continue;
        if (j >= bhi) break;
        const k = (j2len.get(j - 1) || 0) + 1;
        next.set(j, k);
        if (k > bestsize) [besti, bestj, bestsize] = [i - k + 1, j - k + 1, k];
      }
      j2len = next;
    }
    while (besti > alo && bestj > blo && a[besti - 1] === b[bestj - 1]) {
      besti -= 1; bestj -= 1; bestsize += 1;
    }
    while (besti + bestsize < ahi && bestj + bestsize < bhi && a[besti + bestsize] === b[bestj + bestsize]) {
      bestsize += 1;
    }
    return [besti, bestj, bestsize];
  };
  let matched = 0;
  const queue = [[0, a.length, 0, b.length]];
  while (queue.length) {
    const [alo, ahi, blo, bhi] = queue.pop();
    const [i, j, k] = longest(alo, ahi, blo, bhi);
    if (k) {
      matched += k;
      if (alo < i && blo < j) queue.push([alo, i, blo, j]);
      if (i + k < ahi && j + k < bhi) queue.push([i + k, ahi, j + k, bhi]);
    }
  }
  return matched;
}

function ratio(a, b) {
  const total = a.length + b.length;
  return total ? (2 * matchingCharacters(a, b)) / total : 1;
}

/** The closest of `possibilities` to `word` (ratio >= cutoff), as difflib picks it. */
export function closeMatch(word, possibilities, cutoff = 0.6) {
  const b = Array.from(word);
  let best = null;
  for (const candidate of possibilities) {
    const score = ratio(Array.from(candidate), b);
    if (score < cutoff) continue;
    // heapq.nlargest over (score, candidate): on a tie the greater string wins.
    if (!best || score > best[0] || (score === best[0] && candidate > best[1])) best = [score, candidate];
  }
  return best ? best[1] : null;
}

// --- a few lines of YAML showing how to write a block: centre_ressources/examples.py -------

const INDENT = "    ";

function resolveRef(schema, root) {
  const ref = schema.$ref || "";
  if (ref.startsWith("#/$defs/")) {
    const { $ref, ...own } = schema;
    return { ...root.$defs[ref.slice("#/$defs/".length)], ...own };
  }
  return schema;
}

function isBlock(schema) {
  const kinds = Array.isArray(schema.type) ? schema.type : [schema.type];
  return kinds.includes("object") || kinds.includes("array");
}

const firstExample = (schema) => ((schema.examples || []).length ? schema.examples[0] : null);
const firstItem = (value) => (Array.isArray(value) && value.length ? value[0] : null);
const leading = (line) => line.length - line.replace(/^[ -]+/, "").length;

function scalar(value) {
  if (Array.isArray(value)) return "[" + value.map(scalar).join(", ") + "]";
  if (typeof value === "string" && (/^\d+$/.test(value) || value.includes(": ") || (value && "\"'[{&*#|>%@`".includes(value[0])))) {
    return JSON.stringify(value);
  }
  return pyStr(value);
}

function fields(schema, root) {
  const lines = [];
  for (const key of schema.required || []) {
    const child = resolveRef(schema.properties[key], root);
    if (isBlock(child) && firstExample(child) === null) {
      lines.push(`${key}:`, ...block(child, root, "  "));
    } else {
      const example = firstExample(child);
      lines.push(example !== null ? `${key}: ${scalar(example)}` : `${key}: …`);
    }
  }
  return lines;
}

function block(schema, root, indent) {
  if ("properties" in schema) return fields(schema, root).map((line) => indent + line);
  const items = resolveRef(schema.items || {}, root);
  if ("properties" in items) {
    return fields(items, root).map((line, i) => indent + (i === 0 ? "- " : "  ") + line);
  }
  const example = firstExample(items) ?? firstItem(firstExample(schema));
  return example !== null && example !== undefined ? [`${indent}- ${scalar(example)}`] : [];
}

function complete(lines) {
  return lines.every((line, index) => {
    if (line.endsWith(": …")) return false;
    if (line.endsWith(":")) {
      const following = index + 1 < lines.length ? lines[index + 1] : "";
      if (leading(following) <= leading(line)) return false;
    }
    return true;
  });
}

function exampleLines(name, schema, root) {
  const body = block(resolveRef(schema, root), root, "  ");
  const lines = body.length ? [`${name}:`, ...body] : [];
  return complete(lines) ? lines : [];
}

function withExample(message, lines) {
  return lines.length ? message + " Par exemple :\n" + lines.map((line) => INDENT + line).join("\n") : message;
}

function typeHint(expected, value, schema, root, path) {
  if (expected.includes("string") && typeof value === "number") return ` ; écrivez-le entre guillemets droits : "${pyStr(value)}".`;
  if (expected.includes("integer") && typeof value === "string" && /^\d+$/.test(value.trim())) {
    return ` ; écrivez le nombre sans guillemets : ${value.trim()}.`;
  }
  if ((expected.includes("array") || expected.includes("object")) && typeof value === "string" && path.length) {
    return "." + withExample("", exampleLines(String(path[path.length - 1]), schema, root));
  }
  return ".";
}

// --- the validator's errors, worded like _translate ---------------------------------------

function pointerParts(pointer) {
  const text = pointer.replace(/^#\/?/, "");
  if (!text) return [];
  return text.split("/").map((p) => decodeURIComponent(p).replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** The instance path with array indices as numbers, found by walking the data. */
function instancePath(data, pointer) {
  const path = [];
  let node = data;
  for (const part of pointerParts(pointer)) {
    if (Array.isArray(node)) {
      path.push(Number(part));
      node = node[Number(part)];
    } else {
      path.push(part);
      node = node == null ? undefined : node[part];
    }
  }
  return [path, node];
}

/** The subschema a keyword belongs to, following `$ref` as jsonschema's `error.schema` does. */
function schemaAt(root, keywordLocation) {
  const parts = pointerParts(keywordLocation).slice(0, -1);
  let node = root;
  for (const part of parts) {
    if (part === "$ref") {
      node = pointerParts(node.$ref).reduce((n, p) => n[p], root);
    } else {
      node = node[part];
    }
  }
  return node;
}

function quoted(errorText) {
  const found = /"([^"]*)"/.exec(errorText);
  return found ? found[1] : "";
}

function* translate(root, data, unit) {
  const [path, instance] = instancePath(data, unit.instanceLocation);
  const kind = unit.keyword;
  const schema = schemaAt(root, unit.keywordLocation);
  const at = (message, where = path) => ({ path: where, field: fieldName(where), message });

  if (kind === "additionalProperties") {
    const known = Object.keys(schema.properties || {}).sort();
    const extras = Object.keys(instance).filter((k) => !known.includes(k)).sort();
    for (const extra of extras) {
      const suggestion = closeMatch(extra, known);
      const hint = suggestion ? ` ; vouliez-vous dire « ${suggestion} » ?`
        : ` ; les champs possibles ici sont : ${known.join(", ")}.`;
      yield at(`ce champ est inconnu${hint}`, [...path, extra]);
    }
  } else if (kind === "required") {
    const missing = quoted(unit.error);
    let message = "ce champ obligatoire manque" + (path.length ? ` (dans « ${fieldName(path)} »).` : ".");
    const wanted = resolveRef((schema.properties || {})[missing] || {}, root);
    if (isBlock(wanted)) message = withExample(message, exampleLines(missing, wanted, root));  // show its shape
    yield at(message, [...path, missing]);
  } else if (kind === "type") {
    const expected = Array.isArray(schema.type) ? schema.type : [schema.type];
    const names = expected.map((t) => TYPE_NAMES.get(t) || t).join(" ou ");
    yield at(`attendu : ${names} ; trouvé : ${describe(instance)}${typeHint(expected, instance, schema, root, path)}`);
  } else if (kind === "enum") {
    const choices = schema.enum.map((c) => `« ${pyStr(c)} »`).join(", ");
    yield at(`valeur « ${pyStr(instance)} » non reconnue ; valeurs possibles : ${choices}.`);
  } else if (kind === "minLength") {
    yield at(!instance ? "ce texte est vide ou trop court."
      : `ce texte est trop court (au moins ${schema.minLength} caractères).`);
  } else if (kind === "minItems") {
    const count = schema.minItems;
    yield at(`la liste doit contenir au moins ${count} élément${count > 1 ? "s" : ""}.`);
  } else if (kind === "minimum") {
    yield at(`la valeur ${pyStr(instance)} est trop petite (minimum : ${pyStr(schema.minimum)}).`);
  } else if (kind === "maximum") {
    yield at(`la valeur ${pyStr(instance)} est trop grande (maximum : ${pyStr(schema.maximum)}).`);
  } else if (kind === "pattern" && schema.pattern === ONE_LINE_PATTERN) {
    yield at("ce texte s'écrit sur une seule ligne (c'est un titre, un nom ou une étiquette) : retirez le retour "
      + "à la ligne ; en YAML, écrivez-le à la suite du nom du champ, sans « > » ni « | ».");
  } else if ((kind === "pattern" || kind === "format") && (schema.format === "date" || kind === "date")) {
    yield at(`date invalide : ${describe(instance)} ; écrivez-la AAAA-MM-JJ, par exemple 2025-03-14.`);
  } else if (kind === "pattern" && (schema.pattern || "").startsWith("^[a-z0-9]")) {
    yield at(`${describe(instance)} n'est pas un identifiant valide : `
      + "lettres minuscules sans accents, chiffres et tirets, par exemple « charte-de-cooperation ».");
  } else if (kind === "pattern" && (schema.pattern || "").startsWith("^https?")) {
    yield at(`${describe(instance)} n'est pas une adresse web : elle doit commencer par https://.`);
  } else {
    yield at(`valeur invalide (${unit.error}).`);
  }
}

// The pattern of `$defs/une_ligne` in each schema (content/validate.py's ONE_LINE_PATTERN).
const ONE_LINE_PATTERN = "^[^\n\r\u2028\u2029]*(?![\\s\\S])";

const validators = new WeakMap();

/** Every error of `data` against `schema`: [{path, field, message}], as `check` words them. */
export function validate(schema, data) {
  if (!validators.has(schema)) validators.set(schema, new Validator(schema, "2020-12", false));
  const result = validators.get(schema).validate(data);
  const errors = [];
  const seen = new Set();  // one additionalProperties unit per extra field: all are worded at once
  for (const unit of result.errors) {
    if (WRAPPERS.has(unit.keyword)) continue;
    if (unit.keyword === "additionalProperties") {
      if (seen.has(unit.instanceLocation)) continue;
      seen.add(unit.instanceLocation);
    }
    errors.push(...translate(schema, data, unit));
  }
  return errors;
}
