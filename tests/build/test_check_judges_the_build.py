"""`check` is the build's judge: a hostile contribution is refused by both, the same way.

Each row of HOSTILE is a small edit of the mini fixture (tests/fixtures/mini; all its content
is fictional) that once made `mkdocs build --strict` stop with a traceback, or publish
something dangerous, while `check` let it pass. Now `centre-ressources check` and the strict
build both exit 1 with the French error at its file and line, no traceback, and the previous
site folder untouched. A new class of hostile input is one more row.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from support.bad_inputs.corpus import TINY_PNG
from support.edits import edit
from support.project import FIXTURES, copy_project, run_cli, run_mkdocs

MINI = FIXTURES / "mini"
A = "methods/alpha.md"
CASE = "case_studies/vallee-exemple/index.md"
STORY = "Un récit de test."  # the case's story, line 36 of its file
PHASE = "phases/premiere.md"
PAGE = "docs/enseignements/tiers-veilleur.md"
GLOSSARY = "glossary.yml"
A_PHOTO = {"case_studies/vallee-exemple/photo.png": TINY_PNG}
A_GLOSSARY = {GLOSSARY: "termes:\n  - terme: terme fictif\n    definition: Une définition fictive assez longue.\n".encode()}


@dataclass(frozen=True)
class Hostile:
    name: str
    path: str  # the file edited
    old: str
    new: str
    where: str  # the error's start, « file:line:column : »
    says: str  # a piece of its message
    beside: dict[str, bytes] = field(default_factory=dict)  # files added, by path


HOSTILE = [
    Hostile("yaml-imbrique-entre-crochets", A, "mots_cles: [test]", "mots_cles: " + "[" * 5000 + "x" + "]" * 5000,
            f"{A}:34:43 : ", "en-tête YAML trop imbriqué"),
    Hostile("yaml-imbrique-en-retraits", A, "mots_cles: [test]\n",
            "mots_cles:\n" + "".join(" " * level + "- \n" for level in range(1, 400)),
            f"{A}:66:33 : ", "en-tête YAML trop imbriqué"),
    Hostile("divs-markdown-imbriques", CASE, STORY, '<div markdown="1">\n' * 3000 + "x\n" + "</div>\n" * 3000,
            f"{CASE}:68:1 : ", "les balises HTML s'emboîtent ici sur plus de 32 niveaux"),
    Hostile("citations-imbriquees", CASE, STORY, ">" * 3000 + " x",
            f"{CASE}:36:1 : ", "les listes et les citations s'emboîtent"),
    Hostile("listes-imbriquees", CASE, STORY, "\n".join("    " * level + "- x" for level in range(300)),
            f"{CASE}:68:1 : ", "les listes et les citations s'emboîtent"),
    Hostile("italiques-imbriques", CASE, STORY, "*a " * 2000 + "x" + " a*" * 2000,
            f"{CASE}:36:1 : ", "le gras, l'italique et les liens s'emboîtent"),
    Hostile("div-non-fermee", CASE, STORY, f"<div>\n{STORY}",
            f"{CASE}:36:1 : ", "la balise <div> ouverte ici n'est pas fermée"),
    Hostile("pre-non-fermee", CASE, STORY, f"<pre>\n{STORY}",
            f"{CASE}:36:1 : ", "ajoutez « </pre> »"),
    Hostile("commentaire-non-ferme", CASE, STORY, f"<!--\n{STORY}",
            f"{CASE}:36:1 : ", "le commentaire ouvert ici par « <!-- » n'est jamais fermé"),
    Hostile("attribut-id", CASE, STORY, '<span id="cr--formulaire">Un récit</span>',
            f"{CASE}:36:1 : ", "l'attribut « id » n'est pas accepté"),
    Hostile("attribut-data", CASE, STORY, '<p data-contribution="1">Un récit</p>',
            f"{CASE}:36:1 : ", "l'attribut « data-contribution » n'est pas accepté"),
    Hostile("balise-svg-script", CASE, STORY, "<svg><svg:script>alert(1)</svg:script></svg>",
            f"{CASE}:36:1 : ", "la balise <svg> n'est pas acceptée"),
    Hostile("lien-javascript-masque", CASE, STORY, "[Un lien](java&#115;cript:alert(1))",
            f"{CASE}:36:1 : ", "les liens « javascript: » sont interdits"),
    Hostile("image-data", CASE, STORY, "![Un dessin](data:image/svg+xml;base64,PHN2Zz4=)",
            f"{CASE}:36:1 : ", "les adresses « data: » ne sont pas acceptées"),
    Hostile("liste-d-attributs", CASE, STORY, f"{STORY}\n{{: #cr--formulaire .md-button }}",
            f"{CASE}:37:1 : ", "les attributs écrits entre accolades"),
    Hostile("attributs-de-bloc-de-code", CASE, STORY, "```{.md-button #cr--x}\ncode\n```",
            f"{CASE}:36:1 : ", "écrivez seulement le nom du langage"),
    Hostile("type-d-encadre-inconnu", CASE, STORY, "!!! atelier-ajout\n    Un encadré.",
            f"{CASE}:36:1 : ", "le type d'encadré « atelier-ajout » n'existe pas"),
    Hostile("demi-paire-utf16", A, "titre: Fiche alpha", 'titre: "Fiche \\ud800 alpha"',
            f"{A}:2:1 : ", "le caractère U+D800 n'existe pas seul"),
    Hostile("tabulation-verticale", A, "titre: Fiche alpha", 'titre: "Fiche \\v alpha"',
            f"{A}:2:1 : ", "une tabulation verticale (U+000B)"),
    Hostile("caractere-c1", CASE, STORY, "Un récit\u0092 de test.",
            f"{CASE}:36:1 : ", "(U+0092)"),
    Hostile("usage-prive-lien-du-glossaire-force", CASE, STORY, "Un \ue000récit\ue001 de test.",
            f"{CASE}:36:1 : ", "le caractère U+E000 est à usage privé"),
    Hostile("non-caractere", CASE, STORY, "Un récit \ufffe de test.",
            f"{CASE}:36:1 : ", "le caractère U+FFFE est un « non-caractère »"),
    Hostile("titre-sur-deux-lignes", A, "titre: Fiche alpha", 'titre: "Fiche\\n# alpha"',
            f"{A}:2:1 : ", "ce texte s'écrit sur une seule ligne"),
    Hostile("titre-de-phase-sur-deux-lignes", PHASE, "titre: Première phase", "titre: |\n  Première\n  phase",
            f"{PHASE}:3:1 : ", "ce texte s'écrit sur une seule ligne"),
    Hostile("ancre-perimee-dans-docs", PAGE, "Une page écrite à la main",
            "Voir [l'étape](../demarche/premiere.md#ancienne-etape). Une page écrite à la main",
            f"{PAGE}:6:1 : ", "l'ancre « #ancienne-etape » n'existe pas dans la page « demarche/premiere.md »"),
    Hostile("dessin-svg", CASE, STORY, f"{STORY}\n\n![Un dessin](dessin.png)",
            "case_studies/vallee-exemple/dessin.svg:1:1 : ", "exportez le dessin en PNG",
            beside={"case_studies/vallee-exemple/dessin.svg": b'<svg xmlns="http://www.w3.org/2000/svg"><rect/></svg>',
                    "case_studies/vallee-exemple/dessin.png": TINY_PNG}),
    Hostile("date-apres-2099", A, "mise_a_jour: 2026-01-15", "mise_a_jour: 2200-01-01",
            f"{A}:35:1 : ", "date invalide : le texte « 2200-01-01 »"),
    Hostile("duree-ecrite-en-decimal", A, "duree: 90", "duree: 90.0",
            f"{A}:9:1 : ", "trouvé : le nombre 90.0 ; écrivez-le sans décimale : 90."),
    Hostile("numero-de-phase-en-decimal", PHASE, "numero: 1", "numero: 1.0",
            f"{PHASE}:2:1 : ", "écrivez-le sans décimale : 1."),
    Hostile("participants-en-decimal", A, "max: 10", "max: 10.0",
            f"{A}:12:3 : ", "écrivez-le sans décimale : 10."),
    Hostile("mot-cle-sans-lettre", A, "mots_cles: [test]", "mots_cles: [test, '!!', '??']",
            f"{A}:34:19 : ", "le mot-clé « !! » n'a ni lettre latine ni chiffre"),
    Hostile("terme-sans-lettre", GLOSSARY, "terme: terme fictif", "terme: '——'",
            f"{GLOSSARY}:2:1 : ", "le terme « —— » n'a ni lettre latine ni chiffre", beside=A_GLOSSARY),
    Hostile("nom-d-image-en-balise", CASE, STORY, f"{STORY}\n\n![Une photo](a%3Cb%3E.png)",
            "case_studies/vallee-exemple/a<b>.png:1:1 : ", "renommez le fichier, par exemple « a-b.png »",
            beside={"case_studies/vallee-exemple/a<b>.png": TINY_PNG}),
    Hostile("nom-d-image-a-diese", CASE, STORY, STORY,
            'case_studies/vallee-exemple/h#1 "x".png:1:1 : ', "par exemple « h-1-x.png »",
            beside={'case_studies/vallee-exemple/h#1 "x".png': TINY_PNG}),
    Hostile("fiche-nommee-index", "methods/index.md", "titre: Fiche alpha", "titre: Fiche index",
            "methods/index.md:1:1 : ", "le nom « index » est réservé : l'adresse /fiches/ est celle du catalogue",
            beside={"methods/index.md": (MINI / A).read_bytes()}),
    Hostile("alias-index", "methods/beta.md", "\nmise_a_jour:", "\nalias: [index]\nmise_a_jour:",
            "methods/beta.md:35:1 : ", "l'alias « index » est réservé"),
    Hostile("alias-comparaison", CASE, "\nmise_a_jour:", "\nalias: [comparaison]\nmise_a_jour:",
            f"{CASE}:32:1 : ", "l'alias « comparaison » est réservé"),
    Hostile("image-par-barres-inverses", CASE, STORY, '<img src="\\\\traceur.example/../photo.png" alt="x">',
            f"{CASE}:36:1 : ", "contient une barre oblique inverse", beside=A_PHOTO),
    Hostile("image-markdown-par-barres-inverses", CASE, STORY, "![x](\\\\traceur.example/../photo.png)",
            f"{CASE}:36:1 : ", "écrivez « / »", beside=A_PHOTO),
    Hostile("image-par-barre-et-barre-inverse", CASE, STORY, '<p><img src="/\\traceur.example/p.png" alt=""></p>',
            f"{CASE}:36:1 : ", "ce fichier viendrait d'un autre site (« /\\traceur.example/p.png »)"),
    Hostile("image-par-barres-en-entites", CASE, STORY, '<img src="&#47;&#47;traceur.example/p.png" alt="">',
            f"{CASE}:36:1 : ", "ce fichier viendrait d'un autre site (« //traceur.example/p.png »)"),
    Hostile("ancre-d-un-titre-dans-du-html", CASE, STORY, "<div>\n### Titre caché\n</div>\n\n[lien](#titre-cache)",
            f"{CASE}:40:1 : ", "l'ancre « #titre-cache » n'existe pas dans cette page."),
    Hostile("ancre-sans-son-echappement", CASE, STORY, "### snake\\_case\n\n[lien](#snakecase)",
            f"{CASE}:38:1 : ", "l'ancre « #snakecase » n'existe pas dans cette page."),
    Hostile("ancre-avec-ses-balises", CASE, STORY, "### Un <b>mot</b> fort\n\n[lien](#un-bmotb-fort)",
            f"{CASE}:38:1 : ", "l'ancre « #un-bmotb-fort » n'existe pas dans cette page."),
    Hostile("html-apres-une-cloture-plus-longue", CASE, STORY, "```\n<div>\n````",
            f"{CASE}:37:1 : ", "la balise <div> ouverte ici n'est pas fermée"),
    Hostile("html-cache-par-une-cloture-plus-longue", A, "Inviter les personnes.\n",
            'Inviter les personnes.\n\n```\n<h3 id="etape-1">Fausse étape 1</h3>\n'
            '<p><img src="https://traceur.example/p.png" alt=""></p>\n````\n',
            f"{A}:46:1 : ", "l'attribut « id » n'est pas accepté"),
    Hostile("bloc-de-code-ouvert-dans-le-glossaire", GLOSSARY, "definition: Une définition fictive assez longue.",
            'definition: "Une définition fictive assez longue.\\n\\n```"\n  - terme: autre terme\n'
            '    definition: "Une autre définition fictive.\\n\\n```\\ndu code\\n```"',
            f"{GLOSSARY}:3:1 : ", "le bloc de code ouvert ici par « ``` » n'est jamais fermé", beside=A_GLOSSARY),
]

# At the limits, and what a contribution commonly writes: accepted by both.
ACCEPTED = [
    Hostile("divs-a-la-limite", CASE, STORY, '<div markdown="1">\n' * 32 + "x\n" + "</div>\n" * 32, "", ""),
    Hostile("listes-a-la-limite", CASE, STORY, "\n".join("    " * level + "- x" for level in range(8)), "", ""),
    Hostile("italiques-a-la-limite", CASE, STORY, "*a " * 32 + "x" + " a*" * 32, "", ""),
    Hostile("html-courant", CASE, STORY, '<details open><summary>Le détail</summary>\n\n<a href="https://exemple.org"'
            ' title="Un site">un lien</a>, <abbr title="Maison des associations">MDA</abbr>.\n</details>', "", ""),
    Hostile("encadre-et-code", CASE, STORY, '!!! note "À retenir"\n    Un encadré.\n\n```python\nx = 1\n```', "", ""),
    Hostile("dates-aux-limites", A, "mise_a_jour: 2026-01-15", "mise_a_jour: 2099-12-31", "", ""),
    Hostile("date-la-plus-ancienne", CASE, "mise_a_jour: 2026-02-01", "mise_a_jour: 1900-01-01", "", ""),
    Hostile("code-clos-par-sa-suite", CASE, STORY, f"{STORY}\n\n- Un point :\n\n    ````\n    ```\n    <div>\n"
            "    ````\n\n> ~~~\n> <span>\n> ~~~\n\nEt `` <b> ` `` en ligne.", "", ""),
    Hostile("ancres-de-la-table-des-matieres", CASE, STORY, "### snake\\_case\n\n[lien](#snake_case)\n\n"
            "### Un <b>mot</b> fort\n\n[lien](#un-mot-fort) et [retour](#snake_case)", "", ""),
    Hostile("image-bien-nommee", CASE, STORY, f"{STORY}\n\n![Le groupe réuni](photo_1-b.jpeg)", "", "",
            beside={"case_studies/vallee-exemple/photo_1-b.jpeg": b"\xff\xd8\xff\xe0 JFIF fictif"}),
]


def _apply(project, row: Hostile) -> None:
    for relative, data in row.beside.items():
        (project / relative).write_bytes(data)
    edit(project, row.path, row.old, row.new)


def test_each_class_of_hostile_input_has_its_row():
    assert len({row.name for row in HOSTILE}) == len(HOSTILE)
    assert len(HOSTILE) >= 20


@pytest.mark.parametrize("row", HOSTILE, ids=lambda row: row.name)
def test_check_and_the_strict_build_both_refuse_it_at_its_line(tmp_path, row):
    project = copy_project(tmp_path / "project", content="mini")
    site_dir = project / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("ancien site", encoding="utf-8")
    _apply(project, row)
    for result in (run_cli(project, "check"), run_mkdocs(project, site_dir)):
        output = result.stdout + result.stderr
        assert result.returncode == 1, output[-2000:]
        assert "Traceback" not in output, output[-2000:]
        lines = [line.strip() for line in output.splitlines() if line.strip().startswith(row.where)]
        assert any(row.says in line for line in lines), output[-2000:]
        assert [p.name for p in site_dir.iterdir()] == ["index.html"]
        assert (site_dir / "index.html").read_text(encoding="utf-8") == "ancien site"


@pytest.mark.parametrize("row", ACCEPTED, ids=lambda row: row.name)
def test_check_and_the_strict_build_both_accept_it(tmp_path, row):
    project = copy_project(tmp_path / "project", content="mini")
    _apply(project, row)
    for result in (run_cli(project, "check"), run_mkdocs(project, tmp_path / "site")):
        assert result.returncode == 0, (result.stdout + result.stderr)[-2000:]
