"""Content files -> checked records: front matter read with the line of every value, the
JSON Schemas and their French messages, the records (Phase, Fiche, EtudeDeCas, Parcours, Terme),
sheet sections, the glossary, slugs, and the texts contributors wrote."""
