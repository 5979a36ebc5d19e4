"""Raw HTML, and link addresses in HTML or Markdown, outside the allowlist of
content/contributed_markup.py are refused at their line, saying what to write instead."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from centre_ressources.checks.unsafe_markup import unsafe_markup
from centre_ressources.content.contributed_markup import RAW_ATTRIBUTES, TAGS, URL_SCHEMES
from support.texts import PATH, body_texts, errors, file_texts

SCRIPT = "la balise <script> est interdite : le centre de ressources ne publie pas de script venant des contenus."
EVENT = "les attributs d'événement (onclick, onload…) sont interdits : ils exécuteraient du script."
JAVASCRIPT = "les liens « javascript: » sont interdits ; utilisez une adresse https://."


def refused(body: str) -> list[str]:
    return [line.split(" : ", 1)[1] for line in errors(unsafe_markup(body_texts(body)))]


@pytest.mark.parametrize("body", [
    '<a href="https://exemple.org/page" title="Un site">un lien</a> et <a href="../fiches/alpha.md#etape-2">une étape</a>',
    '<a href="mailto:contact@exemple.org">écrire</a>, <a href="tel:+33100000000">appeler</a>',
    '<img src="photo.jpg" alt="Une photo" width="300">',
    '<table><tr><th scope="col" colspan="2">A</th></tr><tr><td rowspan="1">b</td></tr></table>',
    '<details open><summary>Plus</summary>texte</details> <span lang="ar" dir="rtl">نص</span>',
    '<div markdown="1">*texte*</div> <ol start="3" reversed><li value="4">x</li></ol>',
    "<https://exemple.org> et <contact@exemple.org>",
    "[un lien](https://exemple.org) ![une image](photo.png) [une ancre](#etape-1) [écrire](mailto:a@exemple.org)",
    "[ref]: https://exemple.org\n\nVoir [la page][ref].",
    "[Note]: Attention: ce n'est pas une définition de lien",
    "Du code : `<script>` et `[x](javascript:alert(1))`\n\n```\n<iframe src=x></iframe>\n```",
    "Une comparaison : 3 < 5, et une flèche ->.",
])
def test_what_the_allowlist_holds_passes(body):
    assert unsafe_markup(body_texts(body)) == []


@pytest.mark.parametrize("body,message", [
    ("<script>alert(1)</script>", SCRIPT),
    ("<SCRIPT SRC=//ailleurs.example/x.js></SCRIPT>", SCRIPT),
    ('<iframe src="https://exemple.org"></iframe>',
     "l'intégration d'une autre page (<iframe>, <object>, <embed>) est interdite ; mettez plutôt un lien."),
    ("<style>p { color: red }</style>", "la balise <style> n'est pas acceptée dans un contenu : écrivez en Markdown, "
     "ou avec les balises du texte courant (la liste est dans CONTRIBUTING.md, « Ce qui est refusé, et pourquoi »)."),
    ('<img src="a.png" alt="" onerror="alert(1)">', EVENT),
    ('<a href="javascript:alert(1)">x</a>', JAVASCRIPT),
    ('<a href="&#x6A;avascript:alert(1)">x</a>', JAVASCRIPT),
    ('<a href="java&#x09;script:alert(1)">x</a>', JAVASCRIPT),
    ('<a href=" JaVaScRiPt:alert(1)">x</a>', JAVASCRIPT),
    ("[x](javascript:alert(1))", JAVASCRIPT),
    ("[x](java\tscript:alert(1))", JAVASCRIPT),
    ("[x](&#106;avascript:alert(1))", JAVASCRIPT),
    ("[x][1]\n\n[1]: <javascript:alert(1)> \"titre\"", JAVASCRIPT),
    ("<javascript:alert(1)>", JAVASCRIPT),
    ("[x](vbscript:msgbox(1))", "les liens « vbscript: » sont interdits ; utilisez une adresse https://."),
    ("![x](data:image/svg+xml;base64,PHN2Zz4=)", "les adresses « data: » ne sont pas acceptées ; pour une image, "
     "enregistrez le fichier à côté du fichier .md et écrivez ![ce que montre l'image](nom-du-fichier.jpg)."),
    ("[x](ftp://exemple.org/f)", "les liens « ftp: » ne sont pas acceptés ; écrivez une adresse https:// (ou mailto:, "
     "tel:), ou un lien relatif vers un fichier du site."),
    ("<!-- <script>alert(1)</script> -->", "les commentaires HTML (« <!-- … --> ») ne sont pas acceptés dans un "
     "contenu : ils cachent du texte à la relecture ; retirez-le (une remarque pour les relecteurs se met dans la "
     "demande de fusion)."),
    ("<![CDATA[x]]>", "cette écriture HTML (« <!…> » ou « <?…> ») n'est pas acceptée dans un contenu ; retirez-la."),
])
def test_what_could_run_script_is_refused_with_its_message(body, message):
    assert refused(body) == [message]


@pytest.mark.parametrize("attribute", ["id", "class", "style", "data-role"])
def test_the_site_s_own_attributes_are_refused_saying_why(attribute):
    [message] = refused(f'<p {attribute}="x">Un paragraphe</p>')
    assert message.startswith(f"l'attribut « {attribute} » n'est pas accepté : le site réserve les attributs id, "
                              "class, style et data- à ses propres scripts et styles ; retirez-le (")


def test_another_attribute_is_refused_naming_those_allowed():
    assert refused('<a href="x.md" target="_blank">x</a>') == [
        "l'attribut « target » n'est pas accepté sur <a> ; les attributs permis y sont : dir, href, hreflang, lang, "
        "title."]


def test_each_problem_is_at_its_line_and_field():
    found = errors(unsafe_markup(file_texts(
        "---\ntitre: Fiche fictive\nsalle: <b onclick=x>Salle</b>\n---\nUn paragraphe.\n\n<script>x</script>\n")))
    assert found == [f"{PATH}:3:1 : champ « salle » : {EVENT}", f"{PATH}:7:1 : {SCRIPT}"]


@given(st.sampled_from(sorted(TAGS)), st.sampled_from(sorted({a for v in RAW_ATTRIBUTES.values() for a in v})))
def test_a_tag_passes_exactly_with_the_attributes_of_its_allowlist(tag, attribute):
    allowed = attribute in RAW_ATTRIBUTES["*"] | RAW_ATTRIBUTES.get(tag, frozenset())
    found = refused(f'<{tag} {attribute}="a.md">x</{tag}>')
    assert (found == []) == allowed


@given(st.from_regex(r"[a-z][a-z0-9+.-]{0,10}", fullmatch=True))
def test_an_address_passes_exactly_when_its_scheme_is_allowed(scheme):
    assert (refused(f"[x]({scheme}:chemin)") == []) == (scheme in URL_SCHEMES)
