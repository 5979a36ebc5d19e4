// The file the contribution form proposes: case_studies/<slug>/index.md, a commented YAML
// front matter (keys in the schema's order, which is the order of the template that
// `centre-ressources new etude-de-cas` writes) followed by a short Markdown body.

import YAML from "../../vendor/yaml/index.js";

// Ligatures are not decomposed by NFKD, so they are folded by hand (as centre_ressources/slugs.py).
const LIGATURES = { "œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae" };

/** Fold accents and ligatures, keep letters and digits, join words with hyphens. */
export function slugify(title) {
  const folded = title.replace(/[œŒæÆ]/g, (c) => LIGATURES[c]).normalize("NFKD");
  const ascii = folded.replace(/[^\x00-\x7f]/g, "").toLowerCase();
  return (ascii.match(/[a-z0-9]+/g) || []).join("-");
}

export const DEFAULT_SLUG = "mon-etude-de-cas";

function headerComment(slug) {
  return [
    ` Étude de cas « ${slug} », écrite avec le formulaire de la page « Contribuer » du site.`,
    " Vérifiez-la avec : centre-ressources check",
    " Schéma des champs : /schemas/etude-de-cas.json (publié sur le site)",
    " Règle d'or : n'écrivez que des faits que vous pouvez sourcer. Quand vous ne savez pas,",
    " laissez le champ vide ([] ou null) : la page affichera « non documenté ».",
  ].join("\n");
}

function fieldComment(schema) {
  const title = schema.title || "";
  const description = schema.description || "";
  return " " + (title && description ? `${title} : ${description}` : title || description);
}

/** The text of index.md for `data` (already cleaned: keys in the schema's order). */
export function indexMd(schema, data, body, slug) {
  // YAML 1.1, as PyYAML reads it: strings such as "yes", "on", "1:20" or "2024" are quoted.
  const doc = new YAML.Document(data, { version: "1.1" });
  doc.commentBefore = headerComment(slug);
  for (const pair of doc.contents.items) {
    const property = schema.properties[pair.key.value] || {};
    pair.key.commentBefore = fieldComment(property);
  }
  const front = doc.toString({ lineWidth: 92, minContentWidth: 40 });
  const text = body.trim();
  return `---\n${front}---\n${text ? text + "\n" : ""}`;
}

/** The Markdown body: the contributor's story under a first heading, as in the template. */
export function bodyFrom(story) {
  const text = (story || "").trim();
  if (!text) return "";
  return /^#{1,6} /m.test(text) ? text : `## Le territoire et la structure porteuse\n\n${text}`;
}
